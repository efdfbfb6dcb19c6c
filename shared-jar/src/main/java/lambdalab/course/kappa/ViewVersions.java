package lambdalab.course.kappa;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The serving pointer and the versions' rows in {@code kappa.view_versions} (see {@link KappaSchema}):
 * what readers use, and what {@code lab kappa} changes.
 */
public final class ViewVersions {

    /** A version being computed beside the current one (from the earliest offset). */
    public static final String REPLAYING = "replaying";
    /** The version readers are pointed at. */
    public static final String SERVING = "serving";
    /** A version readers were switched away from; its job is stopped, its view kept until dropped. */
    public static final String RETIRED = "retired";

    private static final String TABLE = KappaSchema.KEYSPACE + "." + KappaSchema.VIEW_VERSIONS;

    private final CqlSession session;

    /** Creates the keyspace (with {@code replication} copies of each row) and shared tables if missing. */
    public ViewVersions(CqlSession session, int replication) {
        this.session = session;
        KappaSchema.create(session, replication);
    }

    /** One version as {@code view_versions} records it. */
    public record Entry(KappaVersion version, String state, KappaChange change, Instant started, Instant switched) {
    }

    /** The version readers are pointed at, if any. */
    public Optional<KappaVersion> current() {
        Row row = session.execute("SELECT current_version FROM " + TABLE + " WHERE view_name = ? LIMIT 1", KappaSchema.VIEW)
                .one();
        return row == null || row.isNull("current_version") ? Optional.empty()
                : Optional.of(new KappaVersion(row.getInt("current_version")));
    }

    /** Every version with a row, oldest first. */
    public List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        for (Row row : session.execute("SELECT version, state, change, started, switched FROM " + TABLE
                + " WHERE view_name = ?", KappaSchema.VIEW)) {
            if (row.isNull("version")) {
                continue; // only the static pointer is set
            }
            entries.add(new Entry(new KappaVersion(row.getInt("version")), row.getString("state"),
                    KappaChange.byName(row.getString("change")), row.getInstant("started"), row.getInstant("switched")));
        }
        return entries;
    }

    public Optional<Entry> get(KappaVersion version) {
        return all().stream().filter(entry -> entry.version().equals(version)).findFirst();
    }

    /**
     * Records a new version (its tables made), in state {@code replaying}; the first version of all
     * serves at once (there is nothing else to read), and the pointer is set to it in the same batch.
     */
    public void register(KappaVersion version, KappaChange change, boolean serving) {
        KappaSchema.createVersion(session, version);
        Instant now = Instant.now();
        BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.LOGGED,
                SimpleStatement.newInstance("INSERT INTO " + TABLE + " (view_name, version, state, change, started, switched) "
                                + "VALUES (?, ?, ?, ?, ?, ?)", KappaSchema.VIEW, version.number(),
                        serving ? SERVING : REPLAYING, change.wireName(), now, serving ? now : null));
        if (serving) {
            batch = batch.add(pointerTo(version));
        }
        session.execute(batch);
    }

    /**
     * Points readers at {@code target} and retires {@code previous} (if any), atomically: the pointer
     * and both rows are in one partition, written by one batch.
     */
    public void switchTo(KappaVersion target, Optional<KappaVersion> previous) {
        BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.LOGGED, pointerTo(target),
                SimpleStatement.newInstance("UPDATE " + TABLE + " SET state = ?, switched = ? WHERE view_name = ? AND version = ?",
                        SERVING, Instant.now(), KappaSchema.VIEW, target.number()));
        if (previous.isPresent() && !previous.get().equals(target)) {
            batch = batch.add(SimpleStatement.newInstance("UPDATE " + TABLE + " SET state = ? WHERE view_name = ? AND version = ?",
                    RETIRED, KappaSchema.VIEW, previous.get().number()));
        }
        session.execute(batch);
    }

    /** The events version {@code version} counted as late (its hour closed by the watermark), over all its batches. */
    public long lateEvents(KappaVersion version) {
        long late = 0;
        for (Row row : session.execute("SELECT events FROM " + KappaSchema.KEYSPACE + "." + KappaSchema.LATE_EVENTS
                + " WHERE version = ?", version.number())) {
            late += row.getLong("events");
        }
        return late;
    }

    private static SimpleStatement pointerTo(KappaVersion version) {
        return SimpleStatement.newInstance("UPDATE " + TABLE + " SET current_version = ? WHERE view_name = ?",
                version.number(), KappaSchema.VIEW);
    }
}
