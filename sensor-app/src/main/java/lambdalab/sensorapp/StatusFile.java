package lambdalab.sensorapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's state for the lab's supervisor, {@code {"state":"running","pid":123,"port":7070,
 * "startedAt":"2025-12-02T21:13:20Z"}}: written to a temporary file next to it and moved into place
 * atomically, so a reader never sees half a file.
 */
public final class StatusFile {

    public static final String RUNNING = "running";
    public static final String STOPPING = "stopping";

    private final Path path;
    private final Instant startedAt;

    public StatusFile(Path path, Instant startedAt) {
        this.path = path.toAbsolutePath();
        this.startedAt = startedAt;
    }

    public Path path() {
        return path;
    }

    public void write(String state, int port) throws IOException {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", state);
        status.put("pid", ProcessHandle.current().pid());
        status.put("port", port);
        status.put("startedAt", startedAt.toString());
        Path directory = path.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, path.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, Json.write(status) + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
