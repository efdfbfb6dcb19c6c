package lambdalab.lab.drill;

/**
 * The downtime a producer sees: the longest time in which Kafka acknowledged none of its records,
 * from samples of its acknowledged count. A healthy lab acknowledges every few milliseconds (the
 * producer lingers 20 ms); a service restart or a full queue shows as a gap of seconds.
 */
final class AckGaps {

    private long lastCount = -1;
    private long lastProgressMs;
    private long longestMs;

    /** One sample: the acknowledged count at {@code nowMs}. */
    synchronized void sample(long acknowledged, long nowMs) {
        if (lastCount < 0 || acknowledged > lastCount) {
            lastCount = acknowledged;
            lastProgressMs = nowMs;
            return;
        }
        longestMs = Math.max(longestMs, nowMs - lastProgressMs);
    }

    synchronized long longestMs() {
        return longestMs;
    }
}
