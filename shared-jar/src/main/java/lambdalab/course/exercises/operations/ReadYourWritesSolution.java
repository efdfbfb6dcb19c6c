package lambdalab.course.exercises.operations;

/**
 * The reference solution of {@link ReadYourWrites}: the replicas a write reached and the replicas a
 * read asks always share one only when together they are more than the replicas there are. A
 * quorum is a majority: half the replicas, rounded down, plus one.
 */
public final class ReadYourWritesSolution implements ReadYourWrites {

    @Override
    public boolean readSeesLatestWrite(ConsistencyLevel write, ConsistencyLevel read, int replicationFactor) {
        return replicas(write, replicationFactor) + replicas(read, replicationFactor) > replicationFactor;
    }

    /** How many replicas must answer at {@code level}. */
    public static int replicas(ConsistencyLevel level, int replicationFactor) {
        return switch (level) {
            case ONE -> 1;
            case TWO -> 2;
            case THREE -> 3;
            case QUORUM -> replicationFactor / 2 + 1;
            case ALL -> replicationFactor;
        };
    }

    /** How many replicas of a row may be down while requests at {@code level} still succeed. */
    public static int replicasThatMayBeDown(ConsistencyLevel level, int replicationFactor) {
        return Math.max(0, replicationFactor - replicas(level, replicationFactor));
    }
}
