package lambdalab.lab.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The speed-layer job's status file ({@code $LAB_HOME/run/stream-status.json}), which the job writes
 * and the lab only reads: for readiness, and for {@code lab stream status}.
 */
public record StreamStatusFile(Path path) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static StreamStatusFile in(Path runDir) {
        return forJob(runDir, StreamJobService.NAME);
    }

    /** The status file of an on-demand Spark job, {@code $LAB_HOME/run/<job>-status.json}. */
    public static StreamStatusFile forJob(Path runDir, String job) {
        return new StreamStatusFile(runDir.resolve(job + "-status.json"));
    }

    /**
     * The job's last report, or empty when it has written none yet.
     *
     * @throws ServiceException if the file is not a status the lab understands (what is wrong, and where)
     */
    public Optional<StreamJobStatus> read() {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ServiceException("Cannot read the stream job's status file " + path + ": " + e.getMessage());
        }
        return Optional.of(parse(text));
    }

    StreamJobStatus parse(String text) {
        StreamJobStatus status;
        try {
            status = JSON.readValue(text, StreamJobStatus.class);
        } catch (JsonProcessingException e) {
            throw new ServiceException("The stream job's status file " + path + " is not valid JSON ("
                    + e.getOriginalMessage() + "); the job writes it, so see its log.");
        }
        if (status == null || status.state() == null || status.pid() <= 0) {
            throw new ServiceException("The stream job's status file " + path
                    + " lacks \"state\" or \"pid\"; the job writes it, so see its log.");
        }
        return status;
    }

    /** Removes the report of an earlier run, so a new start is never judged by it. */
    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new ServiceException("Cannot delete the stream job's old status file " + path + ": " + e.getMessage());
        }
    }
}
