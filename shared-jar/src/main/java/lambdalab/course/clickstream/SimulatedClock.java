package lambdalab.course.clickstream;

/**
 * Maps an event's position in the run to its simulated timestamp, so hours of traffic fit in
 * seconds of generation and the time of event {@code i} never depends on how fast the machine is.
 *
 * <p>The rule: one real second of nominal traffic ({@code nominalRate} events) spans
 * {@code timeMultiplier} simulated seconds, so event {@code i} (0-based) happens at
 * <pre>{@code startMs + floor(i * timeMultiplier * 1000 / nominalRate)}</pre>
 * With the course defaults (multiplier 480, 1000 events per second) one real second is 8
 * simulated minutes and consecutive events are 480 ms apart.
 *
 * <p>The computation splits {@code i = q * nominalRate + r} so that no intermediate value exceeds
 * the result, and uses exact arithmetic: it either returns the right value or throws, never wraps.
 *
 * @param startMs simulated time of event 0, epoch milliseconds
 * @param timeMultiplier simulated seconds per real second of nominal traffic
 * @param nominalRate events per real second the simulated clock assumes
 */
public record SimulatedClock(long startMs, int timeMultiplier, int nominalRate) {

    /** Upper bound of {@code timeMultiplier} (about 11.6 simulated days per real second). */
    public static final int MAX_TIME_MULTIPLIER = 1_000_000;

    /** Upper bound of {@code nominalRate}. */
    public static final int MAX_NOMINAL_RATE = 1_000_000_000;

    /**
     * Checks the bounds that keep {@code r * timeMultiplier * 1000} below 10^18, the one product
     * the split computation does not check exactly.
     */
    public SimulatedClock {
        if (startMs < 0) {
            throw new IllegalArgumentException("startMs must not be negative, got " + startMs);
        }
        if (timeMultiplier < 1 || timeMultiplier > MAX_TIME_MULTIPLIER) {
            throw new IllegalArgumentException(
                    "timeMultiplier must be between 1 and " + MAX_TIME_MULTIPLIER + ", got " + timeMultiplier);
        }
        if (nominalRate < 1 || nominalRate > MAX_NOMINAL_RATE) {
            throw new IllegalArgumentException(
                    "nominalRate must be between 1 and " + MAX_NOMINAL_RATE + ", got " + nominalRate);
        }
    }

    /**
     * The simulated timestamp of event {@code eventIndex} (0-based).
     *
     * @throws ArithmeticException if it would not fit in a long
     */
    public long timestampOf(long eventIndex) {
        if (eventIndex < 0) {
            throw new IllegalArgumentException("eventIndex must not be negative, got " + eventIndex);
        }
        long simulatedMsPerRealSecond = timeMultiplier * 1000L;
        long wholeSeconds = eventIndex / nominalRate;
        long remainder = eventIndex % nominalRate;
        long offset = Math.addExact(
                Math.multiplyExact(wholeSeconds, simulatedMsPerRealSecond),
                remainder * simulatedMsPerRealSecond / nominalRate);
        return Math.addExact(startMs, offset);
    }
}
