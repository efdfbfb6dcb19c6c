package lambdalab.lab.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.kafka.KafkaSink;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.generator.StopOnShutdown;
import lambdalab.lab.Lab;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.service.StreamJobStatus;
import lambdalab.lab.supervisor.ServiceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * `lab demo`: the whole Lambda pipeline live, for the notebooks to look at: the generator at a
 * steady rate into Kafka, the speed layer (started through the supervisor if it does not run) and
 * the batch layer every few minutes, with a status line while it runs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the live pipeline: start the lab if it is not running, start the speed layer "
                + "(`lab stream start`) if it does not run, generate clickstream events into Kafka at --rate events/s "
                + "(event time from now, one real second = 8 simulated minutes), and run the batch layer over "
                + "that topic only (`lab batch --source TOPIC`, in its own JVM) every --batch-every. Prints a status "
                + "line every 10 s. "
                + "Ctrl-C (or --duration) stops the generator and the batch runs; the speed layer keeps running "
                + "unless the demo started it (then it is stopped too)."})
final class DemoCommand implements Callable<Integer> {

    private static final Duration STATUS_EVERY = Duration.ofSeconds(10);
    /** Beyond the speed layer's stop timeout: the generator's flush, a batch run's end, `stream stop`'s own margin. */
    private static final Duration CLEANUP_MARGIN = Duration.ofSeconds(60);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LabOptions options;

    @Option(names = "--rate", defaultValue = "2000", description = "Events per second into Kafka (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--batch-every", defaultValue = "2m", paramLabel = "DURATION",
            description = "Time between batch layer runs, e.g. 90s, 2m (default: ${DEFAULT-VALUE}).")
    String batchEvery;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop after this long of live traffic, counted once the speed layer runs (default: until Ctrl-C); a batch run in progress finishes first.")
    String duration;

    private final AtomicBoolean running = new AtomicBoolean(true);
    /** The batch layer's runs, in a JVM of their own; a Ctrl-C ends the one in progress. */
    private BatchJvm batchJvm;

    @Override
    public Integer call() throws InterruptedException {
        Duration batchInterval = DurationOption.parse(spec, "--batch-every", batchEvery);
        Duration live = duration == null ? null : DurationOption.parse(spec, "--duration", duration);
        if (rate < 1) {
            throw new ParameterException(spec.commandLine(), "--rate must be at least 1, got " + rate);
        }
        Lab lab = options.lab();
        batchJvm = new BatchJvm(options, line -> line.startsWith("Batch run done") || line.startsWith("ERROR"));
        if (!lab.ensureRunning(System.out, "[demo] ")) {
            return 1;
        }
        boolean startedStream = StreamStatusCommand.jobStatus(lab).state() != ServiceState.READY;
        // from here on a Ctrl-C lets the demo stop what it started before the JVM ends
        StopOnShutdown stop = StopOnShutdown.install(cleanupTime(lab), () -> stopRequested(lab, startedStream));
        try {
            if (startedStream && LabCommand.execute(options.withCommand("stream", "start")) != 0 && !stop.requested()) {
                return 1; // it failed to start; `stream start` said why
            }
            // --duration is live traffic: counted once the speed layer runs (its start takes 20-60 s)
            Instant end = live == null ? Instant.MAX : Instant.now().plus(live);
            return runPipeline(lab, batchInterval, end, startedStream);
        } finally {
            stop.finished();
        }
    }

    /** The generator and the batch runs until --duration or Ctrl-C; then the speed layer, if the demo started it. */
    private int runPipeline(Lab lab, Duration batchInterval, Instant end, boolean startedStream)
            throws InterruptedException {
        GeneratorThread generator = new GeneratorThread(lab);
        try {
            if (running.get()) { // else Ctrl-C came while the speed layer started
                generator.start();
                run(lab, generator, batchInterval, end);
            }
        } finally {
            running.set(false);
            generator.join(); // at once if it never started
            System.out.printf(Locale.ROOT, "[demo] stopped: %,d events generated.%n", generator.sent());
            if (startedStream) {
                LabCommand.execute(options.withCommand("stream", "stop"));
            } else {
                System.out.println("[demo] the speed layer keeps running: `./lab stream stop` stops it.");
            }
        }
        return generator.failure() == null ? 0 : 1;
    }

