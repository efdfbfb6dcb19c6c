package lambdalab.course.exercises.operations;

/**
 * The reference solution of {@link RestartChoice}, the one the speed layer job runs when it starts.
 *
 * <p>A checkpoint that no longer fits the job (changed settings) cannot be used at all. An unfinished
 * replay needs the checkpoint: the views are behind the committed offsets, so a rebuild from them
 * would lose the events in between; without a usable checkpoint the job must not start. Otherwise
 * a checkpoint too old (Spark would first run every missed batch) or behind the commit (it would
 * replay batches over rows written since) is set aside for the views, which are exact.
 */
public final class RestartChoiceSolution implements RestartChoice {

    @Override
    public RestartSource choose(RestartFacts facts) {
        if (!facts.checkpointExists() || facts.settingsChanged()) {
            return facts.replayUnfinished() ? RestartSource.REFUSE : RestartSource.VIEWS;
        }
        if (facts.replayUnfinished()) {
            return RestartSource.CHECKPOINT;
        }
        boolean tooOld = facts.missedBatches() > facts.maxMissedBatches();
        return tooOld || facts.behindTheCommit() ? RestartSource.VIEWS : RestartSource.CHECKPOINT;
    }
}
