package lambdalab.lab.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.RawEvents;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The raw dataset's hour folders of one topic within some hours, every Kafka partition's:
 * {@code ROOT/topic=T/kafka_partition=P/timestamp_hour=H}. A drill reads only those, not the
 * lab's whole raw tree.
 */
final class RawHourFolders {

    private RawHourFolders() {
    }

    static String[] of(Configuration conf, String root, String topic, long firstHour, long lastHour) {
        Path topicFolder = new Path(root, RawEvents.TOPIC + "=" + topic);
        String hourPrefix = EventColumns.TIMESTAMP_HOUR + "=";
        List<String> folders = new ArrayList<>();
        try {
            FileSystem fs = topicFolder.getFileSystem(conf);
            if (!fs.exists(topicFolder)) {
                return new String[0];
            }
            for (FileStatus partition : fs.listStatus(topicFolder)) {
                if (!partition.isDirectory() || !partition.getPath().getName().startsWith(RawEvents.KAFKA_PARTITION + "=")) {
                    continue;
                }
                for (FileStatus hour : fs.listStatus(partition.getPath())) {
                    String name = hour.getPath().getName();
                    if (hour.isDirectory() && name.startsWith(hourPrefix)) {
                        long value = Long.parseLong(name.substring(hourPrefix.length()));
                        if (value >= firstHour && value <= lastHour) {
                            folders.add(hour.getPath().toString());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the raw events of " + topic + " at " + topicFolder, e);
        }
        return folders.toArray(String[]::new);
    }
}
