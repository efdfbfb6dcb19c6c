package lambdalab.course.speed;

import java.util.Map;

/**
 * Time from produce (the Kafka record's timestamp) to visible in the views, per event, as a
 * histogram of 10 ms buckets up to 2 minutes: cheap to fill from per-batch counts, exact enough
 * for p50/p99.
 */
public final class LatencyRecorder {

    static final long BUCKET_MS = 10;
    private final long[] counts = new long[12_000];
    private long total;

    /** Adds a batch: {@code producedAt} maps a produce time bucket (ms / 10) to its event count. */
    synchronized void record(long visibleAtMs, Map<Long, Long> producedAt) {
        producedAt.forEach((bucket, count) -> {
            long latency = Math.max(0, visibleAtMs - bucket * BUCKET_MS - BUCKET_MS / 2);
            int index = (int) Math.min(counts.length - 1, latency / BUCKET_MS);
            counts[index] += count;
            total += count;
        });
    }

    /** The latency below which a fraction {@code p} (e.g. 0.99) of the events were visible, in ms. */
    public synchronized long percentileMs(double p) {
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && seen > 0) {
                return i * BUCKET_MS + BUCKET_MS / 2;
            }
        }
        return 0;
    }

    public synchronized long events() {
        return total;
    }

    public synchronized void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }
}
