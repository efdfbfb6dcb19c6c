package lambdalab.interpreter;

import java.util.UUID;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark jobs of the paragraph an interpreter is running, as one Spark job group: so that a
 * cancel stops exactly them and the progress bar counts exactly their tasks.
 */
final class SparkJobs {

    private final SparkSession spark;
    private volatile String group;

    SparkJobs(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Tags the jobs this thread, and the threads it starts from now on, submit until the returned
     * handle closes. Spark keeps the group in an inheritable thread-local, so JShell's snippet thread
     * inherits it.
     */
    Paragraph begin(String paragraphId) {
        String id = paragraphId == null ? UUID.randomUUID().toString() : paragraphId;
        group = "lab-" + id;
        spark.sparkContext().setJobGroup(group, "notebook paragraph " + id, true);
        return new Paragraph();
    }

    /** Cancels the running paragraph's jobs (interrupting their tasks); nothing if none runs. */
    void cancel() {
        String current = group;
        if (current != null) {
            spark.sparkContext().cancelJobGroup(current);
        }
    }

    /** Completed tasks of the running paragraph's jobs, in percent of their known tasks (0 before any). */
    int progress() {
        String current = group;
        if (current == null) {
            return 0;
        }
        JavaSparkStatusTracker tracker = JavaSparkContext.fromSparkContext(spark.sparkContext()).statusTracker();
        long done = 0;
        long total = 0;
        for (int jobId : tracker.getJobIdsForGroup(current)) {
            SparkJobInfo job = tracker.getJobInfo(jobId);
            for (int stageId : job == null ? new int[0] : job.stageIds()) {
                SparkStageInfo stage = tracker.getStageInfo(stageId);
                if (stage != null) {
                    done += stage.numCompletedTasks();
                    total += stage.numTasks();
                }
            }
        }
        return total == 0 ? 0 : (int) (100 * done / total);
    }

    /** The paragraph's span: closing it clears the job group of the calling thread. */
    final class Paragraph implements AutoCloseable {
        private Paragraph() {
        }

        @Override
        public void close() {
            group = null;
            spark.sparkContext().clearJobGroup();
        }
    }
}
