package lambdalab.interpreter;

import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.apache.zeppelin.interpreter.InterpreterResult;

/**
 * {@code %lab.sql}: Spark SQL on the session {@code %lab.java} uses (its temp views, the lab's HDFS
 * as default file system). Each statement that returns columns becomes a table; the first error
 * ends the paragraph with Spark's message.
 */
public class SqlInterpreter extends Interpreter {

    private SparkSession spark;
    private SparkJobs jobs;
    private int maxRows;

    public SqlInterpreter(Properties properties) {
        super(properties);
    }

    @Override
    public void open() throws InterpreterException {
        try {
            LabInterpreterSettings settings = LabInterpreterSettings.from(getProperties());
            spark = SharedSpark.acquire(settings);
            jobs = new SparkJobs(spark);
            maxRows = settings.maxRows();
        } catch (RuntimeException e) {
            throw new InterpreterException("The lab's SQL interpreter did not start: " + ErrorText.describe(e), e);
        }
    }

    @Override
    public InterpreterResult interpret(String text, InterpreterContext context) {
        List<String> statements = Statements.split(text, Statements.Dialect.SPARK_SQL);
        InterpreterResult result = new InterpreterResult(InterpreterResult.Code.SUCCESS);
        try (SparkJobs.Paragraph paragraph = jobs.begin(context.getParagraphId())) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    Dataset<Row> rows = spark.sql(statements.get(i)); // a command runs here, a query lazily
                    if (rows.columns().length > 0) {
                        TableResults.addTable(result, TableData.of(rows, maxRows), maxRows);
                    }
                } catch (Exception e) { // Spark's AnalysisException is checked, and thrown undeclared
                    String where = statements.size() > 1 ? "statement " + (i + 1) + ": " : "";
                    return TableResults.failed(result, where + message(e));
                }
            }
        }
        return result;
    }

    /** Spark's message: with the SQL and a caret for a syntax error, without the query plan otherwise. */
    static String message(Exception error) {
        if (error instanceof ParseException) {
            return error.getMessage().strip();
        }
        if (error instanceof AnalysisException analysis) {
            return analysis.getSimpleMessage();
        }
        return ErrorText.shorten(error.getMessage());
    }

    @Override
    public void cancel(InterpreterContext context) {
        if (jobs != null) {
            jobs.cancel();
        }
    }

    @Override
    public FormType getFormType() {
        return FormType.NONE;
    }

    @Override
    public int getProgress(InterpreterContext context) {
        return jobs == null ? 0 : jobs.progress();
    }

    @Override
    public void close() {
        if (spark != null) {
            spark = null;
            SharedSpark.release();
        }
    }
}
