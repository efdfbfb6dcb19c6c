package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short forms of the single-node drills, run once as `lab drill all --short`: one start of the
 * speed layer, shared by the five drills (apart, each would start it again), and no restart of the job only to undo a drill's arguments (the stop after
 * the drills does it; `lab drill upgrade` and `lost-messages` on their own restart the job). Each
 * test then reads its drill's part of the output: the verdicts the drill printed, which are its own
 * checks against the truth.
 */
@ExtendWith(TestLab.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrillsIT {

    private LabCli.Run all;

    @BeforeAll
    void runEveryDrillsShortForm(TestLab testLab) {
        all = LabCli.run(testLab.lab(), "drill", "all", "--short");
    }

    /** The lines of one drill, from its heading to the next one's. */
    private String drill(String name) {
        String output = all.output();
        int start = output.indexOf("=== lab drill " + name + " ===");
        assertThat(start).as("no part for " + name + " in:%n%s", output).isNotNegative();
        int end = output.indexOf("=== lab drill ", start + 1);
        return output.substring(start, end < 0 ? output.length() : end);
    }

    @Test
    void streamKillTheViewsEqualTheTruthAfterAKillMinus9(TestLab testLab) {
        // where the restart took its state from depends on the moment: a kill before the job's first
        // checkpoint (its first batches on a cold JVM take seconds) restarts it from the start of the
        // topic, "state from fresh"; the recovery from a checkpoint is SpeedLayerIT's. Exactness is the point.
        assertThat(drill("stream-kill")).contains("kill -9 #1: back after", "stream views vs truth: EQUAL",
                "raw rows vs events: EQUAL").containsPattern("state from (checkpoint|fresh|views)");
    }

    @Test
    void serviceRestartTheJobRecoversFromKafkaCassandraAndNameNodeRestarts(TestLab testLab) {
        assertThat(drill("service-restart")).contains("kafka restart:", "cassandra restart:", "namenode restart:",
                "0 failed sends", "stream views vs truth: EQUAL", "raw rows vs events: EQUAL");
    }

    @Test
    void badInputEveryBadLineIsADeadLetterWithItsReasonAndTheValidOnesAreCountedExactly(TestLab testLab) {
        String output = drill("bad-input");
        assertThat(output).contains("valid events vs truth: EQUAL", "dead letters vs bad lines: EQUAL",
                "speed layer: no crash", "raw rows vs events: EQUAL");
        assertThat(output).containsPattern("BAD_ENCODING [1-9].*BAD_TIMESTAMP [1-9].*FIELD_COUNT [1-9].*OVERSIZE_LINE "
                + "[1-9].*UNKNOWN_ACTION [1-9]").containsPattern("[1-9] say original_bytes 1,000,000");
    }

    @Test
    void lostMessagesTheSpeedLayerIsShortByExactlyTheLostEventsAndTheBatchRunRepairsThem(TestLab testLab) {
        String output = drill("lost-messages");
        assertThat(output).contains("the job says: drill on", "stream views vs truth: SHORT BY THE LOST",
                "stream views vs kept: EQUAL", "serving vs truth: EQUAL",
                "raw rows vs events: EQUAL", "speed layer without it: at its stop");
        assertThat(output).containsPattern("lost by the drill: [1-9][0-9,]* events");
    }

    @Test
    void upgradeTheNewVersionRebuildsItsStateFromTheViewsAndTheViewsStayExact(TestLab testLab) {
        assertThat(drill("upgrade")).contains("job version 1 -> 2", "state of version 2: from the views",
                "stream views vs truth: EQUAL", "raw rows vs events: EQUAL", "roll back: at the next start");
    }

    @Test
    void allSaysEveryDrillPassedAndLeavesNoDrillOn(TestLab testLab) {
        assertThat(all.output()).containsPattern("stream-kill +EQUAL").containsPattern("upgrade +EQUAL");
        assertThat(all.exitCode()).as(all.output()).isZero();
        // the stop after the drills withdrew the job's request with the drill's arguments
        assertThat(testLab.lab().wantedJobs().drillArguments("stream")).isEmpty();
        assertThat(testLab.lab().wantedJobs().current("stream")).isEmpty();
    }
}
