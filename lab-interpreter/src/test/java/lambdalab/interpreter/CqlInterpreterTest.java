package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.junit.jupiter.api.Test;

/** %lab.cql without Cassandra (CqlInterpreterIT in lab-cli runs it against the lab's). */
class CqlInterpreterTest {

    @Test
    void aCassandraThatDoesNotAnswerIsNamedWithWhatToCheck() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Properties properties = new Properties();
        properties.setProperty(LabInterpreterSettings.CASSANDRA_PORT, Integer.toString(closedPort));
        CqlInterpreter cql = new CqlInterpreter(properties);
        cql.open(); // opens no connection yet: Zeppelin can start the group while Cassandra is down
        try {
            Paragraphs.Run run = Paragraphs.run(cql, "SELECT release_version FROM system.local");
            assertThat(run.code()).isEqualTo(Code.ERROR);
            assertThat(run.text()).startsWith("Cannot reach Cassandra at 127.0.0.1:" + closedPort + " (is the lab up?")
                    .doesNotContain("\tat ");
        } finally {
            cql.close();
        }
    }
}
