package lambdalab.interpreter;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import lambdalab.course.LabEndpoints;
import lambdalab.course.views.LambdaSchema;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterResult;

/**
 * {@code %lab.cql}: CQL against the lab's Cassandra (the connector's Java driver). A statement that
 * returns columns becomes a table; the first error ends the paragraph with the driver's message.
 * The session opens on the first paragraph, so the interpreter starts even while Cassandra is down.
 */
public class CqlInterpreter extends Interpreter {

    private LabEndpoints endpoints;
    private int maxRows;
    private CqlSession session;
    private volatile CompletableFuture<AsyncResultSet> running;

    public CqlInterpreter(Properties properties) {
        super(properties);
    }

    @Override
    public void open() {
        LabInterpreterSettings settings = LabInterpreterSettings.from(getProperties());
        endpoints = settings.endpoints();
        maxRows = settings.maxRows();
    }

    @Override
    public InterpreterResult interpret(String text, InterpreterContext context) {
        InterpreterResult result = new InterpreterResult(InterpreterResult.Code.SUCCESS);
        CqlSession cql;
        try {
            cql = session();
        } catch (RuntimeException e) {
            return TableResults.failed(result, "Cannot reach Cassandra at " + endpoints.cassandraHost() + ":"
                    + endpoints.cassandraPort() + " (is the lab up? ./lab status): "
                    + ErrorText.shorten(e.getMessage()));
        }
        List<String> statements = Statements.split(text, Statements.Dialect.CQL);
        for (int i = 0; i < statements.size(); i++) {
            try {
                TableResults.addTable(result, execute(cql, statements.get(i)), maxRows);
            } catch (CancellationException e) {
                return TableResults.failed(result, "Cancelled.");
            } catch (RuntimeException | ExecutionException e) {
                String where = statements.size() > 1 ? "statement " + (i + 1) + ": " : "";
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                return TableResults.failed(result, where + ErrorText.shorten(cause.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return TableResults.failed(result, "Interrupted.");
            }
        }
        return result;
    }

    private synchronized CqlSession session() {
        if (session == null) {
            session = LambdaSchema.openSession(endpoints);
        }
        return session;
    }

    /** Runs one statement; the rows it returns (at most maxRows + 1, to know if there were more). */
    private TableData execute(CqlSession cql, String statement) throws ExecutionException, InterruptedException {
        running = cql.executeAsync(statement).toCompletableFuture();
        AsyncResultSet page = running.get();
        List<String> header = new ArrayList<>();
        for (ColumnDefinition column : page.getColumnDefinitions()) {
            header.add(column.getName().asCql(true));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (true) {
            for (Row row : page.currentPage()) {
                if (rows.size() == maxRows) {
                    return new TableData(header, rows, true);
                }
                rows.add(cells(row, header.size()));
            }
            if (!page.hasMorePages()) {
                return new TableData(header, rows, false);
            }
            running = page.fetchNextPage().toCompletableFuture();
            page = running.get();
        }
    }

    private static List<Object> cells(Row row, int columns) {
        List<Object> cells = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            cells.add(row.getObject(i));
        }
        return cells;
    }

    @Override
    public void cancel(InterpreterContext context) {
        CompletableFuture<AsyncResultSet> current = running;
        if (current != null) {
            current.cancel(true);
        }
    }

    @Override
    public FormType getFormType() {
        return FormType.NONE;
    }

    @Override
    public int getProgress(InterpreterContext context) {
        return 0;
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
