package lambdalab.course.kappa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a version's Spark checkpoint says it has committed: the last batch whose output is stored
 * ({@code commits/N}), the Kafka offsets that batch read up to ({@code offsets/N}) and the watermark
 * it left. Read from the files, so it answers whether the job runs or not: every record below these
 * offsets is in the version's view, and the lag to the topic's end is what the view still misses.
 */
public record KappaCheckpoint(long batchId, Map<Integer, Long> offsets, long watermarkMs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The last committed batch of the checkpoint at {@code location} (a path or file: URI); empty before the first. */
    public static Optional<KappaCheckpoint> read(String location) {
        Path dir = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        Optional<Long> last = lastBatch(dir.resolve("commits"));
        if (last.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<String> offsetLog = Files.readAllLines(dir.resolve("offsets").resolve(Long.toString(last.get())));
            List<String> commitLog = Files.readAllLines(dir.resolve("commits").resolve(Long.toString(last.get())));
            return Optional.of(new KappaCheckpoint(last.get(), offsets(offsetLog), watermark(commitLog)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint in " + dir, e);
        }
    }

    private static Optional<Long> lastBatch(Path commits) {
        if (!Files.isDirectory(commits)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(commits)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("[0-9]+"))
                    .map(Long::parseLong).max(Long::compare);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + commits, e);
        }
    }

    /**
     * An offset log file: its version ({@code v1}), the batch's metadata, then one line per source;
     * the Kafka source's line is {@code {"topic":{"0":12,"1":34}}}.
     */
    static Map<Integer, Long> offsets(List<String> offsetLog) throws IOException {
        Map<Integer, Long> offsets = new TreeMap<>();
        if (offsetLog.size() < 3) {
            return offsets;
        }
        JsonNode topics = JSON.readTree(offsetLog.get(2));
        topics.fields().forEachRemaining(topic -> topic.getValue().fields().forEachRemaining(
                partition -> offsets.put(Integer.parseInt(partition.getKey()), partition.getValue().asLong())));
        return offsets;
    }

    /** A commit log file: {@code v1}, then {@code {"nextBatchWatermarkMs":...}}. */
    static long watermark(List<String> commitLog) throws IOException {
        return commitLog.size() < 2 ? 0 : JSON.readTree(commitLog.get(1)).path("nextBatchWatermarkMs").asLong(0);
    }
}
