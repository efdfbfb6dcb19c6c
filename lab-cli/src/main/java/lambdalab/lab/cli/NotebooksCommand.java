package lambdalab.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lab notebooks}: the course's Zeppelin notes, run without Zeppelin. */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = {"The course's Zeppelin notes (notebooks/*.zpln), run headless through the same interpreter "
                + "classes Zeppelin loads (%%lab.java, %%lab.sql, %%lab.cql, plus %%md and %%sh): in this JVM, or "
                + "with `run --zeppelin-protocol` in Zeppelin's own interpreter process over its Thrift protocol."},
        subcommands = NotebooksRunCommand.class)
final class NotebooksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
