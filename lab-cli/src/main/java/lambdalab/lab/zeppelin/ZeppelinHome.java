package lambdalab.lab.zeppelin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Zeppelin-like folder, as far as an interpreter process sees one: {@code interpreter/<group>/} with the
 * packaged group (its jars and {@code interpreter-setting.json}), Zeppelin's API jar at {@code interpreter/}
 * top level, {@code conf/} and {@code logs/}. The jars are linked, not copied (the group's hold Spark).
 */
public final class ZeppelinHome {

    private final Path root;
    private final String group;

    private ZeppelinHome(Path root, String group) {
        this.root = root;
        this.group = group;
    }

    /**
     * Lays the folder out in {@code root} (replacing what an earlier run left there) from a packaged group
     * folder ({@code lab-interpreter/target/interpreter/lab}) and Zeppelin's API jar.
     */
    public static ZeppelinHome layOut(Path root, Path packagedGroup, Path apiJar) throws IOException {
        String group = packagedGroup.getFileName().toString();
        ZeppelinHome home = new ZeppelinHome(root.toAbsolutePath(), group);
        Path interpreters = home.root.resolve("interpreter");
        deleteTree(interpreters);
        Files.createDirectories(home.interpreterDir());
        try (Stream<Path> files = Files.list(packagedGroup)) {
            for (Path file : files.toList()) {
                link(file, home.interpreterDir().resolve(file.getFileName()));
            }
        }
        link(apiJar, interpreters.resolve(apiJar.getFileName()));
        Files.createDirectories(home.confDir());
        Files.createDirectories(home.logDir());
        // what Zeppelin's conf/log4j2.properties does for an interpreter: INFO and up, to its log file
        Files.writeString(home.confDir().resolve("log4j2.properties"), """
                rootLogger.level = INFO
                rootLogger.appenderRef.stdout.ref = console
                appender.console.type = Console
                appender.console.name = console
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%t] %c{1}: %m%n
                """);
        return home;
    }

    public Path root() {
        return root;
    }

    public String group() {
        return group;
    }

    /** {@code interpreter/<group>/}, the folder Zeppelin passes as {@code -d} to {@code bin/interpreter.sh}. */
    public Path interpreterDir() {
        return root.resolve("interpreter").resolve(group);
    }

    public Path settingFile() {
        return interpreterDir().resolve("interpreter-setting.json");
    }

    public Path confDir() {
        return root.resolve("conf");
    }

    public Path logDir() {
        return root.resolve("logs");
    }

    public Path localRepository() {
        return root.resolve("local-repo");
    }

    /**
     * The class path {@code bin/interpreter.sh} builds: the group folder's top-level jars first, then the
     * API jar(s) found at {@code interpreter/} top level.
     */
    public String classPath() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("interpreter"))) {
            List<String> apiJars = files.filter(file -> file.getFileName().toString()
                    .matches("zeppelin-interpreter-shaded-.*\\.jar")).map(Path::toString).sorted().toList();
            if (apiJars.isEmpty()) {
                throw new IOException("No zeppelin-interpreter-shaded-*.jar in " + root.resolve("interpreter"));
            }
            return interpreterDir() + "/*:" + String.join(":", apiJars);
        }
    }

    private static void link(Path target, Path link) throws IOException {
        try {
            Files.createSymbolicLink(link, target.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, link, StandardCopyOption.REPLACE_EXISTING); // a file system without links
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
