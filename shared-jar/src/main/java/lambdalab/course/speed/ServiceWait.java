package lambdalab.course.speed;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import lambdalab.course.LabEndpoints;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.views.LambdaSchema;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.apache.kafka.clients.admin.Admin;

/**
 * Before the job starts: Kafka, Cassandra and HDFS answer, or it waits for them, saying which one
 * it waits for. A job restarted while a service restarts (its output failed: fail-stop) then
 * resumes once the service is back, instead of using up its supervisor's three start attempts in
 * the seconds a Cassandra or DataNode restart takes.
 */
final class ServiceWait {

    private static final Duration PAUSE = Duration.ofSeconds(2);

    private ServiceWait() {
    }

    /** Returns once every service answers; fails after {@code limit} naming the one that does not. */
    static void await(LabEndpoints endpoints, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        String reported = null;
        while (true) {
            Optional<String> missing = firstMissing(endpoints);
            if (missing.isEmpty()) {
                if (reported != null) {
                    System.out.println("Every service answers again.");
                }
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(missing.get() + " (waited " + limit.toSeconds() + " s). Is the lab up? ./lab status");
            }
            if (!missing.get().equals(reported)) {
                System.out.println("Waiting before starting: " + missing.get());
                reported = missing.get();
            }
            Thread.sleep(PAUSE.toMillis());
        }
    }

    /**
     * The first service that does not answer, with why; empty when all do. The three are asked at
     * once: most of each answer's time is loading and starting its client, which the job needs next.
     */
    static Optional<String> firstMissing(LabEndpoints endpoints) {
        List<Supplier<Optional<String>>> checks = List.of(() -> kafkaMissing(endpoints),
                () -> cassandraMissing(endpoints), () -> hdfsMissing(endpoints));
        ExecutorService threads = Executors.newFixedThreadPool(checks.size());
        try {
            List<CompletableFuture<Optional<String>>> answers = checks.stream()
                    .map(check -> CompletableFuture.supplyAsync(check, threads)).toList();
            return answers.stream().map(CompletableFuture::join).flatMap(Optional::stream).findFirst();
        } finally {
            threads.shutdown();
        }
    }

    private static Optional<String> kafkaMissing(LabEndpoints endpoints) {
        try (Admin admin = Admin.create(KafkaTopics.adminConfig(endpoints.kafkaBootstrapServers()))) {
            admin.describeCluster().nodes().get(KafkaTopics.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("Kafka at " + endpoints.kafkaBootstrapServers() + " does not answer (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> cassandraMissing(LabEndpoints endpoints) {
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            session.execute("SELECT release_version FROM system.local");
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("Cassandra at " + endpoints.cassandraHost() + ":" + endpoints.cassandraPort()
                    + " does not answer (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> hdfsMissing(LabEndpoints endpoints) {
        try {
            FileSystem fs = new Path(endpoints.hdfsUri()).getFileSystem(LabSpark.hadoopConfiguration(endpoints));
            if (fs instanceof DistributedFileSystem hdfs) {
                if (hdfs.setSafeMode(HdfsConstants.SafeModeAction.SAFEMODE_GET)) {
                    return Optional.of("HDFS at " + endpoints.hdfsUri() + " is in safe mode");
                }
                if (hdfs.getDataNodeStats(HdfsConstants.DatanodeReportType.LIVE).length == 0) {
                    return Optional.of("HDFS at " + endpoints.hdfsUri() + " has no live DataNode");
                }
                // a restarted DataNode is live before its blocks are reported: the checkpoint is unreadable till then
                long missing = hdfs.getMissingBlocksCount();
                if (missing > 0) {
                    return Optional.of("HDFS at " + endpoints.hdfsUri() + " misses " + missing
                            + " blocks (a DataNode that is back has not reported them yet)");
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("HDFS at " + endpoints.hdfsUri() + " does not answer (" + e.getMessage() + ")");
        }
    }
}
