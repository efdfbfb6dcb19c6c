package lambdalab.interpreter;

import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL's first query in a JVM is slow: it loads and initialises the function registry, the SQL
 * parser, the analyzer's and optimizer's rules, Janino for generated code and Scala's reflection
 * (note 01's one-line {@code SELECT} took 5.7-7.8 s in a fresh interpreter here, 0.3 s after this).
 * A small query on a thread of its own, started with the session, pays that while a learner reads and
 * runs the first paragraphs. In a headless run, paragraph after paragraph on 2 cores, the cost moves
 * to the paragraphs beside it rather than going away (`lab notebooks run 01`: the same wall time).
 * It is an ordinary Spark job (a warm-up in Spark's UI), in no paragraph's job group, so neither a
 * paragraph's progress nor its cancel sees it; if it fails (the session stopped meanwhile), nothing is
 * lost but the warm-up.
 */
final class SqlWarmUp {

    private static final String QUERY = "SELECT 1 AS one, 'a' AS letter, current_timestamp() AS now";

    private SqlWarmUp() {
    }

    static void start(SparkSession session) {
        Thread thread = new Thread(() -> run(session), "spark-sql-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run(SparkSession session) {
        try {
            session.sparkContext().setJobDescription("warm-up: Spark SQL's first query, so that a note's is quick");
            session.sql(QUERY).takeAsList(1);
        } catch (Exception e) { // Spark's own exceptions are checked ones, thrown undeclared
            // the session was stopped before the query ended: only the warm-up is lost
        }
    }
}