    /**
     * Ctrl-C, in the shutdown hook: stop generating, end a batch run in progress (a rerun gives the
     * same rows) and withdraw the request for a speed layer the demo started, so the supervisor stops
     * it even while the demo still waits for it to start. The main thread then stops the rest and
     * reports; the hook waits for that (see {@link #cleanupTime}).
     */
    private void stopRequested(Lab lab, boolean startedStream) {
        System.out.println("[demo] stopping ...");
        running.set(false);
        batchJvm.stop();
        if (startedStream) {
            lab.wantedJobs().withdraw(StreamJobService.NAME);
        }
    }

    /** How long a Ctrl-C waits for the demo to stop: the speed layer's stop timeout and a margin. */
    private static Duration cleanupTime(Lab lab) {
        return lab.streamJob().stopTimeout().plus(CLEANUP_MARGIN);
    }

    private void run(Lab lab, GeneratorThread generator, Duration batchInterval, Instant end) throws InterruptedException {
        DemoSchedule.run(() -> running.get() && generator.isAlive(), end, batchInterval, STATUS_EVERY,
                run -> runBatchLayer(lab, run), () -> printStatus(lab, generator));
        if (generator.failure() != null) {
            System.out.println("[demo] ERROR: the generator stopped: " + generator.failure().getMessage());
        }
    }

    private void printStatus(Lab lab, GeneratorThread generator) {
        String stream = lab.streamJob().statusFile().read().map(DemoCommand::describe).orElse("no report yet");
        System.out.printf(Locale.ROOT, "[demo] %,d events generated; speed layer: %s%n", generator.sent(), stream);
    }

    private static String describe(StreamJobStatus status) {
        return String.format(Locale.ROOT, "%s, %,d batches, %,d events", status.state(), status.batches(), status.totalEvents())
                + (status.lastBatch() == null ? "" : ", last batch " + StreamStatusCommand.lastBatch(status));
    }

    /** `lab batch` over the live topic only, so loaded events in the same hours stay out of it. */
    private void runBatchLayer(Lab lab, int run) {
        System.out.println("[demo] batch layer run " + run + " ...");
        if (batchJvm.run("[batch] ", "batch", "--source", lab.settings().get("stream.topic")) != 0) {
            System.out.println(running.get() ? "[demo] the batch run failed; run `./lab batch` to see why."
                    : "[demo] the batch run was stopped; `./lab batch` runs it again.");
        }
    }


    /** The generator at a steady rate into the speed layer's topic, event time starting at this hour. */
    private final class GeneratorThread extends Thread {
        private final Lab lab;
        private volatile long sent;
        private volatile RuntimeException failure;

        GeneratorThread(Lab lab) {
            super("demo-generator");
            this.lab = lab;
        }

        @Override
        public void run() {
            String topic = lab.settings().get("stream.topic");
            String bootstrap = lab.endpoints().kafkaBootstrapServers();
            long now = System.currentTimeMillis();
            try {
                // a year of events at this rate: more than a demo runs, less than the simulated clock can hold
                GeneratorSettings settings = GeneratorSettings.builder().events(rate * 3600L * 24 * 365).rate(rate)
                        .nominalRate(rate).startMs(now - now % ClickEvent.HOUR_MS).topic(topic).build();
                KafkaTopics.ensureLogTopic(bootstrap, topic, Integer.parseInt(lab.settings().get("stream.partitions")));
                try (KafkaSink kafka = new KafkaSink(bootstrap, topic)) {
                    sent = new ClickstreamGenerator(settings).writeTo(kafka, this::keepGoing);
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        /** Asked by the generator between events: counts them as it goes, stops on Ctrl-C or --duration. */
        private boolean keepGoing() {
            sent++;
            return running.get();
        }

        long sent() {
            return sent;
        }

        RuntimeException failure() {
            return failure;
        }
    }
}
