package lambdalab.course.lambdaplus;

import java.io.Serializable;

/**
 * What one sensor's readings come to: their rollup and the newest reading. Mergeable like
 * {@link Rollup} (the newer of two last readings wins), so the batch job reduces it in any order and
 * the truth of a run adds readings one by one with the same code.
 *
 * @param rollup      count, sum, min and max of its readings
 * @param lastReading the value of its newest reading
 * @param lastTs      the time of its newest reading (epoch ms)
 */
public record SensorRollup(Rollup rollup, double lastReading, long lastTs) implements Serializable {

    public static SensorRollup of(SensorReading reading) {
        return new SensorRollup(Rollup.of(reading.value()), reading.value(), reading.ts());
    }

    public SensorRollup merge(SensorRollup other) {
        // a sensor sends one reading per millisecond at most: equal times are the same reading
        SensorRollup newer = other.lastTs > lastTs ? other : this;
        return new SensorRollup(rollup.merge(other.rollup), newer.lastReading, newer.lastTs);
    }
}
