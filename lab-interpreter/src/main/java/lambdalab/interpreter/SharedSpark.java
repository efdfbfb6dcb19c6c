package lambdalab.interpreter;

import lambdalab.course.LabEndpoints;
import lambdalab.course.spark.LabSpark;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.streaming.StreamingContext;
import scala.Option;

/**
 * The one SparkSession of the interpreter process, shared by {@code %lab.java} and {@code %lab.sql}
 * (a temp view made in one is visible in the other). Started by the first interpreter that opens,
 * stopped when the last one closes.
 */
public final class SharedSpark {

    private static SparkSession session;
    private static LabEndpoints endpoints;
    private static java.net.URI plusApp;
    private static int users;

    private SharedSpark() {
    }

    /** The session, started on first use with these settings (later settings do not restart it). */
    public static synchronized SparkSession acquire(LabInterpreterSettings settings) {
        if (session == null) {
            session = start(settings);
            endpoints = settings.endpoints();
            plusApp = settings.plusApp();
            SqlWarmUp.start(session);
        }
        users++;
        return session;
    }

    /** One user fewer; the last one stops the session. */
    public static synchronized void release() {
        if (users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            try {
                session.stop();
            } finally {
                session = null;
                endpoints = null;
                plusApp = null;
            }
        }
    }

    /** The running session, for snippets: {@code SparkSession spark = SharedSpark.session();}. */
    public static synchronized SparkSession session() {
        if (session == null) {
            throw new IllegalStateException("No lab interpreter is open, so there is no SparkSession");
        }
        return session;
    }

    /** The endpoints the running session was started with. */
    public static synchronized LabEndpoints endpoints() {
        session();
        return endpoints;
    }

    /** The Lambda+ app server of the lab the session was started for. */
    public static synchronized java.net.URI plusApp() {
        session();
        return plusApp;
    }

    /**
     * Spark's UI (stages, storage, the Streaming tab) for the notes and {@code lab shell}, but only
     * where it binds loopback: Spark binds it to SPARK_LOCAL_IP and to every interface without it
     * ({@code ./lab} and the VM's Zeppelin set it to 127.0.0.1).
     */
    static boolean uiOnLoopback() {
        return "127.0.0.1".equals(System.getenv("SPARK_LOCAL_IP"));
    }

    private static SparkSession start(LabInterpreterSettings settings) {
        // Spark's local executor keeps the context loader it sees now for every task: let it see snippet classes
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SnippetClassLoader.instance());
        try {
            return LabSpark.builder("Lambda Lab notebooks", settings.sparkMaster(), settings.endpoints())
                    .config("spark.ui.enabled", Boolean.toString(uiOnLoopback()))
                    .config("spark.ui.port", "4040") // or the next free one
                    .config("spark.ui.killEnabled", "false") // a learner watches; stopping is the paragraph's job
                    .getOrCreate();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Stops a Spark Streaming context a session left running (a note that failed before its stop
     * paragraph): its batches would go on failing in every later note. The SparkContext stays.
     */
    static void stopStreams() {
        Option<StreamingContext> active = StreamingContext.getActive();
        if (active.isDefined()) {
            active.get().stop(false, false);
        }
    }
}
