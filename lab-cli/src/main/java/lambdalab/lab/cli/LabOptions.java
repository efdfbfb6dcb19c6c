package lambdalab.lab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lambdalab.lab.Lab;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.RepoLayout;
import picocli.CommandLine.Option;

/** Options every command takes: which instance (home) and setting overrides. */
public final class LabOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Lab instance home (data, logs, PID files). Default: $LAB_HOME, else .lab/ in the repository.")
    Path home;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a setting for this command, e.g. --set kafka.port=19092 (see `lab settings`).")
    Map<String, String> overrides = new LinkedHashMap<>();

    public RepoLayout repo() {
        return RepoLayout.fromSystemProperty();
    }

    public Path resolvedHome() {
        if (home != null) {
            return home.toAbsolutePath().normalize();
        }
        String fromEnvironment = System.getenv("LAB_HOME");
        return fromEnvironment != null && !fromEnvironment.isBlank()
                ? Path.of(fromEnvironment).toAbsolutePath().normalize()
                : repo().defaultHome();
    }

    public LabSettings settings() {
        return LabSettings.load(resolvedHome(), System.getenv(), overrides);
    }

    public Lab lab() {
        return new Lab(settings(), repo());
    }

    /** A `lab` command's arguments followed by these options: the same instance, for another command. */
    String[] withCommand(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(asArguments());
        return all.toArray(String[]::new);
    }

    public List<String> asArguments() {
        List<String> arguments = new ArrayList<>(List.of("--home", resolvedHome().toString()));
        overrides.forEach((key, value) -> arguments.addAll(List.of("--set", key + "=" + value)));
        return arguments;
    }
}
