package lambdalab.course.kappa;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;

/**
 * Reads a Kappa version's view: per (product, hour), the activity row joined with the visitors row
 * (its estimate and sketch). Serving reads the current version's; tests and note 10 compare any.
 */
public final class KappaViews {

    private KappaViews() {
    }

    /** One row of a version's view. */
    public record ViewRow(ProductHour key, long purchases, long addToCarts, long pageViews, long uniqueVisitors,
                          byte[] visitorsSketch) {
        /** As the ground truth's row shape (the visitors as the sketch estimates them). */
        public HourlyActivity activity() {
            return new HourlyActivity(key, purchases, addToCarts, pageViews, uniqueVisitors);
        }
    }

    /** Every row of the version's view, in no particular order. */
    public static List<ViewRow> read(CqlSession session, KappaVersion version) {
        Map<ProductHour, Row> visitors = new HashMap<>();
        for (Row row : session.execute("SELECT product, timestamp_hour, unique_visitors, visitors_sketch FROM "
                + KappaSchema.KEYSPACE + "." + version.visitorsTable())) {
            visitors.put(new ProductHour(row.getString("product"), row.getLong("timestamp_hour")), row);
        }
        List<ViewRow> rows = new ArrayList<>();
        for (Row row : session.execute("SELECT product, timestamp_hour, purchase_count, add_to_cart_count, "
                + "page_view_count FROM " + KappaSchema.KEYSPACE + "." + version.activityTable())) {
            ProductHour key = new ProductHour(row.getString("product"), row.getLong("timestamp_hour"));
            Row visitorsRow = visitors.get(key);
            rows.add(new ViewRow(key, row.getLong("purchase_count"), row.getLong("add_to_cart_count"),
                    row.getLong("page_view_count"), visitorsRow == null ? 0 : visitorsRow.getLong("unique_visitors"),
                    visitorsRow == null ? null : bytes(visitorsRow.getByteBuffer("visitors_sketch"))));
        }
        return rows;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
