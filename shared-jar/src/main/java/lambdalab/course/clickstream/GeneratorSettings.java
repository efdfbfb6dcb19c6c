package lambdalab.course.clickstream;

import java.time.Instant;

/**
 * Everything that shapes a generated clickstream. Two generators with equal settings produce the
 * same bytes, so a settings value (and its seed) is enough to reproduce a run.
 *
 * <p>Defaults follow the original course (200 records per file, 50 files, multiplier 480, 15
 * pages, a million visitors, topic {@code weblogs-text}). Build values with {@link #builder()};
 * the builder derives {@code events} and {@code nominalRate} from the other settings unless they
 * are set explicitly.
 *
 * @param recordsPerFile lines per output file (file sink); at least 1
 * @param timeMultiplier simulated seconds per real second of nominal traffic (see {@link SimulatedClock})
 * @param pages number of pages, {@code Page-0 .. Page-(pages-1)}
 * @param visitors number of visitors, {@code Visitor-0 .. Visitor-(visitors-1)}
 * @param files number of files of the default run ({@code events = recordsPerFile * files})
 * @param topic Kafka topic the events go to
 * @param seed seed of the random choices
 * @param events how many events the run generates
 * @param rate events per real second to pace output at; 0 means as fast as possible
 * @param nominalRate events per real second the simulated clock assumes
 * @param startMs simulated time of the first event, epoch milliseconds
 */
public record GeneratorSettings(
        int recordsPerFile,
        int timeMultiplier,
        int pages,
        int visitors,
        int files,
        String topic,
        long seed,
        long events,
        int rate,
        int nominalRate,
        long startMs) {

    public static final int DEFAULT_RECORDS_PER_FILE = 200;
    public static final int DEFAULT_TIME_MULTIPLIER = 480;
    public static final int DEFAULT_PAGES = 15;
    public static final int DEFAULT_VISITORS = 1_000_000;
    public static final int DEFAULT_FILES = 50;
    public static final String DEFAULT_TOPIC = "weblogs-text";
    public static final long DEFAULT_SEED = 42;
    /** Unpaced: generate as fast as the sink takes events. */
    public static final int DEFAULT_RATE = 0;
    /** The nominal rate when no pacing rate is set. */
    public static final int DEFAULT_NOMINAL_RATE = 1000;
    /** 2024-01-01T00:00:00Z: a fixed start keeps runs reproducible (never the wall clock). */
    public static final long DEFAULT_START_MS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    /** Longest Kafka topic name. */
    static final int MAX_TOPIC_LENGTH = 249;

    /** Validates every setting; messages name the setting, the bad value and what is allowed. */
    public GeneratorSettings {
        requireAtLeast("recordsPerFile", recordsPerFile, 1);
        requireBetween("timeMultiplier", timeMultiplier, 1, SimulatedClock.MAX_TIME_MULTIPLIER);
        requireAtLeast("pages", pages, 1);
        requireAtLeast("visitors", visitors, 1);
        requireAtLeast("files", files, 1);
        requireTopic(topic);
        requireAtLeast("events", events, 0);
        if (rate < 0 || rate > SimulatedClock.MAX_NOMINAL_RATE) {
            throw new IllegalArgumentException("rate must be between 0 (unpaced) and "
                    + SimulatedClock.MAX_NOMINAL_RATE + " events per second, got " + rate);
        }
        requireBetween("nominalRate", nominalRate, 1, SimulatedClock.MAX_NOMINAL_RATE);
        requireAtLeast("startMs", startMs, 0);
        requireClockFits(new SimulatedClock(startMs, timeMultiplier, nominalRate), events);
    }

    /** The course defaults. */
    public static GeneratorSettings defaults() {
        return builder().build();
    }

    /** A builder preset to the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The clock that stamps this run's events. */
    public SimulatedClock clock() {
        return new SimulatedClock(startMs, timeMultiplier, nominalRate);
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    private static void requireBetween(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** Kafka's own rule for topic names, checked here so a typo fails before any event is sent. */
    private static void requireTopic(String topic) {
        String allowed = "1 to " + MAX_TOPIC_LENGTH + " characters from a-z, A-Z, 0-9, '.', '_' and '-'";
        if (topic == null || topic.isEmpty() || topic.length() > MAX_TOPIC_LENGTH) {
            throw new IllegalArgumentException("topic must be " + allowed + ", got " + quoted(topic));
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                throw new IllegalArgumentException("topic must be " + allowed + ", got " + quoted(topic));
            }
        }
        if (topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("topic may not be '.' or '..', got " + quoted(topic));
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    /** The last event's timestamp must fit in a long, or the run would fail half-way. */
    private static void requireClockFits(SimulatedClock clock, long events) {
        if (events == 0) {
            return;
        }
        try {
            clock.timestampOf(events - 1);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("events=" + events + " with timeMultiplier=" + clock.timeMultiplier()
                    + ", nominalRate=" + clock.nominalRate() + " and startMs=" + clock.startMs()
                    + " would run the simulated clock past the largest timestamp; lower events or timeMultiplier");
        }
    }

    /**
     * Collects settings one by one. {@code events} defaults to {@code recordsPerFile * files} and
     * {@code nominalRate} to {@code rate} (or 1000 when unpaced), each computed at {@link #build()}
     * from the final values unless set explicitly.
     */
    public static final class Builder {
        private int recordsPerFile = DEFAULT_RECORDS_PER_FILE;
        private int timeMultiplier = DEFAULT_TIME_MULTIPLIER;
        private int pages = DEFAULT_PAGES;
        private int visitors = DEFAULT_VISITORS;
        private int files = DEFAULT_FILES;
        private String topic = DEFAULT_TOPIC;
        private long seed = DEFAULT_SEED;
        private Long events;
        private int rate = DEFAULT_RATE;
        private Integer nominalRate;
        private long startMs = DEFAULT_START_MS;

        private Builder() {
        }

        public Builder recordsPerFile(int value) {
            recordsPerFile = value;
            return this;
        }

        public Builder timeMultiplier(int value) {
            timeMultiplier = value;
            return this;
        }

        public Builder pages(int value) {
            pages = value;
            return this;
        }

        public Builder visitors(int value) {
            visitors = value;
            return this;
        }

        public Builder files(int value) {
            files = value;
            return this;
        }

        public Builder topic(String value) {
            topic = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder events(long value) {
            events = value;
            return this;
        }

        public Builder rate(int value) {
            rate = value;
            return this;
        }

        public Builder nominalRate(int value) {
            nominalRate = value;
            return this;
        }

        public Builder startMs(long value) {
            startMs = value;
            return this;
        }

        /** Validated settings; see the record's constructor for the rules. */
        public GeneratorSettings build() {
            long resolvedEvents = events != null ? events : (long) recordsPerFile * files;
            int resolvedNominalRate = nominalRate != null ? nominalRate : rate > 0 ? rate : DEFAULT_NOMINAL_RATE;
            return new GeneratorSettings(recordsPerFile, timeMultiplier, pages, visitors, files, topic, seed,
                    resolvedEvents, rate, resolvedNominalRate, startMs);
        }
    }
}
