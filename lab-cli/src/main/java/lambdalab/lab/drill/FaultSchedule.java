package lambdalab.lab.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When a drill strikes: {@code count} moments within a run, random but the same for a seed (a drill
 * that failed can be run again exactly). The run is cut into equal slots and each fault falls into
 * the first half of its own slot, so two faults are always at least half a slot apart and the job has
 * time to come back in between; none falls into the first or last tenth of the run, where the
 * generator is starting or the drill is about to stop it.
 */
record FaultSchedule(List<Duration> moments) {

    FaultSchedule {
        moments = List.copyOf(moments);
    }

    static FaultSchedule of(int count, Duration run, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("a drill needs at least one fault, got " + count);
        }
        Random random = new Random(seed);
        long margin = run.toMillis() / 10;
        long slot = (run.toMillis() - 2 * margin) / count;
        List<Duration> moments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            moments.add(Duration.ofMillis(margin + i * slot + (long) (random.nextDouble() * slot / 2)));
        }
        return new FaultSchedule(moments);
    }
}
