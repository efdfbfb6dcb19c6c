package lambdalab.lab.doctor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of errors found in service logs, shared by the supervisor (to explain a failed start)
 * and {@code lab doctor}. Each entry has a section of the same id in troubleshooting.md.
 */
public final class KnownErrors {

    public static final List<KnownError> ALL = List.of(
            KnownError.of("port-in-use", "Address already in use|BindException",
                    "a port the service needs is held by another process",
                    "run `./lab doctor` to see which process holds it; stop that process, or give the lab "
                            + "another port in $LAB_HOME/lab.properties (e.g. kafka.port=19092)"),
            KnownError.of("no-memory", "insufficient memory for the Java Runtime|Cannot allocate memory|java\\.lang\\.OutOfMemoryError",
                    "the service ran out of memory (machine memory or its own heap)",
                    "close other programs, or change the service's heap in $LAB_HOME/lab.properties "
                            + "(kafka.heap, cassandra.heap, hdfs.heap), then `./lab up`"),
            KnownError.of("disk-full", "No space left on device",
                    "the disk holding $LAB_HOME is full",
                    "free disk space (`./lab reset --yes` wipes the lab's data), then `./lab up`"),
            KnownError.lasting("kafka-storage", "No readable meta.properties|Stored node id .* doesn't match|Invalid cluster.id|doesn't match stored clusterId"
                            + "|Failed to load metadata|Unexpected error while loading snapshot",
                    "Kafka's data directory is damaged or belongs to another cluster",
                    "`./lab reset --yes` wipes the lab's data (topics are lost); then `./lab up`"),
            KnownError.lasting("cassandra-storage", "CorruptSSTableException|CommitLogReadException"
                            + "|Could not read commit log descriptor|FSReadError|Cannot read the system keyspace",
                    "Cassandra's data or commit log is damaged (often after the disk filled up or power loss)",
                    "`./lab reset --yes` wipes the lab's data (tables are lost); then `./lab up`"),
            KnownError.lasting("hdfs-not-formatted", "NameNode is not formatted"
                            + "|Directory .* is in an inconsistent state",
                    "the NameNode's metadata directory is missing or damaged",
                    "`./lab reset --yes` wipes the lab's data (HDFS files are lost); then `./lab up`"),
            KnownError.lasting("hdfs-cluster-id", "Incompatible clusterIDs",
                    "the DataNode's blocks belong to an earlier, re-formatted NameNode",
                    "`./lab reset --yes` wipes the lab's data and formats both again; then `./lab up`"),
            KnownError.lasting("hdfs-webapps", "webapps/hdfs not found in CLASSPATH",
                    "the build of services/hdfs is incomplete (the web app descriptors are missing)",
                    "rebuild: `./mvnw -q package -DskipTests`, then `./lab up`"),
            KnownError.lasting("kappa-log-trimmed", "not available in Kafka any more",
                    "a Kappa job's next Kafka offsets were deleted by retention: its view would lack those events",
                    "`./lab kappa drop N` the version and replay it; see troubleshooting.md for what was lost"),
            KnownError.of("class-not-found", "ClassNotFoundException|NoClassDefFoundError|Could not find or load main class",
                    "a service's classpath is broken (a cleaned Maven repository, an interrupted build)",
                    "rebuild: `./mvnw -q package -DskipTests`, then `./lab up`"));

    /** How much of a log's end is searched: recent enough to matter, small enough to be quick. */
    private static final int TAIL_BYTES = 512 * 1024;

    private KnownErrors() {
    }

    /** A known error seen in a log, with the line where it was seen. */
    public record Finding(KnownError error, String line) {
    }

    /** The known errors in the end of a log (its last 512 KiB), in the order they first appear. */
    public static List<Finding> scanTail(Path log) {
        return scan(log, sizeOf(log) - TAIL_BYTES);
    }

    /** The most recent known error written to a log since {@code fromOffset} (e.g. since a start). */
    public static Optional<Finding> latestSince(Path log, long fromOffset) {
        List<Finding> findings = scan(log, Math.max(fromOffset, sizeOf(log) - TAIL_BYTES));
        return findings.isEmpty() ? Optional.empty() : Optional.of(findings.get(findings.size() - 1));
    }

    /** The last line that reports an error or exception since {@code fromOffset}, for failures no entry knows. */
    public static Optional<String> lastErrorLine(Path log, long fromOffset) {
        List<String> lines = linesFrom(log, Math.max(fromOffset, sizeOf(log) - TAIL_BYTES));
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.contains("ERROR") || line.contains("Exception") || line.startsWith("Error")) {
                return Optional.of(line.strip());
            }
        }
        return Optional.empty();
    }

    public static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Finding> scan(Path log, long fromOffset) {
        List<Finding> findings = new ArrayList<>();
        for (String line : linesFrom(log, Math.max(0, fromOffset))) {
            for (KnownError error : ALL) {
                boolean seen = findings.stream().anyMatch(f -> f.error() == error);
                if (!seen && error.pattern().matcher(line).find()) {
                    findings.add(new Finding(error, line.strip()));
                }
            }
        }
        return findings;
    }

    /** The lines of a file from a byte offset on (a partial first line is dropped). */
    public static List<String> linesFrom(Path file, long offset) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.min(offset, in.length());
            byte[] buffer = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(buffer);
            List<String> lines = new ArrayList<>(List.of(new String(buffer, StandardCharsets.UTF_8).split("\n")));
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0);
            }
            return lines;
        } catch (IOException e) {
            return List.of();
        }
    }
}
