package lambdalab.lab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import lambdalab.course.LabEndpoints;
import lambdalab.course.batch.BatchLayerJob;
import lambdalab.lab.service.SparkJobService;
import lambdalab.lab.service.SparkSubmission;
import lambdalab.lab.settings.LabSettings;

/**
 * {@code lab batch} in the cluster profile: the batch layer's job ({@link BatchLayerJob}) submitted to
 * the lab's Spark cluster from a driver JVM of its own, its output shown as it comes; the command's
 * exit code is the job's.
 */
final class SubmittedBatch {

    private final LabSettings settings;
    private final SparkSubmission submission;

    SubmittedBatch(LabSettings settings, SparkSubmission submission) {
        this.settings = settings;
        this.submission = submission;
    }

    /** Runs the job with {@code jobArguments} after the endpoints' (the input, hours, source). */
    int run(LabEndpoints endpoints, List<String> jobArguments) {
        submission.prepare();
        List<String> arguments = new ArrayList<>(List.of(
                "--kafka", endpoints.kafkaBootstrapServers(),
                "--cassandra", endpoints.cassandraHost() + ":" + endpoints.cassandraPort(),
                "--hdfs", endpoints.hdfsUri(),
                "--replication", Integer.toString(endpoints.replication())));
        arguments.addAll(jobArguments);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(SparkJobService.sparkFlags());
        // the driver only plans the work and collects small results: the executors hold the data
        command.addAll(List.of("-Xmx1g", "-XX:+UseParallelGC"));
        command.addAll(SparkJobService.extraJobOptions(settings));
        command.addAll(submission.driverJvmOptions());
        command.add("-Djava.io.tmpdir=" + settings.tmpDir());
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, submission.classpath()),
                SparkSubmission.MAIN_CLASS));
        command.addAll(submission.arguments("lab batch", BatchLayerJob.class.getName(), arguments));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("SPARK_LOCAL_IP", settings.get("bind.address"));
        try {
            Process driver = builder.start();
            // Ctrl-C ends the command: the driver with it (a batch run is idempotent)
            Thread stop = new Thread(driver::destroy, "stop-batch-driver");
            Runtime.getRuntime().addShutdownHook(stop);
            int exit = driver.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return exit;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the batch job's driver", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
