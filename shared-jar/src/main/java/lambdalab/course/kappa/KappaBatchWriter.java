package lambdalab.course.kappa;

import static org.apache.spark.sql.functions.col;

import com.datastax.oss.driver.api.core.CqlSession;
import java.time.Instant;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.ViewAggregation;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The Kappa job's sink ({@code foreachBatch}): per micro-batch, the (product, hour) rows it changed
 * are upserted into the version's two views, and the batch's late events into {@code late_events}.
 *
 * <p>Why a replayed micro-batch leaves the same rows: after a crash Spark runs the batch again with
 * the same id, the same offsets (its offset log) and the state as it was before the batch (the state
 * store's version of the last committed batch). The state function therefore emits the same rows,
 * and each row is a group's WHOLE aggregate, not the batch's increment, so writing it again puts
 * the same values over the same primary key. The late count is keyed by the batch id: a replay
 * overwrites its own row instead of adding to a total.
 */
final class KappaBatchWriter implements VoidFunction2<Dataset<KappaRow>, Long> {

    private final KappaVersion version;
    private final CqlSession session;
    private final KappaProgress progress;

    KappaBatchWriter(KappaVersion version, CqlSession session, KappaProgress progress) {
        this.version = version;
        this.session = session;
        this.progress = progress;
    }

    @Override
    public void call(Dataset<KappaRow> batch, Long batchId) {
        // the batch is used three times: without the cache each use would run the stateful step again
        Dataset<KappaRow> rows = batch.persist();
        try {
            Dataset<Row> aggregates = rows.filter(col("lateEvents").equalTo(0)).select(
                    col("product").as(EventColumns.PRODUCT), col("timestampHour").as(EventColumns.TIMESTAMP_HOUR),
                    col("purchaseCount").as(ViewAggregation.PURCHASE_COUNT),
                    col("addToCartCount").as(ViewAggregation.ADD_TO_CART_COUNT),
                    col("pageViewCount").as(ViewAggregation.PAGE_VIEW_COUNT),
                    col("visitorsSketch").as(ViewAggregation.VISITORS_SKETCH));
            upsert(ViewAggregation.activity(aggregates), version.activityTable());
            upsert(ViewAggregation.visitors(aggregates), version.visitorsTable());
            long late = rows.filter(col("lateEvents").gt(0)).collectAsList().stream()
                    .mapToLong(KappaRow::getLateEvents).sum();
            if (late > 0) {
                session.execute("INSERT INTO " + KappaSchema.KEYSPACE + "." + KappaSchema.LATE_EVENTS
                        + " (version, batch_id, events, written_at) VALUES (?, ?, ?, ?)", version.number(), batchId,
                        late, Instant.now());
            }
            progress.written(late);
        } finally {
            rows.unpersist();
        }
    }

    private static void upsert(Dataset<Row> view, String table) {
        view.write().format("org.apache.spark.sql.cassandra")
                .option("keyspace", KappaSchema.KEYSPACE).option("table", table)
                .mode(SaveMode.Append) // Cassandra's writes are upserts: Append replaces rows by key
                .save();
    }
}
