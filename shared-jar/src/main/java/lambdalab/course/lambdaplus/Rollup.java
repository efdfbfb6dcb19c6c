package lambdalab.course.lambdaplus;

import java.io.Serializable;

/**
 * Count, sum, minimum and maximum of some readings: what makes an average mergeable. The average of
 * two buckets is NOT the average of their averages (unless they hold as many readings); it is the
 * sum of their sums over the sum of their counts.
 *
 * <p>The sum is kept in whole micro-units ({@link #MICROS} per unit of the reading) as a long: adding
 * doubles is not associative, so two jobs (or two runs of one job) that add the same readings in
 * another order could differ in the last bits. Integer addition gives the identical sum in any order,
 * which lets the batch layer's rerun leave identical rows and a test compare exactly.
 *
 * @param count     how many readings
 * @param sumMicros their sum, each reading rounded to a millionth
 * @param min       the smallest reading
 * @param max       the largest reading
 */
public record Rollup(long count, long sumMicros, double min, double max) implements Serializable {

    public static final double MICROS = 1_000_000.0;
    public static final Rollup EMPTY = new Rollup(0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

    public static Rollup of(double reading) {
        return new Rollup(1, toMicros(reading), reading, reading);
    }

    /** A reading in micro-units, as the sum keeps it. */
    public static long toMicros(double reading) {
        return Math.round(reading * MICROS);
    }

    public Rollup add(double reading) {
        return merge(of(reading));
    }

    /** The rollup of both sets of readings. */
    public Rollup merge(Rollup other) {
        return new Rollup(count + other.count, Math.addExact(sumMicros, other.sumMicros),
                Math.min(min, other.min), Math.max(max, other.max));
    }

    public double sum() {
        return sumMicros / MICROS;
    }

    public double avg() {
        return count == 0 ? Double.NaN : sumMicros / MICROS / count;
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
