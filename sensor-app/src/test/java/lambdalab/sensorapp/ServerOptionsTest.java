package lambdalab.sensorapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    @Test
    void parsesEveryOption() throws Exception {
        ServerOptions options = ServerOptions.parse("--port", "7070", "--kafka", "127.0.0.1:9092", "--cassandra",
                "127.0.0.1:9042", "--host", "0.0.0.0", "--allow-drills", "--max-future-seconds", "5",
                "--status-file", "/tmp/x.json");
        assertThat(options).isEqualTo(new ServerOptions("0.0.0.0", 7070, "127.0.0.1:9092", "127.0.0.1", 9042, true, 5,
                Path.of("/tmp/x.json")));
    }

    @Test
    void defaultsToLoopbackNoDrillsAMinuteAhead() throws Exception {
        ServerOptions options = ServerOptions.parse("--port", "0", "--kafka", "k:1", "--cassandra", "c:2");
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.allowDrills()).isFalse();
        assertThat(options.maxFutureSeconds()).isEqualTo(60);
        assertThat(options.statusFile()).isNull();
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> ServerOptions.parse("--kafka", "k:1", "--cassandra", "c:2"))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> ServerOptions.parse("--port", "x", "--kafka", "k:1", "--cassandra", "c:2"))
                .hasMessageContaining("--port must be a whole number");
        assertThatThrownBy(() -> ServerOptions.parse("--port", "1", "--kafka", "k", "--cassandra", "c:2"))
                .hasMessageContaining("--kafka must be HOST:PORT");
        assertThatThrownBy(() -> ServerOptions.parse("--port", "1", "--kafka", "k:1", "--cassandra", "c:x"))
                .hasMessageContaining("port must be a whole number");
        assertThatThrownBy(() -> ServerOptions.parse("--port", "1", "--kafka", "k:1", "--cassandra", "c:2", "--what"))
                .hasMessageContaining("unknown argument --what");
        assertThatThrownBy(() -> ServerOptions.parse("--port", "--kafka", "k:1")).hasMessageContaining("needs a value");
    }

    @Test
    void aClusterLabsServerKeepsThreeCopies() throws Exception {
        assertThat(ServerOptions.parse("--port", "7070", "--kafka", "127.0.0.1:9092", "--cassandra", "127.0.0.1:9042")
                .replication()).isEqualTo(1);
        assertThat(ServerOptions.parse("--port", "7070", "--kafka", "127.0.0.1:9092", "--cassandra", "127.0.0.1:9042",
                "--replication", "3").replication()).isEqualTo(3);
    }
}
