package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short form of `lab drill soak` (the full one runs 30 minutes): 60 s of live traffic through
 * the supervised speed layer with a DataNode and a Cassandra restart in it, then the serving layer
 * and the raw data against the truth of every event generated.
 */
@ExtendWith(TestLab.Extension.class)
class SoakDrillIT {

    @Test
    void theServingLayerEqualsTheTruthAfterADataNodeAndACassandraRestart(TestLab testLab) {
        LabCli.Run run = LabCli.run(testLab.lab(), "drill", "soak", "--duration", "45s", "--rate", "1500",
                "--batch-every", "30s", "--catch-up", "4m");

        assertThat(run.output()).contains("datanode restart", "cassandra restart");
        assertThat(run.output()).containsPattern("serving vs truth: EQUAL").containsPattern("raw rows vs events: EQUAL");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
