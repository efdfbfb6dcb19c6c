package lambdalab.course.exercises.operations;

import static lambdalab.course.exercises.operations.ConsistencyLevel.ALL;
import static lambdalab.course.exercises.operations.ConsistencyLevel.ONE;
import static lambdalab.course.exercises.operations.ConsistencyLevel.QUORUM;
import static lambdalab.course.exercises.operations.ConsistencyLevel.TWO;

import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;

/**
 * Checks a {@link ReadYourWrites} on nine pairs of levels with 3, 4 and 5 replicas: the cluster
 * profile's QUORUM pair, ONE on both sides, ALL on one side, sets that meet exactly at the replica
 * count, and quorums of an even replica count.
 */
public final class ReadYourWritesCheck implements Check<ReadYourWrites> {

    @Override
    public String verify(ReadYourWrites attempt) {
        expect(attempt, QUORUM, QUORUM, 3, true, "a quorum of 3 is 2: 2 written + 2 read are 4 replicas out of 3,"
                + " so at least one replica the read asks holds the write");
        expect(attempt, ONE, ONE, 3, false, "1 written + 1 read out of 3: the read may ask a replica the write"
                + " never reached (that is eventual consistency)");
        expect(attempt, ONE, ALL, 3, true, "a read at ALL asks every replica, so it finds the one the write"
                + " reached");
        expect(attempt, ALL, ONE, 3, true, "a write at ALL reached every replica, so any one replica holds it");
        expect(attempt, ONE, TWO, 3, false, "1 + 2 replicas out of 3 can be three different ones: the two sets"
                + " must be MORE than the replicas there are to share one, not as many");
        expect(attempt, TWO, TWO, 3, true, "2 + 2 replicas out of 3 must share one");
        expect(attempt, QUORUM, QUORUM, 4, true, "a quorum of 4 is 3 (a majority: half rounded down, plus one),"
                + " not 2: 3 + 3 out of 4 share a replica");
        expect(attempt, QUORUM, ONE, 4, false, "a quorum of 4 is 3: 3 + 1 out of 4 may miss each other");
        expect(attempt, QUORUM, QUORUM, 5, true, "a quorum of 5 is 3: 3 + 3 out of 5 share a replica");
        return "nine pairs of levels with 3, 4 and 5 replicas: quorums, ONE, ALL, and sets that meet exactly at the"
                + " replica count";
    }

    private static void expect(ReadYourWrites attempt, ConsistencyLevel write, ConsistencyLevel read, int replicas,
                               boolean expected, String why) {
        boolean got = attempt.readSeesLatestWrite(write, read, replicas);
        if (got != expected) {
            throw new WrongAnswer("writes at " + write + ", reads at " + read + ", " + replicas + " replicas: "
                    + (got ? "always sees the write" : "may miss it") + ", but " + why);
        }
    }
}
