package lambdalab.lab.cli;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/**
 * The --verbose option of the commands with a lab instance of their own (benchmarks, `lab prepare`):
 * where its start-up lines go.
 */
final class BenchProgress {

    @Option(names = "--verbose", description = "Show the start-up lines of the command's own lab instance.")
    boolean verbose;

    PrintStream out() {
        return verbose ? System.out : BenchInstances.QUIET;
    }
}
