package lambdalab.lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.kafka.KafkaSink;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.lab.Lab;
import lambdalab.lab.service.KafkaService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `lab bench generate`: the generator sending to Kafka against Kafka's own producer performance
 * tool, same broker, same record size, same producer settings, alternating in one run.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Start a separate lab instance and measure, in alternating rounds, the generator -> Kafka "
                + "throughput and Kafka's own ProducerPerformance tool with the same record size and producer "
                + "settings (acks=all, idempotent, linger 20 ms, 64 KiB batches); print events/s and the ratio.",
                "Target: ratio >= 1.0."})
final class GenerateBenchmark implements Callable<Integer> {

    private static final Pattern RECORDS_PER_SECOND = Pattern.compile("records sent, ([0-9.]+) records/sec");

    @Mixin
    LabOptions options;

    @Option(names = "--events", defaultValue = "2000000", description = "Events per round (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds of each (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Mixin
    BenchProgress benchProgress;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream progress = benchProgress.out();
        Lab lab = BenchInstances.create(options, Map.of());
        try {
            System.out.println("Starting a benchmark lab instance in " + lab.settings().home() + " ...");
            BenchInstances.start(lab, progress);
            return measure(lab.services().kafka());
        } finally {
            BenchInstances.destroy(lab, progress);
        }
    }

    private int measure(KafkaService kafka) throws IOException, InterruptedException {
        int recordSize = averageLineBytes();
        System.out.printf(Locale.ROOT, "Record size %d bytes (the generator's average line), %,d events per round%n",
                recordSize, events);
        runGenerator(kafka, "bench-warmup-generator", events / 2);
        runPerfTool(kafka, "bench-warmup-perf", events / 2, recordSize);
        double[] generator = new double[rounds];
        double[] perfTool = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            generator[round] = runGenerator(kafka, "bench-generator-" + round, events);
            perfTool[round] = runPerfTool(kafka, "bench-perf-" + round, events, recordSize);
            System.out.printf(Locale.ROOT, "round %d: generator %,.0f events/s, ProducerPerformance %,.0f records/s%n",
                    round + 1, generator[round], perfTool[round]);
        }
        double ours = Medians.of(generator);
        double reference = Medians.of(perfTool);
        System.out.printf(Locale.ROOT, "%nmedian generator -> Kafka     %,12.0f events/s%n", ours);
        System.out.printf(Locale.ROOT, "median ProducerPerformance    %,12.0f records/s%n", reference);
        System.out.printf(Locale.ROOT, "ratio                         %12.2f   (target >= 1.0)%n", ours / reference);
        return 0;
    }

    private double runGenerator(KafkaService kafka, String topic, long count) {
        KafkaTopics.ensureTopic(kafka.bootstrapServers(), topic, partitions);
        GeneratorSettings settings = GeneratorSettings.builder().events(count).topic(topic).build();
        long start = System.nanoTime();
        try (KafkaSink sink = new KafkaSink(kafka.bootstrapServers(), topic)) {
            new ClickstreamGenerator(settings).writeTo(sink);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private double runPerfTool(KafkaService kafka, String topic, long count, int recordSize)
            throws IOException, InterruptedException {
        KafkaTopics.ensureTopic(kafka.bootstrapServers(), topic, partitions);
        List<String> arguments = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(count),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer-props"));
        KafkaSink.producerConfig(kafka.bootstrapServers(), Map.of())
                .forEach((key, value) -> arguments.add(key + "=" + value));
        Process process = new ProcessBuilder(kafka.toolCommand("org.apache.kafka.tools.ProducerPerformance", arguments,
                List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch", kafka.toolsLogging())))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Matcher total = RECORDS_PER_SECOND.matcher(output);
        double last = -1;
        while (total.find()) {
            last = Double.parseDouble(total.group(1)); // the last match is the run's total
        }
        if (exit != 0 || last < 0) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + exit + "):\n" + output);
        }
        return last;
    }

    private static int averageLineBytes() {
        ClickstreamGenerator sample = new ClickstreamGenerator(GeneratorSettings.builder().events(100_000).build());
        long bytes = 0;
        long lines = 0;
        while (sample.hasNext()) {
            bytes += ClickstreamCodec.encode(sample.next()).getBytes(StandardCharsets.UTF_8).length;
            lines++;
        }
        return (int) Math.round((double) bytes / lines);
    }
}
