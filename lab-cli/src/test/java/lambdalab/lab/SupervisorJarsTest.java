package lambdalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorJarsTest {

    @TempDir
    Path root;

    @Test
    void theRepositorysJarsAndClassFoldersRunFromACopyThatARebuildCannotReplace() throws Exception {
        Path repository = Files.createDirectories(root.resolve("repo"));
        Path ownJar = Files.writeString(Files.createDirectories(repository.resolve("lab-cli/target")).resolve("lab-cli.jar"), "v1");
        Path dependency = Files.writeString(root.resolve("spark-core.jar"), "dependency");
        Path classes = Files.createDirectories(repository.resolve("shared-jar/target/classes"));
        Files.writeString(Files.createDirectories(classes.resolve("lambdalab/course")).resolve("Job.class"), "bytecode v1");
        Path copies = root.resolve("home/run/jars");
        Files.createDirectories(copies);
        Files.writeString(copies.resolve("left-over.jar"), "from an earlier lab up");

        String classpath = SupervisorJars.copy(String.join(File.pathSeparator, ownJar.toString(), dependency.toString(),
                classes.toString()), repository, copies);

        Path packed = copies.resolve("shared-jar-target-classes.jar");
        assertThat(classpath.split(File.pathSeparator)).containsExactly(copies.resolve("lab-cli.jar").toString(),
                dependency.toString(), packed.toString());
        Files.writeString(ownJar, "v2, rebuilt while the lab runs");
        Files.writeString(classes.resolve("lambdalab/course/Job.class"), "bytecode v2, rebuilt");
        assertThat(Files.readString(copies.resolve("lab-cli.jar"))).isEqualTo("v1");
        try (JarFile jar = new JarFile(packed.toFile())) {
            assertThat(new String(jar.getInputStream(jar.getJarEntry("lambdalab/course/Job.class")).readAllBytes(),
                    StandardCharsets.UTF_8)).as("the class folder, packed as it was at the start").isEqualTo("bytecode v1");
        }
        assertThat(copies.resolve("left-over.jar")).doesNotExist();
    }
}
