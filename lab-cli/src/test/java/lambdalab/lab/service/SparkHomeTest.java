package lambdalab.lab.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkHomeTest {

    @TempDir
    Path dir;

    private Path jar(String name) throws IOException {
        Path jar = dir.resolve("repo").resolve(name);
        Files.createDirectories(jar.getParent());
        return Files.writeString(jar, name);
    }

    @Test
    void aDistributionLayoutOfLinksToTheClasspathsJars() throws IOException {
        Path core = jar("spark-core_2.13-3.5.1.jar");
        Path sql = jar("spark-sql_2.13-3.5.1.jar");
        SparkHome home = new SparkHome(dir.resolve("spark"));
        home.prepare(List.of(core.toString(), sql.toString()), "rootLogger.level = WARN\n");
        assertThat(Files.readString(home.dir().resolve("RELEASE"))).startsWith("Spark 3.5.1 ");
        assertThat(Files.readSymbolicLink(home.jarsDir().resolve("spark-core_2.13-3.5.1.jar"))).isEqualTo(core);
        assertThat(Files.readString(home.jarsDir().resolve("spark-sql_2.13-3.5.1.jar"))).isEqualTo("spark-sql_2.13-3.5.1.jar");
        assertThat(Files.readString(home.confDir().resolve("log4j2.properties"))).contains("WARN");
        assertThat(home.environment()).containsEntry("SPARK_HOME", home.dir().toString());
    }

    @Test
    void aJarNoLongerOnTheClasspathLeavesTheJarsFolder() throws IOException {
        Path core = jar("spark-core_2.13-3.5.1.jar");
        Path old = jar("old-library-1.0.jar");
        SparkHome home = new SparkHome(dir.resolve("spark"));
        home.prepare(List.of(core.toString(), old.toString()), "");
        home.prepare(List.of(core.toString()), "");
        try (var links = Files.list(home.jarsDir())) {
            assertThat(links.map(link -> link.getFileName().toString())).containsExactly("spark-core_2.13-3.5.1.jar");
        }
    }

    @Test
    void aClasspathWithoutSparkCoreIsNotASparkDistribution() throws IOException {
        Path other = jar("other-1.0.jar");
        assertThatThrownBy(() -> new SparkHome(dir.resolve("spark")).prepare(List.of(other.toString()), ""))
                .isInstanceOf(ServiceException.class).hasMessageContaining("spark-core");
    }
}
