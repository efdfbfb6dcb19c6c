package lambdalab.lab.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lambdalab.lab.Lab;
import lambdalab.lab.doctor.KnownErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the end of a service's (or an on-demand job's) log ($LAB_HOME/logs/SERVICE.log); "
                + "--follow keeps printing.")
final class LogsCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Parameters(paramLabel = "SERVICE", description = "kafka, cassandra, namenode, datanode, stream, plus-app, plus-speed or supervisor")
    String service;

    @Option(names = {"-n", "--lines"}, defaultValue = "100", description = "How many lines from the end (default 100).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Lab lab = options.lab();
        List<String> known = new ArrayList<>(lab.services().names());
        lab.jobs().forEach(job -> known.add(job.name()));
        known.add(Lab.SUPERVISOR);
        if (!known.contains(service)) {
            System.err.println("ERROR: unknown service '" + service + "'. Choose one of: " + String.join(", ", known) + ".");
            return 2;
        }
        Path log = lab.settings().logsDir().resolve(service + ".log");
        if (!Files.exists(log) && !follow) {
            System.err.println("No log yet at " + log + " (has the lab been started in this home?).");
            return 1;
        }
        List<String> all = KnownErrors.linesFrom(log, 0);
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
        if (follow) {
            follow(log, KnownErrors.sizeOf(log));
        }
        return 0;
    }

    private static void follow(Path log, long offset) throws IOException, InterruptedException {
        long position = offset;
        while (!Thread.currentThread().isInterrupted()) {
            long size = KnownErrors.sizeOf(log);
            if (size < position) {
                position = 0; // rotated or wiped
            }
            if (size > position) {
                try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
                    byte[] chunk = new byte[(int) Math.min(size - position, 1 << 20)];
                    in.seek(position);
                    in.readFully(chunk);
                    System.out.print(new String(chunk, StandardCharsets.UTF_8));
                    System.out.flush();
                    position += chunk.length;
                }
            }
            Thread.sleep(250);
        }
    }
}
