package lambdalab.course.exercises.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import org.junit.jupiter.api.Test;

/** Exercise 11.read-your-writes: the solution passes, each usual mistake fails with its diagnosis. */
class ReadYourWritesCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.READ_YOUR_WRITES, new ReadYourWritesSolution(), "ide"))
                .startsWith("solved: ");
        assertThat(ExerciseChecks.run(Exercises.READ_YOUR_WRITES, (write, read, replicas) -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void quorumOnlyIsNamed() {
        assertWrong((write, read, replicas) -> write == ConsistencyLevel.QUORUM && read == ConsistencyLevel.QUORUM,
                "a read at ALL asks every replica");
    }

    @Test
    void atLeastTheReplicaCountIsNamed() {
        assertWrong((write, read, replicas) -> replicas(write, replicas, false) + replicas(read, replicas, false)
                >= replicas, "must be MORE than the replicas there are");
    }

    @Test
    void halfTheReplicasAsAQuorumIsNamed() {
        assertWrong((write, read, replicas) -> replicas(write, replicas, true) + replicas(read, replicas, true)
                > replicas, "a quorum of 4 is 3");
    }

    @Test
    void theLevelsReachingEveryoneAreNeededToo() {
        assertWrong((write, read, replicas) -> write != ConsistencyLevel.ONE && read != ConsistencyLevel.ONE,
                "a read at ALL asks every replica");
    }

    /** A level's replicas, with the quorum as half the replicas rounded up when {@code halfQuorum}. */
    private static int replicas(ConsistencyLevel level, int replicas, boolean halfQuorum) {
        if (level == ConsistencyLevel.QUORUM && halfQuorum) {
            return (replicas + 1) / 2;
        }
        return ReadYourWritesSolution.replicas(level, replicas);
    }

    private static void assertWrong(ReadYourWrites attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.READ_YOUR_WRITES, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
