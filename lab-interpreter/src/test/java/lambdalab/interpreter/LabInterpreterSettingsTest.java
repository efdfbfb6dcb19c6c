package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import lambdalab.course.LabEndpoints;
import org.junit.jupiter.api.Test;

class LabInterpreterSettingsTest {

    @Test
    void missingOrBlankPropertiesTakeTheEmbeddedLabsDefaults() {
        Properties properties = new Properties();
        properties.setProperty(LabInterpreterSettings.CASSANDRA_HOST, " ");
        LabInterpreterSettings settings = LabInterpreterSettings.from(properties);
        assertThat(settings.endpoints()).isEqualTo(LabEndpoints.localDefaults());
        assertThat(settings.sparkMaster()).isEqualTo("local[2]");
        assertThat(settings.maxRows()).isEqualTo(1000);
    }

    @Test
    void propertiesOverrideTheDefaults() {
        Properties properties = new Properties();
        properties.setProperty(LabInterpreterSettings.KAFKA_BOOTSTRAP_SERVERS, "10.0.0.5:9092");
        properties.setProperty(LabInterpreterSettings.CASSANDRA_HOST, "cassandra.example");
        properties.setProperty(LabInterpreterSettings.CASSANDRA_PORT, "19042");
        properties.setProperty(LabInterpreterSettings.HDFS_URI, "hdfs://namenode:8020");
        properties.setProperty(LabInterpreterSettings.SPARK_MASTER, "spark://master:7077");
        properties.setProperty(LabInterpreterSettings.MAX_ROWS, "50");
        LabInterpreterSettings settings = LabInterpreterSettings.from(properties);
        assertThat(settings.endpoints()).isEqualTo(
                new LabEndpoints("10.0.0.5:9092", "cassandra.example", 19042, "hdfs://namenode:8020"));
        assertThat(settings.sparkMaster()).isEqualTo("spark://master:7077");
        assertThat(settings.maxRows()).isEqualTo(50);
    }

    @Test
    void aBadNumberNamesTheProperty() {
        Properties properties = new Properties();
        properties.setProperty(LabInterpreterSettings.CASSANDRA_PORT, "nine");
        assertThatThrownBy(() -> LabInterpreterSettings.from(properties))
                .hasMessage("Interpreter property lab.cassandra.port must be a whole number, got 'nine'");
        properties.setProperty(LabInterpreterSettings.CASSANDRA_PORT, "9042");
        properties.setProperty(LabInterpreterSettings.MAX_ROWS, "0");
        assertThatThrownBy(() -> LabInterpreterSettings.from(properties)).hasMessageContaining("lab.table.max.rows");
    }
}
