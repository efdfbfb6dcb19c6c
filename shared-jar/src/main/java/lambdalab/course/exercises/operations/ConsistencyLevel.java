package lambdalab.course.exercises.operations;

/**
 * Cassandra's consistency levels for one data center (exercise 11.read-your-writes): how many of a
 * row's replicas must answer a write or a read before Cassandra reports it done.
 */
public enum ConsistencyLevel {
    ONE, TWO, THREE,
    /** A majority of the replicas. */
    QUORUM,
    /** Every replica. */
    ALL
}
