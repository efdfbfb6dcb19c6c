package lambdalab.sensorapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileTest {

    @Test
    void writesTheStateAtomically(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("run/sensor-app.json");
        StatusFile file = new StatusFile(path, Instant.parse("2025-12-02T21:00:00Z"));
        file.write(StatusFile.RUNNING, 7070);
        JsonNode status = new ObjectMapper().readTree(Files.readString(path));
        assertThat(status.get("state").asText()).isEqualTo("running");
        assertThat(status.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(status.get("port").asInt()).isEqualTo(7070);
        assertThat(status.get("startedAt").asText()).isEqualTo("2025-12-02T21:00:00Z");
        file.write(StatusFile.STOPPING, 7070);
        assertThat(new ObjectMapper().readTree(Files.readString(path)).get("state").asText()).isEqualTo("stopping");
        try (var files = Files.list(path.getParent())) {
            assertThat(files).containsExactly(path); // no temporary file left
        }
    }
}
