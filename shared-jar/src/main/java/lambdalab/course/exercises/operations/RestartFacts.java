package lambdalab.course.exercises.operations;

import java.io.Serializable;

/**
 * What the speed layer knows about its checkpoint when it starts, for exercise 11.restart-source.
 *
 * @param checkpointExists  Spark wrote a checkpoint ({@code checkpoint-<time>} files) in the job's folder
 * @param settingsChanged   a setting the checkpoint fixes (job version, batch interval, window, state
 *                          timeout, rate, Kafka address, topic) differs from this start's
 * @param missedBatches     batch intervals between the checkpoint's newest batch and now: Spark runs one
 *                          batch for each of them before any new one when it restarts from the checkpoint
 * @param maxMissedBatches  the most missed batches the job accepts (by default its window's batches)
 * @param behindTheCommit   the checkpoint is more than one batch older than the last batch whose
 *                          offsets were committed in Cassandra (its writes lagged, as while HDFS was down)
 * @param replayUnfinished  the last run died while it replayed batches it had already committed: the
 *                          views and the raw data are behind the committed offsets until it catches up
 */
public record RestartFacts(boolean checkpointExists, boolean settingsChanged, long missedBatches,
                           long maxMissedBatches, boolean behindTheCommit, boolean replayUnfinished)
        implements Serializable {

    /** No checkpoint at all: a first start, a reset, or one set aside before. */
    public static RestartFacts noCheckpoint(boolean replayUnfinished) {
        return new RestartFacts(false, false, 0, 0, false, replayUnfinished);
    }

    @Override
    public String toString() {
        if (!checkpointExists) {
            return "no checkpoint" + (replayUnfinished ? ", a replay unfinished" : "");
        }
        return "a checkpoint" + (settingsChanged ? " of changed settings" : " of the same settings") + ", "
                + missedBatches + " missed batches (at most " + maxMissedBatches + ")"
                + (behindTheCommit ? ", behind the commit" : "") + (replayUnfinished ? ", a replay unfinished" : "");
    }
}
