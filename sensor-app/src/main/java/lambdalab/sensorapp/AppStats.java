package lambdalab.sensorapp;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Counters since the server started, for {@code /api/stats}: what a student checks first when the
 * dashboard and the tables disagree (were readings refused? did writes fail? were some kept from Kafka?).
 */
public final class AppStats {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong readingsAccepted = new AtomicLong();
    private final AtomicLong readingsRejected = new AtomicLong();
    private final AtomicLong requestsRejected = new AtomicLong();
    private final AtomicLong recordsWriteFailures = new AtomicLong();
    private final AtomicLong kafkaWriteFailures = new AtomicLong();
    private final AtomicLong drillSkipped = new AtomicLong();

    /**
     * The counters at one moment.
     *
     * @param requests         POST /readings requests received
     * @param readingsAccepted readings answered 202 (stored in records, and sent unless a drill skipped them)
     * @param readingsRejected valid readings answered 503 (busy, or a write failed): the client must resend
     * @param requestsRejected requests refused as invalid (4xx): nothing of them was stored
     * @param writeFailures    failed writes per store
     * @param drillSkipped     readings stored in records but deliberately not sent to Kafka (the drill)
     * @param inFlight         readings being written now
     */
    public record Snapshot(long requests, long readingsAccepted, long readingsRejected, long requestsRejected,
                           WriteFailures writeFailures, long drillSkipped, int inFlight) {
    }

    /** Failed writes: rows not written to records, sends not acknowledged by Kafka. */
    public record WriteFailures(long records, long kafka) {
    }

    public void request() {
        requests.incrementAndGet();
    }

    public void accepted(int readings) {
        readingsAccepted.addAndGet(readings);
    }

    public void notAccepted(int readings) {
        readingsRejected.addAndGet(readings);
    }

    public void requestRejected() {
        requestsRejected.incrementAndGet();
    }

    public void recordsWriteFailed() {
        recordsWriteFailures.incrementAndGet();
    }

    public void kafkaWriteFailed() {
        kafkaWriteFailures.incrementAndGet();
    }

    public void drillSkipped() {
        drillSkipped.incrementAndGet();
    }

    public Snapshot snapshot(IntSupplier inFlight) {
        return new Snapshot(requests.get(), readingsAccepted.get(), readingsRejected.get(), requestsRejected.get(),
                new WriteFailures(recordsWriteFailures.get(), kafkaWriteFailures.get()), drillSkipped.get(),
                inFlight.getAsInt());
    }
}
