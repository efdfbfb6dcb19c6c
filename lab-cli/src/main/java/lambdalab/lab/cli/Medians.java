package lambdalab.lab.cli;

import java.util.Arrays;

/** Benchmarks report the median of their rounds: robust to one noisy round on a shared machine. */
final class Medians {
    private Medians() {
    }

    static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
