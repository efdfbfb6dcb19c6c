package lambdalab.lab.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lambdalab.lab.Lab;
import lambdalab.lab.cli.LabCommand;

/** Runs a `lab` command in this JVM against an instance (its home and settings), capturing what it prints. */
final class LabCli {
    private LabCli() {
    }

    record Run(int exitCode, String output) {
    }

    static Run run(Lab lab, String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--home", lab.settings().home().toString()));
        lab.settings().overrides().forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int exitCode = LabCommand.execute(command.toArray(String[]::new));
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            originalOut.print(captured.toString(StandardCharsets.UTF_8));
        }
    }
}
