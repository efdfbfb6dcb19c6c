package lambdalab.lab.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdlePriorityTest {

    /** Prints the process's nice, its session and, where the kernel groups by session, its group's nice. */
    private static final String REPORT = "awk '{print \"nice \" $19}' /proc/$$/stat;"
            + " echo \"session $(ps -o sid= -p $$)\"; [ -e /proc/$$/autogroup ] && cat /proc/$$/autogroup; exit 7";

    @Test
    void aCommandRunsNicedInASessionOfItsOwnWhoseGroupIsNicedToo() throws Exception {
        List<String> command = new ArrayList<>(IdlePriority.commandPrefix());
        command.addAll(List.of("/bin/sh", "-c", REPORT));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as("the command's own exit code: " + report).isEqualTo(7);
        assertThat(report).contains("nice 19");
        // after the command's name: state, parent, process group, session
        String[] stat = Files.readString(Path.of("/proc/self/stat")).split("\\) ")[1].split(" ");
        long ownSession = Long.parseLong(stat[3]);
        assertThat(report).as("in a session of its own").containsPattern("session +\\d+")
                .doesNotContainPattern("session +" + ownSession + "\\b");
        if (Files.exists(Path.of("/proc/self/autogroup"))) {
            assertThat(report).as("its session's group").containsPattern("/autogroup-\\d+ nice 19");
        }
    }
}
