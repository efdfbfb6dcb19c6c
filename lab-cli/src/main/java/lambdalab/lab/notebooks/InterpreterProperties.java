package lambdalab.lab.notebooks;

import java.io.File;
import java.nio.file.Path;
import java.util.Properties;
import lambdalab.course.LabEndpoints;
import lambdalab.interpreter.LabInterpreterSettings;
import lambdalab.interpreter.ShellInterpreter;
import lambdalab.lab.Lab;
import lambdalab.lab.progress.ProgressReport;
import lambdalab.lab.settings.LabSettings;

/**
 * The interpreter properties that point the notebooks' interpreters at a lab instance: its
 * endpoints, and for {@code %sh} the repository as working directory and the instance's home and
 * overridden settings as environment, so a {@code ./lab ...} command in a note talks to the same lab.
 */
public final class InterpreterProperties {

    private InterpreterProperties() {
    }

    public static Properties of(Lab lab, Path repository) {
        LabEndpoints endpoints = lab.endpoints();
        Properties properties = new Properties();
        properties.setProperty(LabInterpreterSettings.SPARK_MASTER, LabInterpreterSettings.DEFAULT_MASTER);
        properties.setProperty(LabInterpreterSettings.KAFKA_BOOTSTRAP_SERVERS, endpoints.kafkaBootstrapServers());
        properties.setProperty(LabInterpreterSettings.CASSANDRA_HOST, endpoints.cassandraHost());
        properties.setProperty(LabInterpreterSettings.CASSANDRA_PORT, Integer.toString(endpoints.cassandraPort()));
        properties.setProperty(LabInterpreterSettings.HDFS_URI, endpoints.hdfsUri());
        properties.setProperty(LabInterpreterSettings.REPLICATION, Integer.toString(endpoints.replication()));
        properties.setProperty(LabInterpreterSettings.PLUS_URL, lab.plusApp().address().toString());
        properties.setProperty(LabInterpreterSettings.PROGRESS_FILE, ProgressReport.file(lab.settings().home()).toString());
        properties.setProperty(ShellInterpreter.WORKING_DIRECTORY, repository.toString());
        properties.setProperty(ShellInterpreter.ENVIRONMENT_PREFIX + "LAB_HOME", lab.settings().home().toString());
        // notes call the lab as `lab`, which the VM puts on the PATH: here it is the repository's ./lab
        properties.setProperty(ShellInterpreter.ENVIRONMENT_PREFIX + "PATH",
                repository + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        lab.settings().overrides().forEach((key, value) -> properties.setProperty(
                ShellInterpreter.ENVIRONMENT_PREFIX + LabSettings.environmentVariable(key), value));
        return properties;
    }
}
