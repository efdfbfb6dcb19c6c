package lambdalab.course.batch;

import java.util.Arrays;
import lambdalab.course.clickstream.ClickEvent;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The clickstream event as a Spark row: the record's seven fields plus its hour bucket. */
public final class EventColumns {

    public static final String TIMESTAMP_MS = "timestamp_ms";
    public static final String REFERRER = "referrer";
    public static final String ACTION = "action";
    public static final String PREV_PAGE = "prev_page";
    public static final String VISITOR = "visitor";
    public static final String PAGE = "page";
    public static final String PRODUCT = "product";
    public static final String TIMESTAMP_HOUR = "timestamp_hour";
    /**
     * Not part of the event: the column the batch layer adds to say where an event came from (the
     * raw dataset's topic, {@code generated} for loaded events, or the path of TSV input).
     */
    public static final String SOURCE = "source";

    public static final StructType SCHEMA = new StructType()
            .add(TIMESTAMP_MS, DataTypes.LongType, false)
            .add(REFERRER, DataTypes.StringType, false)
            .add(ACTION, DataTypes.StringType, false)
            .add(PREV_PAGE, DataTypes.StringType, false)
            .add(VISITOR, DataTypes.StringType, false)
            .add(PAGE, DataTypes.StringType, false)
            .add(PRODUCT, DataTypes.StringType, false)
            .add(TIMESTAMP_HOUR, DataTypes.LongType, false);

    private EventColumns() {
    }

    public static Row toRow(ClickEvent event) {
        return RowFactory.create(event.timestampMs(), event.referrer(), event.action().wireName(), event.prevPage(),
                event.visitor(), event.page(), event.product(), event.hourBucket());
    }

    /** The event's columns in schema order, to select just the event out of a wider dataset. */
    public static Column[] columns() {
        return Arrays.stream(SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new);
    }
}
