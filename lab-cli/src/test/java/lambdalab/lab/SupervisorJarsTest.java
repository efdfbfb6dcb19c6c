package lambdalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorJarsTest {

    @TempDir
    Path root;

    @Test
    void theRepositorysJarsRunFromACopyThatARebuildCannotReplace() throws Exception {
        Path repository = Files.createDirectories(root.resolve("repo"));
        Path ownJar = Files.writeString(Files.createDirectories(repository.resolve("lab-cli/target")).resolve("lab-cli.jar"), "v1");
        Path dependency = Files.writeString(root.resolve("spark-core.jar"), "dependency");
        Path classes = Files.createDirectories(repository.resolve("shared-jar/target/classes"));
        Path copies = root.resolve("home/run/jars");
        Files.createDirectories(copies);
        Files.writeString(copies.resolve("left-over.jar"), "from an earlier lab up");

        String classpath = SupervisorJars.copy(String.join(File.pathSeparator, ownJar.toString(), dependency.toString(),
                classes.toString()), repository, copies);

        assertThat(classpath.split(File.pathSeparator)).containsExactly(copies.resolve("lab-cli.jar").toString(),
                dependency.toString(), classes.toString());
        Files.writeString(ownJar, "v2, rebuilt while the lab runs");
        assertThat(Files.readString(copies.resolve("lab-cli.jar"))).isEqualTo("v1");
        assertThat(copies.resolve("left-over.jar")).doesNotExist();
    }
}
