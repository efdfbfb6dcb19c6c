package lambdalab.lab.zeppelin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code ./mvnw -Pzeppelin package} builds for a Zeppelin install: the packaged {@code lab} group
 * ({@code lab-interpreter/target/interpreter/lab/}, the folder the VM copies into Zeppelin) and the stand-in
 * for Zeppelin's API jar ({@code zeppelin-api/target/zeppelin-interpreter-shaded-*.jar}); built on demand.
 */
public record PackagedGroup(Path groupFolder, Path apiJarFolder, Path regularJars) {

    public static PackagedGroup in(Path repository) {
        return new PackagedGroup(repository.resolve("lab-interpreter/target/interpreter/lab"),
                repository.resolve("zeppelin-api/target"), repository.resolve("lab-interpreter/target"));
    }

    public Path groupJar() {
        return groupFolder.resolve("lab-interpreter.jar");
    }

    public Optional<Path> apiJar() throws IOException {
        if (!Files.isDirectory(apiJarFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(apiJarFolder)) {
            return files.filter(file -> file.getFileName().toString().matches("zeppelin-interpreter-shaded-.*\\.jar"))
                    .findFirst();
        }
    }

    /** Built, and not older than the lab's regular build of the interpreter classes. */
    public boolean isCurrent() throws IOException {
        if (!Files.isRegularFile(groupJar()) || !Files.isRegularFile(groupFolder.resolve("interpreter-setting.json"))
                || apiJar().isEmpty()) {
            return false;
        }
        FileTime packaged = Files.getLastModifiedTime(groupJar());
        try (Stream<Path> jars = Files.list(regularJars)) {
            for (Path jar : jars.filter(file -> file.getFileName().toString().endsWith(".jar")).toList()) {
                if (Files.getLastModifiedTime(jar).compareTo(packaged) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Builds it when missing or stale (about a minute: the group's jar holds Spark). */
    public void buildIfNeeded(Path repository, PrintStream out) throws IOException, InterruptedException {
        if (isCurrent()) {
            return;
        }
        List<String> command = List.of(repository.resolve("mvnw").toString(), "-B", "-q", "-Pzeppelin", "package",
                "-DskipTests", "-pl", "lab-interpreter,zeppelin-api", "-am");
        out.println("Packaging the lab interpreter group for Zeppelin (" + String.join(" ", command.subList(1, command.size()))
                + "; about a minute) ...");
        int exit = new ProcessBuilder(command).directory(repository.toFile()).inheritIO().start().waitFor();
        if (exit != 0 || !isCurrent()) {
            throw new IOException("Packaging the interpreter group failed (Maven's output is above; exit code " + exit
                    + "). See troubleshooting.md#build-fails.");
        }
    }
}
