package lambdalab.course.lambdaplus;

import java.io.Serializable;

/**
 * One reading of one sensor: its value at a moment (epoch milliseconds). A sensor sends at most one
 * reading per millisecond, so (sensor, time) identifies a reading: a retried write of the same
 * reading lands on the same {@code records} row instead of counting twice.
 *
 * <p>On Kafka a reading travels as one text line, {@code sensor_id,reading,ts}, e.g.
 * {@code 42,21.375,1764710000123}.
 */
public record SensorReading(int sensorId, double value, long ts) implements Serializable {

    public SensorReading {
        if (sensorId < 0) {
            throw new IllegalArgumentException("sensor_id must not be negative, got " + sensorId);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("reading must be a finite number, got " + value);
        }
        if (ts < 0) {
            throw new IllegalArgumentException("ts must be epoch milliseconds, got " + ts);
        }
    }

    /** The 100 ms bucket the reading belongs to. */
    public long timeBucket() {
        return TimeBuckets.bucketOf(ts);
    }

    /** The Kafka message value. {@link Double#toString} round-trips exactly. */
    public String toLine() {
        return sensorId + "," + value + "," + ts;
    }

    /** Reads a Kafka message value written by {@link #toLine()}. */
    public static SensorReading fromLine(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("a reading line has 3 comma-separated fields, got " + fields.length
                    + ": " + line);
        }
        try {
            return new SensorReading(Integer.parseInt(fields[0]), Double.parseDouble(fields[1]),
                    Long.parseLong(fields[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a reading line (" + e.getMessage() + "): " + line, e);
        }
    }
}
