package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short forms of the single-node drills (`lab drill NAME --short`), on one start of the speed
 * layer that they share (each leaves it running as it found it); service-restart last, since it
 * restarts the services. Each asserts the drill's own verdicts and its exit code.
 */
@ExtendWith(TestLab.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrillsIT {

    @BeforeAll
    void startTheSpeedLayerOnce(TestLab testLab) {
        assertThat(LabCli.run(testLab.lab(), "stream", "start").exitCode()).isZero();
    }

    @AfterAll
    void stopIt(TestLab testLab) {
        LabCli.run(testLab.lab(), "stream", "stop");
    }

    @Test
    @Order(1)
    void badInputEveryBadLineIsADeadLetterWithItsReasonAndTheValidOnesAreCountedExactly(TestLab testLab) {
        LabCli.Run run = LabCli.run(testLab.lab(), "drill", "bad-input", "--short");

        assertThat(run.output()).contains("valid events vs truth: EQUAL", "dead letters vs bad lines: EQUAL",
                "speed layer: no crash", "raw rows vs events: EQUAL");
        assertThat(run.output()).containsPattern("of them 1 MB\\)").containsPattern("[1-9] say original_bytes 1,000,000");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    @Order(2)
    void streamKillTheViewsEqualTheTruthAfterKillsMinus9(TestLab testLab) {
        LabCli.Run run = LabCli.run(testLab.lab(), "drill", "stream-kill", "--short");

        assertThat(run.output()).contains("kill -9 #1", "kill -9 #2", "state from checkpoint");
        assertThat(run.output()).contains("stream views vs truth: EQUAL", "raw rows vs events: EQUAL");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    @Order(3)
    void lostMessagesTheSpeedLayerIsShortByExactlyTheLostEventsAndTheBatchRunRepairsThem(TestLab testLab) {
        LabCli.Run run = LabCli.run(testLab.lab(), "drill", "lost-messages", "--short");

        assertThat(run.output()).contains("the job says: drill on", "stream views vs kept: EQUAL",
                "serving vs truth: EQUAL", "raw rows vs events: EQUAL");
        assertThat(run.output()).containsPattern("lost by the drill: [1-9][0-9,]* events");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    @Order(4)
    void upgradeTheNewVersionRebuildsItsStateFromTheViewsAndTheViewsStayExact(TestLab testLab) {
        LabCli.Run run = LabCli.run(testLab.lab(), "drill", "upgrade", "--short");

        assertThat(run.output()).contains("state of version 2: from the views", "job version 1 -> 2",
                "stream views vs truth: EQUAL", "raw rows vs events: EQUAL");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    @Order(5)
    void serviceRestartTheJobRecoversFromKafkaCassandraAndNameNodeRestarts(TestLab testLab) {
        LabCli.Run run = LabCli.run(testLab.lab(), "drill", "service-restart", "--short");

        assertThat(run.output()).contains("kafka restart", "cassandra restart", "namenode restart");
        assertThat(run.output()).contains("stream views vs truth: EQUAL", "raw rows vs events: EQUAL");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
