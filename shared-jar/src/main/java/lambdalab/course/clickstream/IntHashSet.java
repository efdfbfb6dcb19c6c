package lambdalab.course.clickstream;

import java.util.Arrays;

/**
 * A set of non-negative ints, for exact distinct-visitor counts.
 *
 * <p>Why not {@code HashSet<Integer>}: it costs about 50 bytes per element against 4 to 8 here,
 * and exact counts for 10 million events would need gigabytes. Why not a {@code BitSet} per
 * group: with a million visitors each group would take 125 KB however few visitors it saw.
 *
 * <p>Open addressing with linear probing in a power-of-two table kept at most 3/4 full. Slots
 * hold {@code value + 1} so that a fresh, all-zero array is an empty table.
 */
final class IntHashSet {

    private static final int INITIAL_CAPACITY = 8;
    /** Fibonacci hashing constant: spreads consecutive ids over the whole table. */
    private static final int MIX = 0x9E3779B9;

    private int[] slots = new int[INITIAL_CAPACITY];
    private int size;

    /**
     * Adds {@code value}.
     *
     * @return true if it was not in the set yet
     * @throws IllegalArgumentException if {@code value} is negative or {@code Integer.MAX_VALUE}
     */
    boolean add(int value) {
        if (value < 0 || value == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("value must be between 0 and " + (Integer.MAX_VALUE - 1) + ", got " + value);
        }
        if (!insert(slots, value + 1)) {
            return false;
        }
        if (++size * 4L > slots.length * 3L) {
            grow();
        }
        return true;
    }

    /** Whether {@code value} is in the set. */
    boolean contains(int value) {
        if (value < 0 || value == Integer.MAX_VALUE) {
            return false;
        }
        int stored = value + 1;
        int mask = slots.length - 1;
        for (int i = slot(stored, mask); slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == stored) {
                return true;
            }
        }
        return false;
    }

    /** Number of distinct values added. */
    int size() {
        return size;
    }

    /** The values, in no particular order. */
    int[] toArray() {
        return Arrays.stream(slots).filter(s -> s != 0).map(s -> s - 1).toArray();
    }

    /** Puts {@code stored} into {@code table}; false if it was there already. */
    private static boolean insert(int[] table, int stored) {
        int mask = table.length - 1;
        int i = slot(stored, mask);
        while (table[i] != 0) {
            if (table[i] == stored) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = stored;
        return true;
    }

    private static int slot(int stored, int mask) {
        int h = stored * MIX;
        return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        for (int stored : slots) {
            if (stored != 0) {
                insert(bigger, stored);
            }
        }
        slots = bigger;
    }
}
