package lambdalab.sensorapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import lambdalab.course.lambdaplus.SensorReading;

/**
 * The double write: each reading goes to {@code records} first and, only once its row is acknowledged,
 * to Kafka. A request is accepted only when every row and every send is acknowledged.
 *
 * <p>Why this order. {@code records} is the system of record: the batch layer rebuilds every rollup
 * from it, so a reading in {@code records} is never lost, whatever happened to it on its way to the
 * speed layer. The failures then stay harmless:
 * <ul>
 *   <li>the row is not written: the reading is NOT sent to Kafka either, the client gets a 503 and
 *       resends; nothing anywhere counted it.</li>
 *   <li>the row is written but the send fails: a 503 too. The reading is safe in {@code records}; the
 *       client's retry rewrites the same row (same primary key: no double count there) and sends again.
 *       At worst the speed layer counts a reading twice for one bucket (if the failed send did reach
 *       the broker), until the next batch run rewrites that bucket from {@code records}: a bounded,
 *       self-healing error, never a silent loss.</li>
 * </ul>
 * The reverse order (Kafka first) would let the speed layer show readings the batch layer never sees,
 * and a batch correction would then remove them from the dashboard.
 *
 * <p>Bounded: at most {@code maxInFlight} readings are being written at once; a request that does
 * not fit is answered "busy" at once ({@link WriteOutcome.Result#BUSY}) rather than queued without
 * limit. Every write has a timeout, so every request ends.
 */
public final class DoubleWriter {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_IN_FLIGHT = 20_000;

    private final RecordsSink records;
    private final SpeedSink speed;
    private final Duration timeout;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final AppStats stats;

    /**
     * @param timeout     how long each write (the row, then the send) may take before it counts as failed
     * @param maxInFlight how many readings may be in flight at once; at least one full request's worth
     */
    public DoubleWriter(RecordsSink records, SpeedSink speed, Duration timeout, int maxInFlight, AppStats stats) {
        if (maxInFlight < ReadingsParser.MAX_READINGS) {
            throw new IllegalArgumentException("max in flight must hold one full request ("
                    + ReadingsParser.MAX_READINGS + " readings), got " + maxInFlight);
        }
        this.records = records;
        this.speed = speed;
        this.timeout = timeout;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        this.stats = stats;
    }

    public RecordsSink records() {
        return records;
    }

    public SpeedSink speed() {
        return speed;
    }

    /** Readings being written now. */
    public int inFlight() {
        return maxInFlight - inFlight.availablePermits();
    }

    /**
     * Writes every reading (records, then Kafka unless {@code skipKafka}, the drill). The future
     * always completes normally, within about twice the timeout; its outcome says what happened.
     */
    public CompletableFuture<WriteOutcome> write(List<SensorReading> readings, boolean skipKafka) {
        int n = readings.size();
        if (!inFlight.tryAcquire(n)) {
            return CompletableFuture.completedFuture(WriteOutcome.busy(n));
        }
        try {
            List<CompletableFuture<Step>> steps = new ArrayList<>(n);
            // one records write per partition (time bucket); each reading goes on once its partition's write is acknowledged
            Map<Long, List<SensorReading>> byBucket = readings.stream()
                    .collect(Collectors.groupingBy(SensorReading::timeBucket, LinkedHashMap::new, Collectors.toList()));
            for (List<SensorReading> sameBucket : byBucket.values()) {
                CompletableFuture<Throwable> rows = guarded(() -> records.writePartition(sameBucket))
                        .handle((ok, error) -> error);
                for (SensorReading reading : sameBucket) {
                    steps.add(rows.thenCompose(recordsError -> afterRecords(reading, recordsError, skipKafka)));
                }
            }
            return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
                    .handle((ignored, error) -> tally(steps, n))
                    .whenComplete((outcome, error) -> inFlight.release(n));
        } catch (RuntimeException e) { // not expected: the sinks report failures in their futures
            inFlight.release(n);
            throw e;
        }
    }

    /** Waits until no reading is in flight, up to {@code limit}; whether it got there. */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        if (inFlight.tryAcquire(maxInFlight, limit.toMillis(), TimeUnit.MILLISECONDS)) {
            inFlight.release(maxInFlight);
            return true;
        }
        return false;
    }

    private enum Kind { SENT, SKIPPED, RECORDS_FAILED, KAFKA_FAILED }

    private record Step(Kind kind, Throwable error) {
    }

    /** The reading's second write, once its row's write ended ({@code recordsError} null when acknowledged). */
    private CompletableFuture<Step> afterRecords(SensorReading reading, Throwable recordsError, boolean skipKafka) {
        if (recordsError != null) {
            stats.recordsWriteFailed();
            return CompletableFuture.completedFuture(new Step(Kind.RECORDS_FAILED, recordsError));
        }
        if (skipKafka) {
            stats.drillSkipped();
            return CompletableFuture.completedFuture(new Step(Kind.SKIPPED, null));
        }
        return guarded(() -> speed.send(reading)).handle((ok, kafkaError) -> {
            if (kafkaError == null) {
                return new Step(Kind.SENT, null);
            }
            stats.kafkaWriteFailed();
            return new Step(Kind.KAFKA_FAILED, kafkaError);
        });
    }

    /** The sink's future with the timeout; a sink that throws instead of failing its future counts as failed. */
    private CompletableFuture<Void> guarded(java.util.function.Supplier<CompletableFuture<Void>> write) {
        try {
            CompletableFuture<Void> future = write.get();
            if (future == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("the sink returned no future"));
            }
            return future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static WriteOutcome tally(List<CompletableFuture<Step>> steps, int n) {
        int recordsFailed = 0;
        int kafkaFailed = 0;
        int skipped = 0;
        String firstError = null;
        for (CompletableFuture<Step> future : steps) {
            Step step = future.join(); // all done, none failed: each step handles its errors
            switch (step.kind()) {
                case RECORDS_FAILED -> recordsFailed++;
                case KAFKA_FAILED -> kafkaFailed++;
                case SKIPPED -> skipped++;
                default -> {
                }
            }
            if (step.error() != null && firstError == null) {
                firstError = describe(step.error());
            }
        }
        WriteOutcome.Result result = recordsFailed > 0 ? WriteOutcome.Result.RECORDS_FAILED
                : kafkaFailed > 0 ? WriteOutcome.Result.KAFKA_FAILED : WriteOutcome.Result.ACCEPTED;
        return new WriteOutcome(result, n, recordsFailed, kafkaFailed, skipped, firstError);
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return "no acknowledgement within the timeout";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
