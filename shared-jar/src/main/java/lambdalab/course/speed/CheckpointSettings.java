package lambdalab.course.speed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The settings a Spark Streaming checkpoint fixes: a restart from it takes the batch interval, the
 * window, the state timeout, the rate and the Kafka address from the checkpoint, whatever the job
 * was started with. They are written beside the checkpoint when it is created, so a start can see
 * that one changed and say so instead of silently running with the old value.
 */
final class CheckpointSettings {

    /** Beside Spark's own {@code checkpoint-<time>} files, which Spark's cleaner never touches. */
    static final String FILE_NAME = "lab-job-settings.properties";

    private CheckpointSettings() {
    }

    /**
     * The settings that a restart from the checkpoint would take from it, by name, and the version of
     * the job that wrote it: a new version whose state or topology differs cannot use the old
     * checkpoint (Spark would deserialize the old classes' objects), so an upgrade raises it.
     */
    static Map<String, String> of(StreamSettings settings, String jobVersion) {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("job version", jobVersion);
        fixed.put("batch interval (ms)", Long.toString(settings.batchIntervalMs()));
        fixed.put("window (s)", Integer.toString(settings.windowSeconds()));
        fixed.put("state timeout (s)", Integer.toString(settings.stateTimeoutSeconds()));
        fixed.put("max rate per partition", Long.toString(settings.maxRatePerPartition()));
        fixed.put("backpressure", Boolean.toString(settings.backpressure()));
        fixed.put("Kafka", settings.endpoints().kafkaBootstrapServers());
        fixed.put("topic", settings.topic());
        return fixed;
    }

    static void write(Configuration conf, String checkpointDir, StreamSettings settings, String jobVersion) {
        Properties properties = new Properties();
        properties.putAll(of(settings, jobVersion));
        Path file = new Path(checkpointDir, FILE_NAME);
        try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
            properties.store(out, "the settings the speed layer's checkpoint was created with");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The recorded settings, or empty for a checkpoint written before they were recorded. */
    static Optional<Map<String, String>> read(Configuration conf, String checkpointDir) {
        Path file = new Path(checkpointDir, FILE_NAME);
        try {
            FileSystem fs = file.getFileSystem(conf);
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (InputStream in = fs.open(file)) {
                properties.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
            }
            Map<String, String> recorded = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(name -> recorded.put(name, properties.getProperty(name)));
            return Optional.of(recorded);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Each setting whose value differs, as "name old -> new"; empty when none does. A checkpoint
     * written before the job recorded its version (or a setting) does not count as changed there.
     */
    static List<String> changes(Map<String, String> recorded, StreamSettings now, String jobVersion) {
        List<String> changes = new ArrayList<>();
        of(now, jobVersion).forEach((name, value) -> {
            String before = recorded.get(name);
            if (before != null && !before.equals(value)) {
                changes.add(name + " " + before + " -> " + value);
            }
        });
        return changes;
    }
}
