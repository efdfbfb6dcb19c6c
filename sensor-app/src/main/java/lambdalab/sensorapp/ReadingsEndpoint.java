package lambdalab.sensorapp;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lambdalab.course.lambdaplus.SensorReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /readings}: the HTTP side of ingest. Reads the body (at most {@link #MAX_BODY_BYTES}),
 * has {@link ReadingsParser} validate all of it before anything is written, hands the readings to
 * {@link DoubleWriter} and answers from its outcome:
 * <ul>
 *   <li>202 {@code {"accepted": n}}: every reading stored in records and acknowledged by Kafka.</li>
 *   <li>4xx {@code {"error": "...", "index": i}}: the request is invalid; nothing of it was stored.</li>
 *   <li>503 {@code {"error": "..."}} with Retry-After: busy, or a write failed; resend the request
 *       (resending is safe, see {@link DoubleWriter}).</li>
 * </ul>
 * {@code ?drill=skip-kafka} (only with {@code --allow-drills}) stores the readings but keeps them from
 * Kafka: readings "lost on their way to the speed layer", for the course's correction drill.
 */
public final class ReadingsEndpoint implements Handler {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** How much of a refused body is read and dropped so that its 413 arrives (see {@link #body}). */
    private static final long DRAINED_BYTES = 8L * 1024 * 1024;
    public static final String DRILL_SKIP_KAFKA = "skip-kafka";
    private static final Logger LOG = LoggerFactory.getLogger(ReadingsEndpoint.class);

    private final ReadingsParser parser;
    private final DoubleWriter writer;
    private final AppStats stats;
    private final boolean allowDrills;

    public ReadingsEndpoint(ReadingsParser parser, DoubleWriter writer, AppStats stats, boolean allowDrills) {
        this.parser = parser;
        this.writer = writer;
        this.stats = stats;
        this.allowDrills = allowDrills;
    }

    @Override
    public void handle(Context ctx) {
        stats.request();
        boolean skipKafka;
        List<SensorReading> readings;
        try {
            skipKafka = drill(ctx.queryParam("drill"));
            readings = parser.parse(body(ctx));
        } catch (ReadingsRejected rejected) {
            stats.requestRejected();
            LOG.info("rejected POST /readings from {}: {} {}{}", ctx.ip(), rejected.status(), rejected.getMessage(),
                    rejected.index() == null ? "" : " (index " + rejected.index() + ")");
            Json.send(ctx, rejected.status(), Json.error(rejected.getMessage(), rejected.index()));
            return;
        }
        ctx.future(() -> writer.write(readings, skipKafka).thenAccept(outcome -> answer(ctx, outcome)));
    }

    private boolean drill(String drill) throws ReadingsRejected {
        if (drill == null) {
            return false;
        }
        if (!DRILL_SKIP_KAFKA.equals(drill)) {
            throw new ReadingsRejected(400, null, "unknown drill \"" + (drill.length() > 40 ? drill.substring(0, 40)
                    : drill) + "\": the only drill is drill=" + DRILL_SKIP_KAFKA);
        }
        if (!allowDrills) {
            throw new ReadingsRejected(400, null, "drills are disabled on this server: start it with --allow-drills "
                    + "to use drill=" + DRILL_SKIP_KAFKA + " (the lab's drills do that for you)");
        }
        return true;
    }

    /**
     * The body, up to the limit: a larger one is refused before it is parsed. Its rest is read and
     * dropped first, up to {@link #DRAINED_BYTES}: closing a connection on unread data resets it, and
     * the reset could reach the client, still sending, before the 413 did (seen once in many runs of
     * a 1.1 MB body). A body beyond that is cut off unread: its client may see a reset.
     */
    private static byte[] body(Context ctx) throws ReadingsRejected {
        ReadingsRejected tooLarge = new ReadingsRejected(413, null, "the body is larger than " + MAX_BODY_BYTES
                + " bytes (1 MB): send at most " + ReadingsParser.MAX_READINGS + " readings per request, in "
                + "several requests if need be");
        try (InputStream in = ctx.req().getInputStream()) {
            if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge;
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge;
            }
            return body;
        } catch (IOException e) {
            throw new ReadingsRejected(400, null, "the body could not be read (" + e.getMessage() + "): resend it");
        }
    }

    private static void drain(InputStream in) throws IOException {
        long left = DRAINED_BYTES;
        byte[] buffer = new byte[64 * 1024];
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= read;
        }
    }

    private void answer(Context ctx, WriteOutcome outcome) {
        int n = outcome.readings();
        if (outcome.accepted()) {
            stats.accepted(n);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accepted", n);
            if (outcome.drillSkipped() > 0) {
                body.put("drillSkipped", outcome.drillSkipped());
            }
            Json.send(ctx, 202, body);
            return;
        }
        stats.notAccepted(n);
        String message = switch (outcome.result()) {
            case BUSY -> "the server is busy (too many readings being written, " + writer.inFlight()
                    + " now): nothing of this request was stored; retry in a second";
            case RECORDS_FAILED -> outcome.recordsFailed() + " of " + n + " readings could not be stored in "
                    + "Cassandra (lambda_plus.records: " + outcome.firstError() + ") and were not sent to Kafka; "
                    + "resend the whole request: readings already stored are rewritten under the same key, "
                    + "never counted twice";
            case KAFKA_FAILED -> "all " + n + " readings are stored in lambda_plus.records, but Kafka did not "
                    + "acknowledge " + outcome.kafkaFailed() + " of them (" + outcome.firstError() + "); resend "
                    + "the whole request: the rows are rewritten under the same key and the readings sent again";
            default -> throw new IllegalStateException("not a failure: " + outcome);
        };
        LOG.warn("POST /readings answered 503: {}", message);
        Map<String, Object> body = Json.error(message, null);
        body.put("recordsFailed", outcome.recordsFailed());
        body.put("kafkaFailed", outcome.kafkaFailed());
        ctx.header("Retry-After", outcome.result() == WriteOutcome.Result.BUSY ? "1" : "2");
        Json.send(ctx, 503, body);
    }
}
