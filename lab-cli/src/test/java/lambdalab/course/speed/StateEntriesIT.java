package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import java.time.Instant;
import lambdalab.course.LabEndpoints;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.it.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where a group entering the speed layer's state starts from, on the test lab's Cassandra: a group
 * of an hour past every stream row is not looked up, any other is, and either way the answer is what
 * the lookup finds. (In this package: {@link StateEntries} is the speed layer's own.)
 */
@ExtendWith(TestLab.Extension.class)
class StateEntriesIT {

    /** Past the hours of every other test, so that these rows are the newest: the shortcut is taken. */
    private static final long OLDER = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
    private static final long NEWER = OLDER + 2 * ClickEvent.HOUR_MS;
    private static final String PRODUCT = "state-entries-it";
    /** A run that counts every row (none written before a reset, none by an uncommitted batch). */
    private static final ViewsBaseline EVERY_ROW = new ViewsBaseline(null, null, Instant.now());

    @Test
    void aGroupOfAnHourPastEveryRowStartsFromNothingAndAnyOtherFromItsRow(TestLab testLab) {
        LabEndpoints endpoints = testLab.lab().endpoints();
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            LambdaSchema.create(session, 1);
            try {
                Instant batch = Instant.now();
                Instant written = batch.minusSeconds(60);
                insert(session, OLDER, 1, written);
                insert(session, NEWER, 4, written);
                StateEntries entries = StateEntries.on(endpoints);

                // the product's newest row, not its oldest, bounds the hours that have one
                assertThat(entries.before(new ProductHour(PRODUCT, NEWER), batch, EVERY_ROW))
                        .as("the newest row of the product").extracting(HourAggregate::purchases).isEqualTo(4L);
                assertThat(entries.before(new ProductHour(PRODUCT, OLDER), batch, EVERY_ROW))
                        .as("an older row").extracting(HourAggregate::purchases).isEqualTo(1L);
                assertThat(entries.before(new ProductHour(PRODUCT, OLDER + ClickEvent.HOUR_MS), batch,
                        EVERY_ROW)).as("an hour between them, without a row").isNull();
                assertThat(entries.before(new ProductHour(PRODUCT, NEWER + ClickEvent.HOUR_MS), batch,
                        EVERY_ROW)).as("an hour past every row").isNull();

                // a row written after the batch's first lookup, as the batch's own upsert would be:
                // a later batch finds it, the same batch (computed again) still started from nothing
                long later = NEWER + ClickEvent.HOUR_MS;
                insert(session, later, 7, batch);
                assertThat(entries.before(new ProductHour(PRODUCT, later), batch, EVERY_ROW))
                        .as("the same batch again").isNull();
                assertThat(entries.before(new ProductHour(PRODUCT, later), batch.plusSeconds(1),
                        EVERY_ROW)).as("the next batch").extracting(HourAggregate::purchases)
                        .isEqualTo(7L);
            } finally {
                session.execute("DELETE FROM " + LambdaSchema.KEYSPACE + "." + LambdaSchema.STREAM_ACTIVITY
                        + " WHERE product = ?", PRODUCT);
            }
        }
    }

    private static void insert(CqlSession session, long hour, long purchases, Instant batchTime) {
        session.execute("INSERT INTO " + LambdaSchema.KEYSPACE + "." + LambdaSchema.STREAM_ACTIVITY + " (product,"
                + " timestamp_hour, purchase_count, add_to_cart_count, page_view_count, batch_time)"
                + " VALUES (?, ?, ?, 0, 0, ?)", PRODUCT, hour, purchases, batchTime);
    }
}
