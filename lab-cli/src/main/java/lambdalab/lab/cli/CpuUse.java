package lambdalab.lab.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lambdalab.lab.Lab;

/**
 * The CPU time a benchmark's processes take over a measured window, per process role: this JVM
 * (the benchmark, and whatever job and generator it runs in-process) and each process of its lab
 * instance. On a small machine a figure missed because the cores were full reads differently from
 * one missed with cores to spare. A process that ends within the window is not counted.
 *
 * <p>This JVM's share also says how much of it its JIT compilers took: a job started in it compiles
 * its code during its first minutes, beside the work being measured.
 */
final class CpuUse {

    private static final String THIS_JVM = "this JVM";

    private final Map<String, Duration> byRole;
    /** This JVM's time compiling so far, in ms; -1 where the JVM does not measure it. */
    private final long compilingMs;
    private final long takenAtNanos;

    private CpuUse(Map<String, Duration> byRole, long compilingMs, long takenAtNanos) {
        this.byRole = byRole;
        this.compilingMs = compilingMs;
        this.takenAtNanos = takenAtNanos;
    }

    /** The CPU time so far of this JVM and of every process the lab instance's supervisor started. */
    static CpuUse now(Lab lab) {
        Map<String, Duration> byRole = new TreeMap<>();
        byRole.put(THIS_JVM, cpuOf(ProcessHandle.current()));
        lab.runningSupervisor().stream().flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
                .filter(ProcessHandle::isAlive)
                .forEach(process -> byRole.merge(ProcessRoles.of(process), cpuOf(process), Duration::plus));
        return new CpuUse(byRole, compilingMs(), System.nanoTime());
    }

    private static long compilingMs() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() : -1;
    }

    private static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * Since {@code before}: cores used on average by each role (the busiest first) and by all, e.g.
     * "1.90 of 2 cores: this JVM 1.21 (JIT 0.25), kafka 0.33, cassandra 0.24, ...".
     */
    String since(CpuUse before) {
        double seconds = (takenAtNanos - before.takenAtNanos) / 1e9;
        Map<String, Double> cores = new TreeMap<>();
        byRole.forEach((role, cpu) -> cores.put(role,
                (cpu.toMillis() - before.byRole.getOrDefault(role, Duration.ZERO).toMillis()) / 1000.0 / seconds));
        double all = cores.values().stream().mapToDouble(Double::doubleValue).sum();
        String each = cores.entrySet().stream().filter(role -> role.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(role -> String.format(Locale.ROOT, "%s %.2f", role.getKey(), role.getValue())
                        + (role.getKey().equals(THIS_JVM) ? compiling(before, seconds) : ""))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%.2f of %d cores: %s", all, Runtime.getRuntime().availableProcessors(), each);
    }

    /** " (JIT 0.25)": the cores this JVM's compilers took of its share, or nothing when not measured. */
    private String compiling(CpuUse before, double seconds) {
        if (compilingMs < 0 || before.compilingMs < 0) {
            return "";
        }
        return String.format(Locale.ROOT, " (JIT %.2f)", (compilingMs - before.compilingMs) / 1000.0 / seconds);
    }
}
