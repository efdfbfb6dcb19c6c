package lambdalab.interpreter;

import org.apache.zeppelin.interpreter.InterpreterResult;

/** Results of the statement interpreters (%lab.sql, %lab.cql): one table per query, then any error. */
final class TableResults {

    private TableResults() {
    }

    /** Adds a query's rows as a table, and a note if it was cut; a statement without columns adds nothing. */
    static void addTable(InterpreterResult result, TableData table, int maxRows) {
        if (table.header().isEmpty()) {
            return; // DDL, INSERT, CREATE VIEW ...: nothing to show
        }
        result.add(InterpreterResult.Type.TABLE, TableText.body(table));
        if (table.truncated()) {
            result.add(InterpreterResult.Type.TEXT, TableText.truncationNote(maxRows));
        }
    }

    /** The tables of the statements that ran, then the error. */
    static InterpreterResult failed(InterpreterResult soFar, String error) {
        InterpreterResult failed = new InterpreterResult(InterpreterResult.Code.ERROR, soFar.message());
        failed.add(InterpreterResult.Type.TEXT, error);
        return failed;
    }
}
