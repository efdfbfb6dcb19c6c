package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import org.apache.spark.JobExecutionStatus;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** %lab.sql beside %lab.java, sharing one local[2] SparkSession. */
class SqlInterpreterTest {

    private static JavaInterpreter java;
    private static SqlInterpreter sql;

    @BeforeAll
    static void open() throws InterpreterException {
        Properties properties = new Properties();
        properties.setProperty(LabInterpreterSettings.HDFS_URI, "file:///");
        properties.setProperty(LabInterpreterSettings.MAX_ROWS, "3");
        sql = new SqlInterpreter(properties);
        sql.open();
        java = new JavaInterpreter(properties);
        java.open();
    }

    @AfterAll
    static void close() {
        java.close();
        sql.close();
    }

    private static Paragraphs.Run java(String text) {
        return Paragraphs.run(java, text);
    }

    @Test
    void sqlSeesTempViewsMadeInJavaAndRendersTables() {
        assertThat(java("spark.range(5).selectExpr(\"id\", \"id % 2 AS parity\").createOrReplaceTempView(\"numbers\");")
                .code()).isEqualTo(Code.SUCCESS);
        Paragraphs.Run run = Paragraphs.run(sql, """
                -- a comment; with a semicolon
                CREATE OR REPLACE TEMP VIEW counted AS
                  SELECT parity, count(*) AS n FROM numbers GROUP BY parity;
                SELECT * FROM counted ORDER BY parity
                """);
        assertThat(run.code()).as(run.toString()).isEqualTo(Code.SUCCESS);
        assertThat(run.tables()).containsExactly("parity\tn\n0\t3\n1\t2\n");
    }

    /** The session's start ran Spark SQL's first query on a thread of its own, in no paragraph's job group. */
    @Test
    void theSessionsStartWarmsSparkSqlUpWithAJobOfItsOwn() {
        JavaSparkStatusTracker tracker = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext())
                .statusTracker();
        await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(tracker.getJobIdsForGroup(null))
                .mapToObj(tracker::getJobInfo)
                .anyMatch(job -> job != null && job.status() == JobExecutionStatus.SUCCEEDED));
    }

    @Test
    void aSqlErrorIsSparksMessage() {
        Paragraphs.Run run = Paragraphs.run(sql, "SELECT nope FROM range(3)");
        assertThat(run.code()).isEqualTo(Code.ERROR);
        assertThat(run.text()).isEqualTo("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with "
                + "name `nope` cannot be resolved. Did you mean one of the following? [`id`].; line 1 pos 7");
        Paragraphs.Run syntax = Paragraphs.run(sql, "SELECT 1;\nSELEC 2");
        assertThat(syntax.code()).isEqualTo(Code.ERROR);
        assertThat(syntax.tables()).as("the statement before ran").containsExactly("1\n1\n");
        assertThat(syntax.text()).startsWith("statement 2: [PARSE_SYNTAX_ERROR]").contains("== SQL ==\nSELEC 2\n^^^");
    }

    @Test
    void aLongResultIsCutAtTheRowLimit() {
        Paragraphs.Run run = Paragraphs.run(sql, "SELECT id FROM range(10)");
        assertThat(run.tables()).containsExactly("id\n0\n1\n2\n");
        assertThat(run.text()).contains("Showing the first 3 rows");
    }

    @Test
    void theSessionIsTheOneJavaSees() {
        assertThat(Paragraphs.run(sql, "CREATE OR REPLACE TEMP VIEW from_sql AS SELECT 7 AS seven").code())
                .isEqualTo(Code.SUCCESS);
        assertThat(java("spark.table(\"from_sql\").first().getInt(0)").text()).contains("==> 7");
    }
}
