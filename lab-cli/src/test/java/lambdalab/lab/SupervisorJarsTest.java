package lambdalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
        Path job = Files.writeString(Files.createDirectories(classes.resolve("lambdalab/course")).resolve("Job.class"), "bytecode v1");
        Path store = repository.resolve("lab-cli/target/lab-jars");

        String[] classpath = copy(repository, store, ownJar, dependency, classes);

        assertThat(classpath).hasSize(3);
        assertThat(Path.of(classpath[0]).getParent()).isEqualTo(store);
        assertThat(classpath[0]).matches(".*/lab-cli-[0-9a-f]{16}\\.jar");
        assertThat(classpath[1]).isEqualTo(dependency.toString());
        assertThat(classpath[2]).matches(".*/shared-jar-target-classes-[0-9a-f]{16}\\.jar");
        Files.writeString(ownJar, "v2, rebuilt while the lab runs");
        Files.writeString(job, "bytecode v2, rebuilt");
        assertThat(Files.readString(Path.of(classpath[0]))).isEqualTo("v1");
        assertThat(classOf(Path.of(classpath[2]))).as("the class folder, packed as it was at the start").isEqualTo("bytecode v1");
        try (var files = Files.list(store)) {
            assertThat(files).as("no partial copy or packing left").allMatch(file -> file.toString().endsWith(".jar"));
        }
    }

    /** The same build gives the same files, so a class archive made on them serves every home. */
    @Test
    void everyHomeOfOneBuildRunsOnTheSameCopiesAndARebuildGetsNewOnes() throws Exception {
        Path repository = Files.createDirectories(root.resolve("repo"));
        Path ownJar = Files.writeString(Files.createDirectories(repository.resolve("lab-cli/target")).resolve("lab-cli.jar"), "v1");
        Path classes = Files.createDirectories(repository.resolve("lab-cli/target/classes"));
        Path job = Files.writeString(Files.createDirectories(classes.resolve("lambdalab")).resolve("Job.class"), "bytecode v1");
        Path store = repository.resolve("lab-cli/target/lab-jars");

        String[] first = copy(repository, store, ownJar, classes);
        FileTime copied = Files.getLastModifiedTime(Path.of(first[0]));
        String[] second = copy(repository, store, ownJar, classes);
        assertThat(second).containsExactly(first);
        assertThat(Files.getLastModifiedTime(Path.of(second[0]))).isEqualTo(copied);

        Files.writeString(ownJar, "v2");
        Files.writeString(job, "bytecode v2");
        String[] rebuilt = copy(repository, store, ownJar, classes);
        assertThat(rebuilt[0]).isNotEqualTo(first[0]);
        assertThat(rebuilt[1]).isNotEqualTo(first[1]);
        assertThat(Path.of(first[0])).as("no process runs on the old copy: deleted").doesNotExist();
        assertThat(Path.of(first[1])).doesNotExist();
    }

    private static String[] copy(Path repository, Path store, Path... entries) {
        String classpath = String.join(File.pathSeparator, java.util.Arrays.stream(entries).map(Path::toString).toList());
        return SupervisorJars.copy(classpath, repository, store).split(File.pathSeparator);
    }

    private static String classOf(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return new String(file.getInputStream(file.getJarEntry("lambdalab/course/Job.class")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
    }
}
