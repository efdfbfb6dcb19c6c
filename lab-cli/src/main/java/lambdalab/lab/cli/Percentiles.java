package lambdalab.lab.cli;

/** Percentiles of the benchmarks' figures. */
final class Percentiles {
    private Percentiles() {
    }

    /**
     * The value below or at which a fraction {@code p} of {@code sorted} lies, by nearest rank (p 0.99
     * of 600 values is the 594th smallest). {@code sorted} must not be empty.
     */
    static long nearestRank(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
