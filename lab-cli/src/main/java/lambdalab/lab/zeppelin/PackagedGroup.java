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
 * ({@code lab-interpreter/target/interpreter/lab/}, the folder the VM copies into Zeppelin: the interpreter's
 * jar, the jars it runs on and {@code interpreter-setting.json}) and the stand-in for Zeppelin's API jar
 * ({@code zeppelin-api/target/zeppelin-interpreter-shaded-*.jar}); built on demand.
 */
public record PackagedGroup(Path groupFolder, Path apiJarFolder, Path regularJars) {

    public static PackagedGroup in(Path repository) {
        return new PackagedGroup(repository.resolve("lab-interpreter/target/interpreter/lab"),
                repository.resolve("zeppelin-api/target"), repository.resolve("lab-interpreter/target"));
    }

    /** The interpreter's own jar in the group's folder, once packaged. */
    public Optional<Path> interpreterJar() throws IOException {
        return firstMatching(groupFolder, "lab-interpreter-.*\\.jar");
    }

    /** Every jar of the group's folder: Zeppelin puts them all on the interpreter process's class path. */
    public List<Path> jars() throws IOException {
        try (Stream<Path> files = Files.list(groupFolder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    public Optional<Path> apiJar() throws IOException {
        return firstMatching(apiJarFolder, "zeppelin-interpreter-shaded-.*\\.jar");
    }

    private static Optional<Path> firstMatching(Path folder, String fileName) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches(fileName)).findFirst();
        }
    }

    /** Built, and not older than the lab's regular build of the interpreter classes. */
    public boolean isCurrent() throws IOException {
        Optional<Path> interpreterJar = interpreterJar();
        if (interpreterJar.isEmpty() || !Files.isRegularFile(groupFolder.resolve("interpreter-setting.json"))
                || apiJar().isEmpty()) {
            return false;
        }
        FileTime packaged = Files.getLastModifiedTime(interpreterJar.get());
        try (Stream<Path> jars = Files.list(regularJars)) {
            for (Path jar : jars.filter(file -> file.getFileName().toString().endsWith(".jar")).toList()) {
                if (Files.getLastModifiedTime(jar).compareTo(packaged) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Builds it when missing or stale (the API jar's relocation takes about a minute when it is not cached). */
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
