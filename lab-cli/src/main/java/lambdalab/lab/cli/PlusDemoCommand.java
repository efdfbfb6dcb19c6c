package lambdalab.lab.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import lambdalab.course.lambdaplus.SensorRun;
import lambdalab.generator.StopOnShutdown;
import lambdalab.lab.Lab;
import lambdalab.lab.service.LabService;
import lambdalab.lab.supervisor.ServiceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * `lab plus demo`: Lambda+ live, for note 09 and the dashboard: the sensors posting at a steady
 * rate, the app server and speed job (started if they do not run), and the batch jobs every minute
 * correcting what the speed layer lost, with a status line while it runs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run Lambda+ live: start the lab if it is not running, start the app server and the speed job "
                + "(`lab plus start`) if they do not run, post sensor readings at --rate (times are the clock's) and "
                + "run the batch jobs (`lab plus batch`, in a JVM of their own) every --batch-every. The dashboard is "
                + "at the app server's address. Prints a status line every 10 s.",
                "With --drop some readings never reach the speed layer: their buckets on the dashboard are short "
                        + "until a batch run covers them (records older than plus.horizon.seconds, 5 minutes) and "
                        + "prints how many buckets it corrected.",
                "Ctrl-C (or --duration) stops the sensors and the batch runs; the app server and the speed job keep "
                        + "running unless the demo started them (then they are stopped too)."})
final class PlusDemoCommand implements Callable<Integer> {

    private static final Duration STATUS_EVERY = Duration.ofSeconds(10);
    /** The speed job's graceful stop, the app server's drain and a batch run's end. */
    private static final Duration CLEANUP_TIME = Duration.ofSeconds(90);

    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions options;

    @Option(names = "--rate", defaultValue = "1000", description = "Readings per second, all sensors together "
            + "(default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--sensors", defaultValue = "100", description = "How many sensors (default: ${DEFAULT-VALUE}).")
    int sensors;

    @Option(names = "--per-request", defaultValue = "20", description = "Readings per HTTP request "
            + "(default: ${DEFAULT-VALUE}).")
    int perRequest;

    @Option(names = "--drop", defaultValue = "0", description = "Share of readings lost on their way to the speed "
            + "layer, for the batch to correct: 5% or 0.05 (default: none).")
    String drop;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the readings (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch-every", defaultValue = "1m", paramLabel = "DURATION",
            description = "Time between batch runs, e.g. 90s, 2m (default: ${DEFAULT-VALUE}).")
    String batchEvery;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop after this long of posting, counted once both jobs run (default: until Ctrl-C); a batch run in progress finishes first.")
    String duration;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private BatchJvm batchJvm;

    @Override
    public Integer call() throws InterruptedException {
        Duration batchInterval = DurationOption.parse(spec, "--batch-every", batchEvery);
        Duration live = duration == null ? null : DurationOption.parse(spec, "--duration", duration);
        double dropRate = PlusSensorsCommand.dropRate(spec, drop);
        if (rate < 1 || sensors < 1 || perRequest < 1) {
            throw new ParameterException(spec.commandLine(), "--rate, --sensors and --per-request must be at least 1, "
                    + "got " + rate + ", " + sensors + ", " + perRequest);
        }
        Lab lab = options.lab();
        batchJvm = new BatchJvm(options, line -> line.startsWith("Lambda+ batch:") || line.startsWith("ERROR"));
        if (!lab.ensureRunning(System.out, "[plus demo] ")) {
            return 1;
        }
        List<LabService> started = PlusStartCommand.jobs(lab).stream()
                .filter(job -> PlusStartCommand.status(lab, job).state() != ServiceState.READY).toList();
        StopOnShutdown stop = StopOnShutdown.install(CLEANUP_TIME, () -> stopRequested(lab, started));
        try {
            if (!started.isEmpty() && LabCommand.execute(options.withCommand("plus", "start")) != 0 && !stop.requested()) {
                return 1; // a job failed to start; `plus start` said why
            }
            SensorRun run = new SensorRun(lab.plusApp().address(), sensors, seed, rate, Long.MAX_VALUE, perRequest, dropRate);
            return runLive(lab, run, batchInterval, live, started);
        } finally {
            stop.finished();
        }
    }

    /** The sensors and the batch runs until --duration or Ctrl-C; then the jobs the demo started. */
    private int runLive(Lab lab, SensorRun run, Duration batchInterval, Duration live, List<LabService> started)
            throws InterruptedException {
        SensorThread sensorThread = new SensorThread(run, running::get);
        try {
            if (running.get()) { // else Ctrl-C came while the jobs started
                System.out.printf(Locale.ROOT, "[plus demo] %d sensors post %,d readings/s to %s; dashboard: %s/%n",
                        sensors, rate, lab.plusApp().address(), lab.plusApp().address());
                sensorThread.start();
                Instant end = live == null ? Instant.MAX : Instant.now().plus(live);
                DemoSchedule.run(() -> running.get() && sensorThread.isAlive(), end, batchInterval, STATUS_EVERY,
                        this::runBatch, () -> printStatus(lab, sensorThread));
            }
        } finally {
            running.set(false);
            sensorThread.join(); // it ends after its request in flight
            System.out.printf(Locale.ROOT, "[plus demo] stopped: %,d readings accepted.%n", sensorThread.accepted());
            if (!started.isEmpty()) {
                PlusStopCommand.stop(lab, started);
            } else {
                System.out.println("[plus demo] Lambda+ keeps running: `./lab plus stop` stops it.");
            }
        }
        if (sensorThread.failure() != null) {
            System.out.println("[plus demo] ERROR: the sensors stopped: " + sensorThread.failure().getMessage());
            return 1;
        }
        return 0;
    }

    /** Ctrl-C, in the shutdown hook: stop posting, end a batch run (a rerun writes the same rows), withdraw the jobs. */
    private void stopRequested(Lab lab, List<LabService> started) {
        System.out.println("[plus demo] stopping ...");
        running.set(false);
        batchJvm.stop();
        started.forEach(job -> lab.wantedJobs().withdraw(job.name()));
    }

    private void runBatch(int runNumber) {
        System.out.println("[plus demo] batch run " + runNumber + " ...");
        if (batchJvm.run("[batch] ", "plus", "batch") != 0) {
            System.out.println(running.get() ? "[plus demo] the batch run failed; run `./lab plus batch` to see why."
                    : "[plus demo] the batch run was stopped; `./lab plus batch` runs it again.");
        }
    }

    private void printStatus(Lab lab, SensorThread sensorThread) {
        String speed = lab.plusSpeed().statusFile().read()
                .map(s -> String.format(Locale.ROOT, "%s, %,d batches, %,d readings, %,d late", s.state(), s.batches(),
                        s.totalEvents(), s.totals().getOrDefault("lateReadings", 0L)))
                .orElse("no report yet");
        System.out.printf(Locale.ROOT, "[plus demo] %,d readings accepted; speed job: %s%n", sensorThread.accepted(), speed);
    }

    /** The sensor run, until the demo stops. */
    private static final class SensorThread extends Thread {
        private final SensorRun run;
        private final BooleanSupplier keepGoing;
        private volatile long accepted;
        private volatile IOException failure;

        SensorThread(SensorRun run, BooleanSupplier keepGoing) {
            super("plus-demo-sensors");
            this.run = run;
            this.keepGoing = keepGoing;
        }

        @Override
        public void run() {
            try {
                run.run(count -> accepted = count, keepGoing);
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // nobody interrupts it: the demo asks it to stop between requests
            }
        }

        long accepted() {
            return accepted;
        }

        IOException failure() {
            return failure;
        }
    }
}
