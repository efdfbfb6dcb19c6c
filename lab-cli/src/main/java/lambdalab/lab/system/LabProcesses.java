package lambdalab.lab.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import lambdalab.lab.service.LabService;

/**
 * The lab's processes by PID: recognising its own (by the markers on their command line, so a
 * recycled PID is never mistaken for ours), measuring them and stopping them.
 */
public final class LabProcesses {
    private LabProcesses() {
    }

    /** The live process with this PID if it is the given lab role ({@code kafka}, {@code supervisor}...) of this home. */
    public static Optional<ProcessHandle> findOurs(long pid, Path home, String role) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine()
                        .map(cmd -> cmd.contains(LabService.HOME_MARKER + home)
                                && cmd.contains(LabService.SERVICE_MARKER + role))
                        .orElse(false));
    }

    /** The whole command line (Linux /proc): the JDK's own view of it stops short of a long class path's end. */
    public static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return process.info().commandLine().orElse("");
        }
    }

    /** Resident memory of a process in bytes (Linux /proc), if it can be read. */
    public static OptionalLong residentBytes(long pid) {
        return kilobytesField(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    /**
     * Proportional memory of a process in bytes (Linux /proc): its resident memory with each page it
     * shares with other processes (the JVM's code, the JDK's class archive) counted as its share. The
     * lab's processes' figures add up to the memory they take together; their resident figures count
     * every shared page once per process.
     */
    public static OptionalLong proportionalBytes(long pid) {
        return kilobytesField(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
    }

    private static OptionalLong kilobytesField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    String kilobytes = line.substring(field.length()).trim().split("\\s+")[0];
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone: the caller shows "?"
        }
        return OptionalLong.empty();
    }

    /**
     * Asks the process to stop (SIGTERM) and waits; kills it (SIGKILL) after the timeout.
     *
     * @return true if it stopped gracefully, false if it had to be killed
     */
    public static boolean stop(ProcessHandle process, Duration gracePeriod) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (waitForExit(process, gracePeriod)) {
            return true;
        }
        process.destroyForcibly();
        waitForExit(process, Duration.ofSeconds(10));
        return false;
    }

    public static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
