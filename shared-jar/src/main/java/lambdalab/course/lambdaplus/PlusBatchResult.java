package lambdalab.course.lambdaplus;

import java.time.Duration;
import java.time.Instant;

/**
 * What one run of the Lambda+ batch jobs did.
 *
 * @param cutoff        every bucket ending at or before it was recomputed (now minus the horizon)
 * @param records       records read (older than the cutoff)
 * @param bucketRows    bucket rollups written (each replacing the speed job's row of that bucket)
 * @param corrected     of those, how many differed from what the table held before (the speed layer's losses)
 * @param sensorRows    sensor rollups written
 * @param took          wall time of the run
 */
public record PlusBatchResult(Instant cutoff, long records, long bucketRows, long corrected, long sensorRows,
                              Duration took) {

    public String summary() {
        return String.format("Lambda+ batch: %,d records before %s -> %,d bucket rollups (%,d corrected), "
                + "%,d sensor rollups in %.1f s", records, cutoff, bucketRows, corrected, sensorRows, took.toMillis() / 1000.0);
    }
}
