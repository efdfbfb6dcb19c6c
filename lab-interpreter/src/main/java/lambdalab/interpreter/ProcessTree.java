package lambdalab.interpreter;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stops a process and every process below it, by PID. A {@code %sh} paragraph's bash is only the
 * top of what it runs (a {@code ./lab} command is a JVM under it): stopping bash alone would leave
 * the rest running, re-parented to init, where nothing can find it from the paragraph any more.
 */
final class ProcessTree {

    /** How long a killed process gets to be reaped and disappear. */
    private static final Duration REAP = Duration.ofSeconds(10);

    private ProcessTree() {
    }

    /**
     * SIGTERM to the whole tree at once (a JVM in it runs its shutdown hooks), then, after the grace
     * period, SIGKILL to whatever of it still runs; returns when every process of the tree is gone.
     */
    static void stop(ProcessHandle root, Duration grace) {
        // listed before anything is signalled: once a parent dies, its children are no longer below root
        Set<ProcessHandle> tree = withDescendants(Stream.of(root));
        tree.forEach(ProcessHandle::destroy);
        awaitExit(tree, grace);
        // anything the survivors started in the meantime goes too
        Set<ProcessHandle> survivors = withDescendants(tree.stream().filter(ProcessHandle::isAlive));
        survivors.forEach(ProcessHandle::destroyForcibly);
        awaitExit(survivors, REAP);
    }

    private static Set<ProcessHandle> withDescendants(Stream<ProcessHandle> processes) {
        return processes.flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Waits until every process has exited or the time is up, whichever comes first. */
    private static void awaitExit(Set<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle process : processes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return;
            } catch (ExecutionException e) {
                // cannot be watched: the checks after the wait see whether it lives
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
