package lambdalab.course.batch;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;

/**
 * The files of a raw dataset one batch run reads, listed once before the run reads exactly them,
 * and what they prove about each source's hours (see {@link #coverage}).
 *
 * <p>The speed layer names each file after its stream batch's offset range of one Kafka partition,
 * {@code batch-FROM-UNTIL-0.parquet}, one file per hour the batch had events of (a compaction merges
 * an hour's files into one named after their whole range: {@link RawFileNames}); stream batches run
 * one after the other, and a batch starts only when every file of the batch before it is written.
 * So a file with offset FROM, seen in the listing, proves that every event of that partition below
 * FROM was in place when it was seen. The listing goes newest hour first: every hour is listed after
 * the newer ones, so that proof covers it too (listing oldest first, a stream batch could add files
 * to an hour already listed while a newer hour is still to be listed). That proof holds while no
 * file is deleted: after a restart the speed layer deletes its files from an offset on and writes
 * them again, and a listing overlapping that deletion could see a newer hour's file before it goes
 * and an older hour after its files went. Such a listing is noticed ({@link RawReplacement}) and
 * claims no complete hour of the topic. A listed file the speed layer deletes before the run reads
 * it fails the run: the coverage never claims events the run did not read.
 */
public final class RawSnapshot {

    private static final String HOUR_FOLDER = EventColumns.TIMESTAMP_HOUR + "=";
    private static final String TOPIC_FOLDER = RawEvents.TOPIC + "=";
    /** Files {@link #positions} reads at once: each costs a few round trips to HDFS and little CPU. */
    private static final int POSITION_READERS = 8;

    /**
     * One file of the dataset.
     *
     * @param source    its topic folder's name; the dataset's root for files outside a topic folder
     * @param partition its Kafka partition folder's number, -1 outside one
     * @param hour      its hour folder's hour, -1 outside one
     * @param from      the first offset of its stream batch's range, -1 for files not named after one
     * @param until     the offset after that range, -1 likewise
     */
    record RawFile(String path, String source, int partition, long hour, long from, long until) {
        boolean hasOffsets() {
            return from >= 0;
        }
    }

    private final String root;
    private final List<RawFile> files;
    /** The topics whose files the speed layer replaced while they were listed (see {@link RawReplacement}). */
    private final SortedSet<String> unsettled;

    private RawSnapshot(String root, List<RawFile> files, Set<String> unsettled) {
        this.root = root;
        this.files = List.copyOf(files);
        this.unsettled = Collections.unmodifiableSortedSet(new TreeSet<>(unsettled));
    }

