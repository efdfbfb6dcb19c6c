package lambdalab.interpreter;

/**
 * {@code show(...)} in {@code %lab.java}: prints a Dataset, a collection or a Map as a Zeppelin
 * table. It prints to {@code System.out}, which the interpreter routes to the paragraph's output,
 * where Zeppelin's {@code %table} marker at the start of a line begins a table result.
 */
public final class Display {

    private Display() {
    }

    public static void show(Object value, int maxRows) {
        TableData table = TableData.of(value, maxRows);
        StringBuilder out = new StringBuilder();
        // the marker must start a line; a blank line ends the table, and %text takes later prints back to text
        out.append("\n%table ").append(TableText.body(table)).append("\n%text ");
        if (table.truncated()) {
            out.append(TableText.truncationNote(maxRows)).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }
}
