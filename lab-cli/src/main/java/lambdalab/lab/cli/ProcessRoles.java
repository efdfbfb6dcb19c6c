package lambdalab.lab.cli;

import java.nio.file.Path;
import java.util.List;
import lambdalab.lab.service.LabService;
import lambdalab.lab.system.LabProcesses;

/** What a process of a benchmark's lab instance is, from its command line, for the benchmarks' per-process figures. */
final class ProcessRoles {

    /**
     * A JVM writing a class archive: once per archive after a build changed its jars, at idle
     * priority (see ClassDataSharing), so not part of the course's steady work; shown apart.
     */
    static final String CLASS_ARCHIVE_DUMP = "class-archive dump";

    private ProcessRoles() {
    }

    /** A class-archive dump, a service's marker, or the `lab` command it runs. */
    static String of(ProcessHandle process) {
        String command = LabProcesses.commandLine(process);
        if (command.contains("-Xshare:dump")) {
            return CLASS_ARCHIVE_DUMP;
        }
        int marker = command.indexOf(LabService.SERVICE_MARKER);
        if (marker >= 0) {
            return command.substring(marker + LabService.SERVICE_MARKER.length()).split("\\s+")[0];
        }
        for (String role : List.of("supervise", "demo", "batch", "shell")) {
            if (command.contains(LabCommand.class.getName() + " " + role)) {
                return role.equals("shell") ? "interpreter (lab shell)" : role.equals("batch") ? "batch run" : role;
            }
        }
        return "other (" + process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?") + ")";
    }
}
