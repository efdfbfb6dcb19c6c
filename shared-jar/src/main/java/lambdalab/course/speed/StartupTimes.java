package lambdalab.course.speed;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long each step of the job's start took, from the JVM's own start, printed as one line: where
 * a slow start spends its time (the lab waits for the job to say it runs before a note goes on).
 */
final class StartupTimes {

    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final List<String> steps = new ArrayList<>();
    private long stepStart = jvmStart;

    /** Ends the step in progress under this name; the next one starts now. */
    void step(String name) {
        long now = System.currentTimeMillis();
        steps.add(name + " " + seconds(now - stepStart));
        stepStart = now;
    }

    String summary() {
        return "Started in " + seconds(System.currentTimeMillis() - jvmStart) + " s (" + String.join(" s, ", steps) + " s)";
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }
}
