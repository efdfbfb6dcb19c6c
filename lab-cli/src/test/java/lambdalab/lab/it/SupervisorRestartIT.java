package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import lambdalab.lab.Lab;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The supervisor brings a service that was killed -9 back, healthy, and counts the restart. */
@ExtendWith(TestLab.Extension.class)
class SupervisorRestartIT {

    @Test
    void aKilledServiceIsRestartedAndReadyAgain(TestLab testLab) {
        Lab lab = testLab.lab();
        for (String name : new String[] {"kafka", "datanode"}) {
            ServiceStatus before = status(lab, name);
            assertThat(before.state()).isEqualTo(ServiceState.READY);

            ProcessHandle killed = ProcessHandle.of(before.pid()).orElseThrow();
            Optional<Instant> killedStart = killed.info().startInstant();
            killed.destroyForcibly();

            await(name + " restarted and ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        ServiceStatus now = status(lab, name);
                        return now.state() == ServiceState.READY && now.pid() != before.pid();
                    });
            ServiceStatus after = status(lab, name);
            assertThat(after.restarts()).isEqualTo(before.restarts() + 1);
            assertThat(lab.services().byName(name).orElseThrow().checkReady().ready()).isTrue();
            // by its start time too: with pid_max 32768 and Spark's threads, the PID alone can be reused in seconds
            assertThat(ProcessHandle.of(before.pid()).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().startInstant().equals(killedStart)))
                    .as("the killed " + name + " process").isEmpty();
        }
    }

    private static ServiceStatus status(Lab lab, String name) {
        return lab.status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
