package lambdalab.lab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import lambdalab.interpreter.TerminalShell;
import lambdalab.lab.Lab;
import lambdalab.lab.notebooks.InterpreterProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sun.misc.Signal;

@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"The notebooks' Java REPL (%%lab.java) in the terminal, against the lab (started first if it "
                + "is not running): spark, sc, endpoints, show(value) and the shared jar's packages preloaded.",
                "A snippet may span lines; /help, /exit or Ctrl-D to leave; Ctrl-C stops the running snippet and "
                        + "its Spark jobs. Reads snippets from standard input when it is not a terminal."})
final class ShellCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() throws IOException {
        Lab lab = options.lab();
        if (!lab.ensureRunning(System.out, "[shell] ")) {
            return 1;
        }
        System.out.println("Starting Spark and the Java REPL ...");
        try (TerminalShell shell = TerminalShell.open(InterpreterProperties.of(lab, options.repo().root()))) {
            boolean terminal = System.console() != null;
            if (terminal) {
                // Ctrl-C stops the snippet, not the shell (a snippet that ignores it is stopped at its next step)
                Signal.handle(new Signal("INT"), signal -> shell.interrupt());
            }
            shell.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out,
                    terminal);
        }
        return 0;
    }
}
