package lambdalab.lab.settings;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the lab's own files are: the repository root that holds services/ (config templates,
 * JVM options, resolved classpaths) and the default instance home {@code .lab/}.
 *
 * <p>The launcher passes the root as the system property {@code lab.repo}; tests get it from Maven.
 */
public record RepoLayout(Path root) {

    public static RepoLayout fromSystemProperty() {
        String value = System.getProperty("lab.repo");
        if (value == null || value.isBlank()) {
            throw new SettingsException("The system property lab.repo is not set: run the lab through ./lab.");
        }
        Path root = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("services"))) {
            throw new SettingsException("lab.repo=" + root + " is not the Lambda Lab repository (no services/ folder).");
        }
        return new RepoLayout(root);
    }

    /** The home used when LAB_HOME is not set. */
    public Path defaultHome() {
        return root.resolve(".lab");
    }

    /** The store of the build's own jars that supervisors run on (see SupervisorJars), shared by every home. */
    public Path supervisorJars() {
        return root.resolve("lab-cli/target/lab-jars");
    }

    /** The class archives of the JVMs that run on those jars (the supervisor), shared by every home. */
    public Path classArchives() {
        return root.resolve("lab-cli/target/cds");
    }

    public Path serviceModule(String module) {
        return root.resolve("services").resolve(module);
    }
}
