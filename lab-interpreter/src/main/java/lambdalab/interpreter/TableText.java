package lambdalab.interpreter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Zeppelin's table format: a tab-separated header line, then one line per row. Zeppelin's charts
 * read it, so a cell never contains a tab or a line break, and blobs (sketches) show as short hex.
 */
public final class TableText {

    private static final int BLOB_BYTES_SHOWN = 16;

    private TableText() {
    }

    /** The table without the {@code %table} marker: header and rows, each line ending in a newline. */
    public static String body(TableData table) {
        StringBuilder text = new StringBuilder();
        line(text, table.header());
        for (List<Object> row : table.rows()) {
            line(text, row);
        }
        return text.toString();
    }

    /** The table as aligned columns for a terminal: the header, a rule, the rows. */
    public static String aligned(TableData table) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(table.header().stream().map(TableText::cell).toList());
        table.rows().forEach(row -> lines.add(row.stream().map(TableText::cell).toList()));
        int[] widths = new int[table.header().size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length && i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder padded = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                padded.append(line.get(i)).append(" ".repeat(Math.max(0, widths[i] - line.get(i).length() + 2)));
            }
            text.append(padded.toString().stripTrailing()).append('\n');
            if (line == lines.get(0)) {
                text.append("-".repeat(Arrays.stream(widths).sum() + 2 * (widths.length - 1))).append('\n');
            }
        }
        return text.toString();
    }

    /** The note under a table that was cut at {@code maxRows} rows. */
    public static String truncationNote(int maxRows) {
        return "Showing the first " + maxRows + " rows (interpreter property " + LabInterpreterSettings.MAX_ROWS
                + ", or show(value, rows) in %lab.java).";
    }

    private static void line(StringBuilder text, List<?> cells) {
        text.append(cells.stream().map(TableText::cell).collect(Collectors.joining("\t"))).append('\n');
    }

    static String cell(Object value) {
        String text;
        if (value instanceof byte[] bytes) {
            text = blob(ByteBuffer.wrap(bytes));
        } else if (value instanceof ByteBuffer buffer) {
            text = blob(buffer.duplicate());
        } else {
            text = String.valueOf(value);
        }
        return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    private static String blob(ByteBuffer buffer) {
        int size = buffer.remaining();
        byte[] head = new byte[Math.min(size, BLOB_BYTES_SHOWN)];
        buffer.get(head);
        return "0x" + HexFormat.of().formatHex(head) + (size > head.length ? "... (" + size + " bytes)" : "");
    }
}
