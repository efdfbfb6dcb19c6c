package lambdalab.course.kappa;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.List;
import java.util.Map;
import lambdalab.course.views.LambdaSchema;
import lambdalab.course.views.SchemaChanges;

/**
 * Kappa's views in Cassandra keyspace {@code kappa}: one pair of tables per version of the job, with
 * the Lambda views' shape (so note 10 compares them row for row), and the serving pointer.
 *
 * <ul>
 *   <li>{@code activity_by_product_v{N}}, {@code visitors_by_product_v{N}}: version N's view, written
 *       whole per (product, hour) by its job (upserts).</li>
 *   <li>{@code view_versions}: one partition ({@link #VIEW}); its static column {@code current_version}
 *       is the serving pointer, its rows say per version its state, its change, when it started and
 *       when readers were switched to it. One partition, so a switch (pointer and both rows) is one
 *       atomic batch.</li>
 *   <li>{@code late_events}: per version and micro-batch, the events that came later than the
 *       watermark (their hour was closed); keyed by the batch id, so a replayed batch overwrites its row.</li>
 * </ul>
 */
public final class KappaSchema {

    public static final String KEYSPACE = "kappa";
    public static final String ACTIVITY_PREFIX = "activity_by_product_";
    public static final String VISITORS_PREFIX = "visitors_by_product_";
    public static final String VIEW_VERSIONS = "view_versions";
    public static final String LATE_EVENTS = "late_events";
    /** The one view the lab versions: the clickstream's per (product, hour) activity and visitors. */
    public static final String VIEW = "clickstream";

    private KappaSchema() {
    }

    /** Creates the keyspace and the shared tables if missing; safe to run any number of times. */
    public static void create(CqlSession session, int replicationFactor) {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        SchemaChanges.execute(session, "CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE + " WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}");
        SchemaChanges.execute(session, "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + VIEW_VERSIONS
                + " (view_name text, version int, current_version int static, state text, change text,"
                + " started timestamp, switched timestamp, PRIMARY KEY (view_name, version))");
        SchemaChanges.execute(session, "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + LATE_EVENTS
                + " (version int, batch_id bigint, events bigint, written_at timestamp,"
                + " PRIMARY KEY (version, batch_id))");
    }

    /** Creates a version's two view tables if missing (with the shared tables). */
    public static void createVersion(CqlSession session, KappaVersion version) {
        create(session, 1);
        versionTables(version).forEach(statement -> SchemaChanges.execute(session, statement));
    }

    static List<String> versionTables(KappaVersion version) {
        return List.of(LambdaSchema.activityTable(KEYSPACE, version.activityTable(), Map.of()),
                LambdaSchema.visitorsTable(KEYSPACE, version.visitorsTable(), Map.of()));
    }

    /** Drops a version's tables, its late-event rows and its row in {@code view_versions}. */
    public static void dropVersion(CqlSession session, KappaVersion version) {
        SchemaChanges.execute(session, "DROP TABLE IF EXISTS " + KEYSPACE + "." + version.activityTable());
        SchemaChanges.execute(session, "DROP TABLE IF EXISTS " + KEYSPACE + "." + version.visitorsTable());
        session.execute("DELETE FROM " + KEYSPACE + "." + LATE_EVENTS + " WHERE version = ?", version.number());
        session.execute("DELETE FROM " + KEYSPACE + "." + VIEW_VERSIONS + " WHERE view_name = ? AND version = ?", VIEW,
                version.number());
    }
}
