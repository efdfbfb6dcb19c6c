package lambdalab.interpreter;

import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL's first query in a JVM is slow: it loads and initialises the function registry, the SQL
 * parser, the analyzer's and optimizer's rules, Janino for generated code and Scala's reflection,
 * about 5 s of one core on a 2-core machine (note 01's one-line {@code SELECT} took 5.7-7.8 s in a
 * fresh interpreter, against under a second later). A learner's first paragraphs are Java, CQL or
 * reading: a small query on a background thread, started with the session, pays that while they run.
 * It is an ordinary Spark job ("warm-up" in Spark's UI), not in any paragraph's job group, so neither
 * a paragraph's progress nor its cancel sees it; if it fails (the session stopped meanwhile), nothing
 * is lost but the warm-up.
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
            session.sql(QUERY).toDF().takeAsList(1);
        } catch (RuntimeException e) {
            // the session was stopped before the query ended: only the warm-up is lost
        }
    }
}
