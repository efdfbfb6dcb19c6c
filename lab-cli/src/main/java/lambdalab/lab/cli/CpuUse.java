package lambdalab.lab.cli;

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
 */
final class CpuUse {

    private static final String THIS_JVM = "this JVM";

    private final Map<String, Duration> byRole;
    private final long takenAtNanos;

    private CpuUse(Map<String, Duration> byRole, long takenAtNanos) {
        this.byRole = byRole;
        this.takenAtNanos = takenAtNanos;
    }

    /** The CPU time so far of this JVM and of every process the lab instance's supervisor started. */
    static CpuUse now(Lab lab) {
        Map<String, Duration> byRole = new TreeMap<>();
        byRole.put(THIS_JVM, cpuOf(ProcessHandle.current()));
        lab.runningSupervisor().stream().flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
                .filter(ProcessHandle::isAlive)
                .forEach(process -> byRole.merge(ProcessRoles.of(process), cpuOf(process), Duration::plus));
        return new CpuUse(byRole, System.nanoTime());
    }

    private static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * Since {@code before}: cores used on average by each role (the busiest first) and by all, e.g.
     * "1.90 of 2 cores: this JVM 1.21, kafka 0.33, cassandra 0.24, ...".
     */
    String since(CpuUse before) {
        double seconds = (takenAtNanos - before.takenAtNanos) / 1e9;
        Map<String, Double> cores = new TreeMap<>();
        byRole.forEach((role, cpu) -> cores.put(role,
                (cpu.toMillis() - before.byRole.getOrDefault(role, Duration.ZERO).toMillis()) / 1000.0 / seconds));
        double all = cores.values().stream().mapToDouble(Double::doubleValue).sum();
        String each = cores.entrySet().stream().filter(role -> role.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(role -> String.format(Locale.ROOT, "%s %.2f", role.getKey(), role.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%.2f of %d cores: %s", all, Runtime.getRuntime().availableProcessors(), each);
    }
}
