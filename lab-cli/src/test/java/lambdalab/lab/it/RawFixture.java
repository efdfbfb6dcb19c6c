package lambdalab.lab.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import lambdalab.course.LabEndpoints;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.clickstream.Action;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.spark.LabSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * A raw dataset of the test's own on the test lab's HDFS, written file by file in the layout the
 * batch layer reads: a stream batch's file as the speed layer names it ({@code batch-FROM-UNTIL-0.parquet}
 * under {@code topic=T/kafka_partition=P/timestamp_hour=H}, each event with its Kafka offset), or a
 * loaded hour under topic {@code generated} without offsets. So a test decides exactly which hours
 * and offsets each Kafka partition has reached, without running the speed layer.
 */
final class RawFixture {

    private static final String[] EVENT_STRINGS = {EventColumns.REFERRER, EventColumns.ACTION, EventColumns.PREV_PAGE,
            EventColumns.VISITOR, EventColumns.PAGE, EventColumns.PRODUCT};

    private final Configuration conf;
    private final String root;

    RawFixture(LabEndpoints endpoints, String folder) {
        this.conf = LabSpark.hadoopConfiguration(endpoints);
        this.root = endpoints.hdfsUri() + folder;
    }

    /** The dataset's root, for {@code lab batch --input}. */
    String root() {
        return root;
    }

    /**
     * One stream batch's file for a Kafka partition and hour: the events get offsets {@code from},
     * {@code from + 1}, ...; the file is named after the batch's range [from, until).
     */
    void streamFile(String topic, int partition, long hour, long from, long until, List<ClickEvent> events) {
        streamFile(topic, partition, hour, from, until, from, events);
    }

    /** As above, the events' offsets starting at {@code firstOffset} (a batch's events of a second hour). */
    void streamFile(String topic, int partition, long hour, long from, long until, long firstOffset,
                    List<ClickEvent> events) {
        if (firstOffset < from || firstOffset + events.size() > until) {
            throw new IllegalArgumentException("range [" + from + ", " + until + ") too small for " + events.size());
        }
        Path file = new Path(root, RawEvents.TOPIC + "=" + topic + "/" + RawEvents.KAFKA_PARTITION + "=" + partition
                + "/" + EventColumns.TIMESTAMP_HOUR + "=" + hour + "/batch-" + from + "-" + until + "-0.parquet");
        write(file, events, firstOffset, Repetition.REQUIRED);
    }

    /** An hour loaded by {@code lab batch load}: topic generated, no Kafka offsets. */
    void loadedFile(long hour, List<ClickEvent> events) {
        Path file = new Path(root, RawEvents.TOPIC + "=" + RawEvents.GENERATED + "/" + RawEvents.KAFKA_PARTITION
                + "=0/" + EventColumns.TIMESTAMP_HOUR + "=" + hour + "/part-00000-fixture.parquet");
        write(file, events, -1, Repetition.OPTIONAL);
    }

    void delete() {
        try {
            Path path = new Path(root);
            path.getFileSystem(conf).delete(path, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code purchases} purchases then {@code pageViews} page views of {@code product} in the hour,
     * by visitors {@code Visitor-firstVisitor} on (one each), a second apart.
     */
    static List<ClickEvent> events(String product, long hour, int purchases, int pageViews, int firstVisitor) {
        List<ClickEvent> events = new ArrayList<>();
        for (int i = 0; i < purchases + pageViews; i++) {
            events.add(new ClickEvent(hour + i * 1000L, "Google", i < purchases ? Action.PURCHASE : Action.PAGE_VIEW, "",
                    "Visitor-" + (firstVisitor + i), "Page-1", product));
        }
        return events;
    }

    /** Offsets from {@code firstOffset} on; a negative one writes none (the column stays null, as Spark writes it). */
    private void write(Path file, List<ClickEvent> events, long firstOffset, Repetition offsetRepetition) {
        MessageType schema = schema(offsetRepetition);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try {
            FileSystem fs = file.getFileSystem(conf);
            fs.delete(file, false);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file).withConf(conf).withType(schema).build()) {
                long offset = firstOffset;
                for (ClickEvent event : events) {
                    String[] values = {event.referrer(), event.action().wireName(), event.prevPage(), event.visitor(),
                            event.page(), event.product()};
                    Group group = groups.newGroup().append(EventColumns.TIMESTAMP_MS, event.timestampMs());
                    for (int i = 0; i < values.length; i++) {
                        group.append(EVENT_STRINGS[i], values[i]);
                    }
                    if (firstOffset >= 0) {
                        group.append(RawEvents.KAFKA_OFFSET, offset++);
                    }
                    writer.write(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static MessageType schema(Repetition offsetRepetition) {
        Types.MessageTypeBuilder schema = Types.buildMessage();
        schema.required(PrimitiveTypeName.INT64).named(EventColumns.TIMESTAMP_MS);
        for (String column : EVENT_STRINGS) {
            schema.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column);
        }
        schema.primitive(PrimitiveTypeName.INT64, offsetRepetition).named(RawEvents.KAFKA_OFFSET);
        return schema.named("spark_schema");
    }
}
