package lambdalab.course.lambdaplus;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact answer for the readings a run sent, computed as they are sent: per 100 ms bucket (all
 * readings, and only those that reached the speed layer) and per sensor. Tests, drills and the
 * course's notes compare the rollup tables with it.
 */
public final class SensorTruth {

    private final Map<Long, Rollup> buckets = new TreeMap<>();
    private final Map<Long, Rollup> speedBuckets = new TreeMap<>();
    private final Map<Integer, SensorRollup> sensors = new TreeMap<>();
    private long readings;
    private long dropped;

    /** Records an accepted reading; {@code droppedBeforeSpeed} when it was kept from the speed layer. */
    public synchronized void add(SensorReading reading, boolean droppedBeforeSpeed) {
        readings++;
        buckets.merge(reading.timeBucket(), Rollup.of(reading.value()), Rollup::merge);
        if (droppedBeforeSpeed) {
            dropped++;
        } else {
            speedBuckets.merge(reading.timeBucket(), Rollup.of(reading.value()), Rollup::merge);
        }
        sensors.merge(reading.sensorId(), SensorRollup.of(reading), SensorRollup::merge);
    }

    public synchronized long readings() {
        return readings;
    }

    public synchronized long dropped() {
        return dropped;
    }

    /** Per bucket, every accepted reading: what the batch-corrected rollups must hold. */
    public synchronized Map<Long, Rollup> buckets() {
        return Collections.unmodifiableMap(new TreeMap<>(buckets));
    }

    /** Per bucket, the readings that reached the speed layer: what its rollups hold before a correction. */
    public synchronized Map<Long, Rollup> speedBuckets() {
        return Collections.unmodifiableMap(new TreeMap<>(speedBuckets));
    }

    public synchronized Map<Integer, SensorRollup> sensors() {
        return Collections.unmodifiableMap(new TreeMap<>(sensors));
    }
}
