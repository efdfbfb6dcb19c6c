package lambdalab.lab.cli;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/** The benchmarks' --verbose option: where the benchmark lab's start-up lines go. */
final class BenchProgress {

    @Option(names = "--verbose", description = "Show the benchmark lab's start-up lines.")
    boolean verbose;

    PrintStream out() {
        return verbose ? System.out : BenchInstances.QUIET;
    }
}
