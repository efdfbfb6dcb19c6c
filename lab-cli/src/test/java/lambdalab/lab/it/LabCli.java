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

    /** At most this many lines of a command's output go to the suite's log. */
    private static final int LOGGED_LINES = 200;

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
            originalOut.print(shortened(captured.toString(StandardCharsets.UTF_8)));
        }
    }

    /**
     * What the suite's log shows of a command's output: all of it up to {@value #LOGGED_LINES} lines, else its
     * start and end. A `--json` query prints thousands of lines, which only lengthened the suite's log; a failing
     * assertion shows the whole output anyway.
     */
    private static String shortened(String output) {
        List<String> lines = output.lines().toList();
        if (lines.size() <= LOGGED_LINES) {
            return output;
        }
        int head = LOGGED_LINES / 2;
        int tail = LOGGED_LINES / 4;
        return String.join("\n", lines.subList(0, head)) + "\n[... " + (lines.size() - head - tail)
                + " lines of this command's output not shown ...]\n"
                + String.join("\n", lines.subList(lines.size() - tail, lines.size())) + "\n";
    }
}
