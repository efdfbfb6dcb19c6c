package lambdalab.lab.cli;

import java.io.UncheckedIOException;
import lambdalab.course.batch.MissingInputException;
import lambdalab.course.kafka.KafkaUnreachableException;
import lambdalab.course.serving.MissingViewsException;
import lambdalab.lab.service.ServiceException;
import lambdalab.lab.settings.SettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lab}: the Lambda Lab command line. */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "Lambda Lab 0.1",
        description = "Lambda Lab: real Kafka, Cassandra and HDFS on 127.0.0.1 for the Lambda architecture course.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class, LabGenerateCommand.class, BatchCommand.class,
                StreamCommand.class, PlusCommand.class, KappaCommand.class, QueryCommand.class, DemoCommand.class, NotebooksCommand.class, ShellCommand.class,
                ProgressCommand.class, ResetCommand.class, DoctorCommand.class, SettingsCommand.class, BenchCommand.class, DrillCommand.class, PrepareCommand.class,
                TestCommand.class, SuperviseCommand.class, CommandLine.HelpCommand.class})
public final class LabCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new LabCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // failures whose message already says what happened and what to do: no stack trace
            if (e instanceof SettingsException || e instanceof ServiceException
                    || e instanceof KafkaUnreachableException || e instanceof MissingInputException
                    || e instanceof MissingViewsException
                    || e instanceof UncheckedIOException) {
                cmd.getErr().println("ERROR: " + e.getMessage()
                        + (e instanceof UncheckedIOException ? " (" + e.getCause().getMessage() + ")" : ""));
                return 1;
            }
            throw e;
        });
        return commandLine.execute(args);
    }
}
