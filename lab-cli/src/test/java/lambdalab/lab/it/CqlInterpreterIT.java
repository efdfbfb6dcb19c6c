package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import lambdalab.course.LabEndpoints;
import lambdalab.interpreter.CqlInterpreter;
import lambdalab.interpreter.LabInterpreterSettings;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterOutput;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResultMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The notebooks' %lab.cql against the test lab's real Cassandra, through Zeppelin's interpreter API. */
@ExtendWith(TestLab.Extension.class)
class CqlInterpreterIT {

    private CqlInterpreter cql;

    @BeforeEach
    void open(TestLab testLab) {
        LabEndpoints endpoints = testLab.lab().endpoints();
        Properties properties = new Properties();
        properties.setProperty(LabInterpreterSettings.CASSANDRA_HOST, endpoints.cassandraHost());
        properties.setProperty(LabInterpreterSettings.CASSANDRA_PORT, Integer.toString(endpoints.cassandraPort()));
        properties.setProperty(LabInterpreterSettings.MAX_ROWS, "2");
        cql = new CqlInterpreter(properties);
        cql.open();
    }

    @AfterEach
    void close() {
        if (cql != null) {
            cql.close();
        }
    }

    @Test
    void statementsRunInOrderAndQueriesBecomeTables() {
        Result result = run("""
                CREATE KEYSPACE IF NOT EXISTS notebook_it
                  WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};
                CREATE TABLE IF NOT EXISTS notebook_it.hits (product text PRIMARY KEY, hits bigint, sketch blob);
                // a comment; with a semicolon
                INSERT INTO notebook_it.hits (product, hits, sketch) VALUES ('A,B', 3, 0x0aff);
                SELECT product, hits, sketch FROM notebook_it.hits WHERE product = 'A,B';
                """);
        assertThat(result.code()).as(result.toString()).isEqualTo(InterpreterResult.Code.SUCCESS);
        assertThat(result.of(InterpreterResult.Type.TABLE)).containsExactly("product\thits\tsketch\nA,B\t3\t0x0aff\n");
    }

    @Test
    void aLongResultIsCutAtTheRowLimit() {
        Result result = run("SELECT keyspace_name FROM system_schema.keyspaces");
        assertThat(result.of(InterpreterResult.Type.TABLE)).singleElement()
                .satisfies(table -> assertThat(table.split("\n")).hasSize(1 + 2));
        assertThat(result.of(InterpreterResult.Type.TEXT)).singleElement().asString()
                .startsWith("Showing the first 2 rows");
    }

    @Test
    void anErrorIsTheDriversMessage() {
        Result result = run("SELECT * FROM notebook_it.no_such_table");
        assertThat(result.code()).isEqualTo(InterpreterResult.Code.ERROR);
        assertThat(result.of(InterpreterResult.Type.TEXT)).singleElement().asString()
                .contains("no_such_table").doesNotContain("\tat ");
    }

    private Result run(String text) {
        InterpreterContext context = InterpreterContext.builder().setParagraphId("cql-it")
                .setInterpreterOut(new InterpreterOutput()).build();
        InterpreterResult result = cql.interpret(text, context);
        try {
            List<InterpreterResultMessage> messages = new ArrayList<>(context.out.toInterpreterResultMessage());
            messages.addAll(result.message());
            return new Result(result.code(), messages);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(InterpreterResult.Code code, List<InterpreterResultMessage> messages) {
        List<String> of(InterpreterResult.Type type) {
            return messages.stream().filter(message -> message.getType() == type)
                    .map(InterpreterResultMessage::getData).toList();
        }
    }
}
