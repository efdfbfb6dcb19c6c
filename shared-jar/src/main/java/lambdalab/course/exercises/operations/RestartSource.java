package lambdalab.course.exercises.operations;

/** Where a restarting speed layer takes its state from (exercise 11.restart-source). */
public enum RestartSource {
    /** Spark's checkpoint: the state, the offsets and the batches it had not finished. */
    CHECKPOINT,
    /** The stream views in Cassandra and the offsets committed with them; the checkpoint is set aside. */
    VIEWS,
    /** Neither can give exact views: the job does not start and says why. */
    REFUSE
}
