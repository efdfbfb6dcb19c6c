package lambdalab.course.exercises.batch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.SampleEvents;
import lambdalab.course.exercises.WrongAnswer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Checks a {@link RawDatasetLayout} by writing three hours of events into a temporary folder,
 * then one of those hours again: the folders, one file per hour, every event once, and the other
 * hours kept.
 */
public final class RawDatasetLayoutCheck implements Check<RawDatasetLayout> {

    private static final long START = Instant.parse("2024-03-02T00:00:00Z").toEpochMilli();
    private static final long EVENTS = 22_500; // three hours at the generator's 7,500 an hour

    @Override
    public String verify(RawDatasetLayout attempt) throws IOException {
        SparkSession spark = SampleEvents.spark();
        Dataset<Row> events = SampleEvents.of(EVENTS, 5, START).dataset(spark)
                .withColumn(RawEvents.TOPIC, lit(RawEvents.GENERATED))
                .withColumn(RawEvents.KAFKA_PARTITION, lit(0))
                .repartition(2); // as events arrive: every task holds some of every hour
        Path dir = Files.createTempDirectory("raw-layout-check");
        try {
            String path = dir.resolve("raw").toUri().toString(); // a local folder, whatever the default file system
            attempt.writer(events).parquet(path);
            Map<String, Long> firstWrite = checkLayout(spark, dir.resolve("raw"), path);
            long middleHour = START + 3_600_000L;
            Dataset<Row> oneHour = events.filter(col(EventColumns.TIMESTAMP_HOUR).equalTo(middleHour));
            try {
                attempt.writer(oneHour).parquet(path);
            } catch (Exception refused) {
                throw new WrongAnswer("writing one hour again failed (" + refused.getMessage().lines().findFirst()
                        .orElse("") + "): the default save mode, ErrorIfExists, refuses an existing dataset, which broke "
                        + "every rerun of the original course; use .mode(SaveMode.Overwrite)");
            }
            checkRewrite(spark, path, firstWrite, "timestamp_hour=" + middleHour);
            return String.format(Locale.ROOT, "3 hour folders under topic=%s/kafka_partition=0, one file each, %,d "
                    + "events once; writing an hour again replaced it and kept the others", RawEvents.GENERATED, EVENTS);
        } finally {
            delete(dir);
        }
    }

    /** The folders and files of the first write; returns the events per hour folder. */
    private static Map<String, Long> checkLayout(SparkSession spark, Path root, String path) throws IOException {
        Map<Path, Long> filesPerFolder;
        try (Stream<Path> files = Files.walk(root)) {
            filesPerFolder = files.filter(file -> file.getFileName().toString().endsWith(".parquet"))
                    .collect(Collectors.groupingBy(file -> root.relativize(file.getParent()), Collectors.counting()));
        }
        if (filesPerFolder.isEmpty()) {
            throw new WrongAnswer("no Parquet files under " + root + ": write().parquet(path) is called by the check; "
                    + "return the writer without writing yourself, and do not change the format");
        }
        for (Map.Entry<Path, Long> folder : filesPerFolder.entrySet()) {
            String relative = folder.getKey().toString();
            if (relative.isEmpty()) {
                throw new WrongAnswer("the files are in the dataset's top folder: without partitionBy(...) a batch "
                        + "run over one hour reads every file; partition by topic, kafka_partition and timestamp_hour");
            }
            if (!relative.matches("topic=[^/]+/kafka_partition=\\d+/timestamp_hour=\\d+")) {
                throw new WrongAnswer("files in " + relative + ": the raw dataset's folders are "
                        + "topic=.../kafka_partition=.../timestamp_hour=... (in that order: the speed layer writes "
                        + "there too, and readers prune by those names)");
            }
            if (folder.getValue() > 1) {
                throw new WrongAnswer(relative + " holds " + folder.getValue() + " files: each task writes a file for "
                        + "every hour it holds; repartition(col(\"timestamp_hour\")) first, so one task writes each hour");
            }
        }
        Map<String, Long> perHour = perHour(spark, path);
        long total = perHour.values().stream().mapToLong(Long::longValue).sum();
        if (total != EVENTS || perHour.size() != 3) {
            throw new WrongAnswer(String.format(Locale.ROOT, "the dataset holds %,d events in %d hours: expected %,d in 3",
                    total, perHour.size(), EVENTS));
        }
        return perHour;
    }

    private static void checkRewrite(SparkSession spark, String path, Map<String, Long> before, String rewritten) {
        Map<String, Long> after = perHour(spark, path);
        for (Map.Entry<String, Long> hour : before.entrySet()) {
            Long now = after.get(hour.getKey());
            if (now == null) {
                throw new WrongAnswer("writing " + rewritten + " again deleted " + hour.getKey() + ": a static overwrite "
                        + "replaces the whole dataset; the lab's sessions overwrite only the partitions written "
                        + "(spark.sql.sources.partitionOverwriteMode=dynamic): did you set it back to static?");
            }
            if (now == 2 * hour.getValue()) {
                throw new WrongAnswer(hour.getKey() + " holds its events twice after it was written again: "
                        + "SaveMode.Append adds files; use SaveMode.Overwrite so that a reload replaces the hour");
            }
            if (!now.equals(hour.getValue())) {
                throw new WrongAnswer(hour.getKey() + " holds " + now + " events after it was written again, "
                        + hour.getValue() + " before");
            }
        }
    }

    private static Map<String, Long> perHour(SparkSession spark, String path) {
        Map<String, Long> perHour = new TreeMap<>();
        List<Row> rows = spark.read().parquet(path).groupBy(EventColumns.TIMESTAMP_HOUR).count().collectAsList();
        rows.forEach(row -> perHour.put("timestamp_hour=" + row.get(0), row.getLong(1)));
        return perHour;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
