package lambdalab.interpreter;

/**
 * {@code show(...)} in {@code %lab.java}: prints a Dataset, a collection or a Map as a table. In a
 * notebook it prints Zeppelin's {@code %table} text to {@code System.out} (which the interpreter
 * routes to the paragraph's output, where Zeppelin draws a table or chart); in {@code lab shell} the
 * prelude calls {@link #showAligned} instead.
 */
public final class Display {

    private Display() {
    }

    /** For Zeppelin: the table as {@code %table} text. */
    public static void show(Object value, int maxRows) {
        TableData table = TableData.of(value, maxRows);
        // the marker must start a line; a blank line ends the table, and %text takes later prints back to text
        print("\n%table " + TableText.body(table) + "\n%text ", table, maxRows);
    }

    /** For a terminal: the table aligned in columns. */
    public static void showAligned(Object value, int maxRows) {
        TableData table = TableData.of(value, maxRows);
        print(TableText.aligned(table), table, maxRows);
    }

    private static void print(String text, TableData table, int maxRows) {
        System.out.print(table.truncated() ? text + TableText.truncationNote(maxRows) + "\n" : text);
        System.out.flush();
    }
}