    /**
     * Lists the data files under {@code root} (a file or a folder), newest hour first.
     *
     * @throws MissingInputException when there is none
     */
    public static RawSnapshot list(Configuration conf, String root) {
        Path path = new Path(root);
        List<String> found = new ArrayList<>();
        Set<String> unsettled = new HashSet<>();
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (fs.exists(path)) {
                collect(fs, fs.getFileStatus(path), found, unsettled);
                if (found.isEmpty()) {
                    Optional<String> other = InputPaths.firstFile(fs, path, "");
                    if (other.isPresent()) {
                        throw RawEvents.notRawEvents(root, other.get());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the raw events at " + root + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw RawEvents.noRawEvents(root);
        }
        return new RawSnapshot(root, parse(root, liveFiles(found)), unsettled);
    }

    /** The files a reader takes, folder by folder (a compaction's swap can leave both copies for a moment). */
    private static List<String> liveFiles(List<String> found) {
        Map<String, List<String>> byFolder = found.stream().collect(Collectors.groupingBy(
                path -> path.substring(0, path.lastIndexOf('/')), LinkedHashMap::new, Collectors.toList()));
        Set<String> live = new HashSet<>();
        for (List<String> folder : byFolder.values()) {
            live.addAll(RawFileNames.live(folder, path -> path.substring(path.lastIndexOf('/') + 1)));
        }
        return found.stream().filter(live::contains).toList();
    }

    /** A snapshot of the files at {@code paths} under {@code root}, in listing order. */
    static RawSnapshot of(String root, List<String> paths) {
        return new RawSnapshot(root, parse(root, paths), Set.of());
    }

    private static List<RawFile> parse(String root, List<String> paths) {
        return paths.stream().map(path -> parse(root, path)).toList();
    }

    /** Adds the data files at {@code status}, and the topics whose listing a replacement of files overlapped. */
    private static void collect(FileSystem fs, FileStatus status, List<String> found, Set<String> unsettled)
            throws IOException {
        String name = status.getPath().getName();
        if (status.isFile()) {
            if (name.endsWith(".parquet") && status.getLen() > 0) {
                found.add(status.getPath().toString());
            }
            return;
        }
        if (name.startsWith(TOPIC_FOLDER)) {
            RawReplacement.State before = RawReplacement.of(fs, status.getPath());
            collectChildren(fs, status, found, unsettled);
            if (before.replacing() || !before.equals(RawReplacement.of(fs, status.getPath()))) {
                unsettled.add(topicOf(name));
            }
        } else {
            collectChildren(fs, status, found, unsettled);
        }
    }

    private static void collectChildren(FileSystem fs, FileStatus status, List<String> found, Set<String> unsettled)
            throws IOException {
        FileStatus[] children = fs.listStatus(status.getPath());
        Arrays.sort(children, Comparator.comparing(RawSnapshot::newestHourFirst));
        for (FileStatus child : children) {
            String childName = child.getPath().getName();
            if (!childName.startsWith(".") && !childName.startsWith("_")) { // hidden: being written, or Spark's
                collect(fs, child, found, unsettled);
            }
        }
    }

    /** Sorts hour folders newest first (by their number), anything else by name. */
    private static String newestHourFirst(FileStatus status) {
        String name = status.getPath().getName();
        if (name.startsWith(HOUR_FOLDER)) {
            long hour = Long.parseLong(name.substring(HOUR_FOLDER.length()));
            return String.format(Locale.ROOT, "%020d", Long.MAX_VALUE - hour);
        }
        return name;
    }

    private static RawFile parse(String root, String path) {
        String source = root;
        int partition = -1;
        long hour = -1;
        for (String segment : path.split("/")) {
            if (segment.startsWith(TOPIC_FOLDER)) {
                source = topicOf(segment);
            } else if (segment.startsWith(RawEvents.KAFKA_PARTITION + "=")) {
                partition = Integer.parseInt(segment.substring(RawEvents.KAFKA_PARTITION.length() + 1));
            } else if (segment.startsWith(HOUR_FOLDER)) {
                hour = Long.parseLong(segment.substring(HOUR_FOLDER.length()));
            }
        }
        boolean inPartitionHour = partition >= 0 && hour >= 0;
        Optional<RawFileNames.Range> range = RawFileNames.range(path.substring(path.lastIndexOf('/') + 1))
                .filter(named -> inPartitionHour);
        return new RawFile(path, source, partition, hour, range.map(RawFileNames.Range::from).orElse(-1L),
                range.map(RawFileNames.Range::until).orElse(-1L));
    }

    /** The topic a {@code topic=NAME} folder holds, as Spark reads the folder's value into the topic column. */
    private static String topicOf(String topicFolder) {
        return ExternalCatalogUtils.unescapePathName(topicFolder.substring(TOPIC_FOLDER.length()));
    }

    /**
     * The topics whose files the speed layer was replacing while this snapshot listed them (it had
     * restarted): {@link #coverage} proves nothing about their hours.
     */
    public SortedSet<String> unsettled() {
        return unsettled;
    }

    /** The files' paths, in listing order. */
    List<String> paths() {
        return files.stream().map(RawFile::path).toList();
    }

    /** The sources the snapshot has files of. */
    public SortedSet<String> sources() {
        return files.stream().map(RawFile::source).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether it has files of {@code source} (null: any) in {@code hours} (files outside hour folders count). */
    public boolean has(String source, LongPredicate hours) {
        return files.stream().anyMatch(file -> selected(file, source, hours));
    }

    /**
     * The events of exactly the snapshot's files of {@code source} (null: every source) in
     * {@code hours}, with their source in {@link EventColumns#SOURCE}: the topic folder's name, or
     * the root when the dataset has no topic folders. Needs {@link #has} to be true.
     */
    public Dataset<Row> read(SparkSession spark, String source, LongPredicate hours) {
        Dataset<Row> events = stored(spark, source, hours);
        Column sourceColumn = Arrays.asList(events.columns()).contains(RawEvents.TOPIC)
                ? coalesce(col(RawEvents.TOPIC).cast("string"), lit(root)) : lit(root);
        List<Column> columns = new ArrayList<>(Arrays.asList(EventColumns.columns()));
        columns.add(sourceColumn.as(EventColumns.SOURCE));
        return events.select(columns.toArray(Column[]::new));
    }

    /**
     * The rows of exactly the snapshot's files of {@code source} (null: every source) in {@code hours}
     * as they are stored: every column, the Kafka position and the folders' columns (topic,
     * kafka_partition, timestamp_hour) included. Needs {@link #has} to be true.
     */
    public Dataset<Row> stored(SparkSession spark, String source, LongPredicate hours) {
        int topicFolder = root.indexOf("/" + TOPIC_FOLDER);
        String basePath = topicFolder >= 0 ? root.substring(0, topicFolder) : root;
        String[] paths = files.stream().filter(file -> selected(file, source, hours)).map(RawFile::path)
                .toArray(String[]::new);
        return withSerialLookup(spark, () -> spark.read().option("basePath", basePath).parquet(paths));
    }

    /**
     * Spark looks the given files up again when it resolves the read (here, at once); beyond a few
     * dozen paths it would start a job of one task per file to do it, far slower on a local master
     * than looking them up one after the other.
     */
    private static Dataset<Row> withSerialLookup(SparkSession spark, Supplier<Dataset<Row>> read) {
        String threshold = "spark.sql.sources.parallelPartitionDiscovery.threshold";
        String before = spark.conf().get(threshold);
        spark.conf().set(threshold, Integer.MAX_VALUE);
        try {
            return read.get();
        } finally {
            spark.conf().set(threshold, before);
        }
    }

    /**
     * How many rows the snapshot's files of {@code source} in {@code hours} hold, and how many distinct
     * Kafka positions (topic, partition folder, offset) among them: a check that every event is stored
     * once, read straight from the files' offset column, without the seconds a Spark session takes to
     * start. Rows without an offset (events loaded without Kafka) count as rows only.
     */
    public StoredPositions positions(Configuration conf, String source, LongPredicate hours) throws IOException {
        List<RawFile> selected = files.stream().filter(file -> selected(file, source, hours)).toList();
        ExecutorService readers = Executors.newFixedThreadPool(POSITION_READERS);
        try {
            List<Future<FileOffsets>> reads = new ArrayList<>();
            for (RawFile file : selected) {
                reads.add(readers.submit(() -> offsets(file, conf)));
            }
            long rows = 0;
            Set<Position> distinct = new HashSet<>();
            for (int i = 0; i < reads.size(); i++) {
                FileOffsets read = reads.get(i).get();
                rows += read.rows();
                for (long offset : read.offsets()) {
                    distinct.add(new Position(selected.get(i).source(), selected.get(i).partition(), offset));
                }
            }
            return new StoredPositions(rows, distinct.size(), gaps(distinct));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the raw files' offsets", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            readers.shutdownNow();
        }
    }

    /** One file's rows and the offsets among them. */
    private record FileOffsets(long rows, long[] offsets) {
    }

    /** Reads the file's footer once, then the offset column alone, row group by row group. */
    private static FileOffsets offsets(RawFile file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file.path()), conf))) {
            MessageType schema = reader.getFileMetaData().getSchema();
            if (!schema.containsField(RawEvents.KAFKA_OFFSET)) {
                return new FileOffsets(reader.getRecordCount(), new long[0]);
            }
            // as the file declares the column: a projection must match its repetition
            MessageType offsetOnly = new MessageType(schema.getName(), schema.getType(RawEvents.KAFKA_OFFSET));
            reader.setRequestedSchema(offsetOnly);
            MessageColumnIO columns = new ColumnIOFactory().getColumnIO(offsetOnly, schema);
            List<Long> offsets = new ArrayList<>();
            for (PageReadStore rowGroup = reader.readNextRowGroup(); rowGroup != null; rowGroup = reader.readNextRowGroup()) {
                RecordReader<Group> rows = columns.getRecordReader(rowGroup, new GroupRecordConverter(offsetOnly));
                for (long row = 0; row < rowGroup.getRowCount(); row++) {
                    Group read = rows.read();
                    if (read.getFieldRepetitionCount(RawEvents.KAFKA_OFFSET) > 0) {
                        offsets.add(read.getLong(RawEvents.KAFKA_OFFSET, 0));
                    }
                }
            }
            return new FileOffsets(reader.getRecordCount(), offsets.stream().mapToLong(Long::longValue).toArray());
        }
    }

    /** An event's place in Kafka; {@link #positions} counts the distinct ones. */
    private record Position(String topic, int partition, long offset) {
    }

    /**
     * What {@link #positions} found: rows, distinct Kafka positions among them, and the offsets
     * missing between a partition's first and last stored one (where a check of stored against sent
     * looks first when they differ).
     */
    public record StoredPositions(long rows, long distinct, List<OffsetGap> gaps) {
        public StoredPositions {
            gaps = List.copyOf(gaps);
        }
    }

    /** Offsets {@code from} (inclusive) to {@code until} (exclusive) of a partition, none of them stored. */
    public record OffsetGap(String source, int partition, long from, long until) {
        public long size() {
            return until - from;
        }
    }

    private record SourcePartition(String source, int partition) {
    }

    /** Per (source, partition), the runs of offsets missing between stored ones, in order. */
    private static List<OffsetGap> gaps(Set<Position> positions) {
        Map<SourcePartition, List<Position>> byPartition = positions.stream().collect(Collectors.groupingBy(
                position -> new SourcePartition(position.topic(), position.partition())));
        List<OffsetGap> gaps = new ArrayList<>();
        byPartition.forEach((partition, stored) -> {
            long[] offsets = stored.stream().mapToLong(Position::offset).sorted().toArray();
            for (int i = 1; i < offsets.length; i++) {
                if (offsets[i] > offsets[i - 1] + 1) {
                    gaps.add(new OffsetGap(partition.source(), partition.partition(), offsets[i - 1] + 1, offsets[i]));
                }
            }
        });
        gaps.sort(Comparator.comparing(OffsetGap::source).thenComparingInt(OffsetGap::partition)
                .thenComparingLong(OffsetGap::from));
        return gaps;
    }

    private static boolean selected(RawFile file, String source, LongPredicate hours) {
        return (source == null || file.source().equals(source)) && (file.hour() < 0 || hours.test(file.hour()));
    }

    /**
     * What a run that read this snapshot covered of {@code source}'s {@code hour}, of which it
     * aggregated {@code events} events.
     *
     * <p>A source whose files carry no Kafka offsets (loaded events) is complete. A Kafka topic's
     * hour is complete when each of its partitions in the snapshot already has a file of a later
     * hour: a partition still in the hour may bring more of it. Per partition, the run read every
     * event of the hour below the largest of: the UNTIL of the hour's own files, the FROM of its
     * files of this or later hours (see the class comment). A stream batch that had no events of
     * the hour is so covered only once a later batch of the partition is in the snapshot. A topic the
     * speed layer was replacing files of while it was listed ({@link #unsettled}) has no complete
     * hour and no offsets read.
     */
    public HourCoverage coverage(String source, long hour, long events, Instant at) {
        if (unsettled.contains(source)) {
            return new HourCoverage(source, hour, false, Map.of(), events, at);
        }
        List<RawFile> kafkaFiles = files.stream().filter(f -> f.source().equals(source) && f.hasOffsets()).toList();
        if (kafkaFiles.isEmpty()) {
            return new HourCoverage(source, hour, true, Map.of(), events, at);
        }
        Map<Integer, Long> newestHour = new TreeMap<>();
        Map<Integer, Long> through = new TreeMap<>();
        for (RawFile file : kafkaFiles) {
            newestHour.merge(file.partition(), file.hour(), Math::max);
            if (file.hour() >= hour) {
                through.merge(file.partition(), file.hour() == hour ? file.until() : file.from(), Math::max);
            }
        }
        boolean complete = newestHour.values().stream().allMatch(newest -> newest > hour);
        return new HourCoverage(source, hour, complete, through, events, at);
    }
}
