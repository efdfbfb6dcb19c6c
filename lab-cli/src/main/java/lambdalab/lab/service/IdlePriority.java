package lambdalab.lab.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a command at the lowest CPU priority of the whole machine, not only of its own session.
 *
 * <p>{@code nice -n 19} alone is not that where the kernel groups processes by session (autogroup,
 * on by default in Debian's and Ubuntu's kernels): a process's nice counts only against its own
 * session, and each busy session gets an equal share of the cores. A niced class-archive dump in
 * the lab's session took half the cores from a note running in the terminal's session; measured
 * with two busy loops beside two niced ones in sessions of their own, the niced ones got twice the
 * CPU. So the command gets a session of its own ({@code setsid}) whose group is at nice 19 too
 * ({@code /proc/self/autogroup}): then the two niced loops got 3% of the CPU. The kernel rate-limits
 * such changes for users other than root, so a refused one is tried again for up to 3 s; without
 * autogroup the plain nice is what counts.
 */
final class IdlePriority {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path NICE = Path.of("/usr/bin/nice");
    private static final String LOWEST_GROUP_THEN_NICE = "[ -e /proc/self/autogroup ] && for try in 1 2 3; do "
            + "echo 19 2>/dev/null > /proc/self/autogroup && break; sleep 1; done; exec " + NICE + " -n 19 \"$@\"";

    private IdlePriority() {
    }

    /** What goes before a command's own words (empty where neither tool exists). */
    static List<String> commandPrefix() {
        if (!Files.isExecutable(NICE)) {
            return List.of();
        }
        if (!Files.isExecutable(SETSID) || !Files.isExecutable(Path.of("/bin/sh"))) {
            return List.of(NICE.toString(), "-n", "19");
        }
        // -w: setsid's exit code is the command's, also should it have to fork to leave a process group
        return List.of(SETSID.toString(), "-w", "/bin/sh", "-c", LOWEST_GROUP_THEN_NICE, "idle-priority");
    }
}
