package lambdalab.lab.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One folder under services/: the service's Maven-resolved classpath ({@code target/classpath.txt}
 * plus {@code target/classes}), its JVM options ({@code jvm.options}) and its config templates
 * ({@code templates/}), rendered per instance with the lab's settings.
 */
public final class ServiceModule {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z0-9.]+)}}");

    private final String name;
    private final Path dir;
    /** How the module's folder is named in messages, e.g. {@code services/kafka}. */
    private final String location;
    private final String jarName;

    public ServiceModule(String name, Path dir) {
        this(name, dir, "services/" + name, "service-" + name + ".jar");
    }

    private ServiceModule(String name, Path dir, String location, String jarName) {
        this.name = name;
        this.dir = dir;
        this.location = location;
        this.jarName = jarName;
    }

    /**
     * A module of the lab's own code that runs in a JVM of its own with its own classpath (the
     * Lambda+ app server: its web server's libraries clash with Spark's), e.g. {@code sensor-app}.
     */
    public static ServiceModule application(String name, Path dir) {
        return new ServiceModule(name, dir, name, name + ".jar");
    }

    /** The folder name under services/, e.g. {@code hdfs}. */
    public String name() {
        return name;
    }

    /**
     * Where the service's class archives are kept: in the module's build output, beside the jar they
     * are made from, so that every instance home of this build maps them and a clean build drops them.
     */
    public Path classArchives() {
        return dir.resolve("target").resolve("cds");
    }

    /** The service's runtime classpath, exactly as its own Maven module resolved it. */
    public List<String> classpath() {
        Path file = dir.resolve("target/classpath.txt");
        if (!Files.isRegularFile(file)) {
            throw new ServiceException(location + " is not built (" + file + " is missing). "
                    + "Run ./lab again (it builds what is missing) or ./mvnw -q package -DskipTests.");
        }
        List<String> entries = new ArrayList<>();
        entries.add(dir.resolve("target").resolve(jarName).toString());
        for (String entry : read(file).trim().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        for (String entry : entries) {
            if (!Files.exists(Path.of(entry))) {
                throw new ServiceException("The classpath of " + location + " names " + entry
                        + ", which is gone (a cleaned Maven repository?). Rebuild with ./mvnw -q package -DskipTests.");
            }
        }
        return entries;
    }

    /** The JVM options of {@code jvm.options}, comments and blank lines dropped, placeholders filled. */
    public List<String> jvmOptions(Map<String, String> values) {
        List<String> options = new ArrayList<>();
        for (String line : render(read(dir.resolve("jvm.options")), values).split("\n")) {
            String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#")) {
                options.add(option);
            }
        }
        return options;
    }

    /** {@code templates/<template>} rendered. */
    public String renderedTemplate(String template, Map<String, String> values) {
        return render(read(dir.resolve("templates").resolve(template)), values);
    }

    /** Renders {@code templates/<template>} into {@code target}. */
    public void renderTemplate(String template, Path target, Map<String, String> values) {
        String text = renderedTemplate(template, values);
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    static String render(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new ServiceException("Template placeholder {{" + matcher.group(1) + "}} has no value.");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
