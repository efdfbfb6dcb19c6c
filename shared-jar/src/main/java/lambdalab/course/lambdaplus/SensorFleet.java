package lambdalab.course.lambdaplus;

import java.util.SplittableRandom;

/**
 * N simulated sensors, deterministic for a seed: each has a baseline (10 to 30 units) and drifts by a
 * small random step per reading, rounded to a thousandth, as a thermometer would. Readings come
 * round-robin (sensor 0, 1, ... N-1, 0, ...); the caller gives each its time (the wall clock when it
 * is sent), and the fleet keeps every sensor's times strictly increasing, so (sensor, time) stays
 * unique even when the clock does not advance between two readings of one sensor.
 */
public final class SensorFleet {

    private final int sensors;
    private final double[] current;
    private final long[] lastTs;
    private final SplittableRandom values;
    private final SplittableRandom drops;
    private long produced;

    public SensorFleet(long seed, int sensors) {
        if (sensors < 1) {
            throw new IllegalArgumentException("a fleet needs at least one sensor, got " + sensors);
        }
        this.sensors = sensors;
        this.current = new double[sensors];
        this.lastTs = new long[sensors];
        this.values = new SplittableRandom(seed);
        // a stream of its own, so the drop rate never changes the readings
        this.drops = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < sensors; i++) {
            current[i] = round(10 + 20 * values.nextDouble());
            lastTs[i] = Long.MIN_VALUE;
        }
    }

    public int sensors() {
        return sensors;
    }

    /** How many readings the fleet produced so far. */
    public long produced() {
        return produced;
    }

    /** The next sensor's reading at {@code clockMillis} (or just after its previous reading). */
    public SensorReading next(long clockMillis) {
        int sensor = (int) (produced++ % sensors);
        current[sensor] = round(current[sensor] + values.nextDouble(-0.5, 0.5));
        long ts = Math.max(clockMillis, lastTs[sensor] + 1);
        lastTs[sensor] = ts;
        return new SensorReading(sensor, current[sensor], ts);
    }

    /** Whether the next reading is to be lost on its way to the speed layer (a drill), at {@code rate} (0-1). */
    public boolean dropNext(double rate) {
        return rate > 0 && drops.nextDouble() < rate;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
