package lambdalab.course.lambdaplus;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import lambdalab.course.clickstream.Pacer;

/**
 * Sensors posting their readings to the app server at a rate, in requests of a few readings, and the
 * truth of what the server accepted. A request the server answers 503 (it could not store it now) is
 * sent again, as a well-behaved sensor gateway would; any other refusal ends the run with the
 * server's message (the fleet only sends valid readings, so that is a bug to see, not to hide).
 *
 * @param server      the app server, e.g. {@code http://127.0.0.1:7070}
 * @param sensors     how many sensors
 * @param seed        the fleet's seed (same seed, same readings)
 * @param rate        readings per second, all sensors together
 * @param readings    how many readings in all
 * @param perRequest  readings per request
 * @param dropRate    share of readings (0-1) sent with the skip-kafka drill: lost on their way to the speed layer
 */
public record SensorRun(URI server, int sensors, long seed, int rate, long readings, int perRequest, double dropRate) {

    private static final int RETRIES = 10;

    public SensorRun {
        if (rate < 1 || readings < 0 || perRequest < 1 || dropRate < 0 || dropRate > 1) {
            throw new IllegalArgumentException("a sensor run needs rate >= 1, readings >= 0, per request >= 1 and a "
                    + "drop rate between 0 and 1; got " + rate + ", " + readings + ", " + perRequest + ", " + dropRate);
        }
    }

    /** Sends every reading; {@code progress} hears the count accepted so far after each request. */
    public SensorTruth run(LongConsumer progress) throws IOException, InterruptedException {
        return run(progress, () -> true);
    }

    /**
     * Sends readings until all are sent or {@code keepGoing} says no (asked between requests, so a
     * request is never cut off: the truth holds exactly what the server accepted).
     */
    public SensorTruth run(LongConsumer progress, BooleanSupplier keepGoing) throws IOException, InterruptedException {
        SensorFleet fleet = new SensorFleet(seed, sensors);
        SensorTruth truth = new SensorTruth();
        ReadingsClient client = new ReadingsClient(server);
        Pacer pacer = new Pacer(rate);
        while (fleet.produced() < readings && keepGoing.getAsBoolean()) {
            if (!pacer.awaitTurn(fleet.produced())) {
                throw new InterruptedException("the sensor run was interrupted");
            }
            List<SensorReading> kept = new ArrayList<>();
            List<SensorReading> dropped = new ArrayList<>();
            long now = System.currentTimeMillis();
            while (kept.size() + dropped.size() < perRequest && fleet.produced() < readings) {
                SensorReading reading = fleet.next(now);
                (fleet.dropNext(dropRate) ? dropped : kept).add(reading);
            }
            send(client, kept, false, truth);
            send(client, dropped, true, truth);
            progress.accept(truth.readings());
        }
        return truth;
    }

    private static void send(ReadingsClient client, List<SensorReading> batch, boolean skipKafka, SensorTruth truth)
            throws IOException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        ReadingsClient.Answer answer = client.post(batch, skipKafka);
        for (int attempt = 1; answer.retryable() && attempt <= RETRIES; attempt++) {
            Thread.sleep(200L * attempt);
            answer = client.post(batch, skipKafka);
        }
        if (!answer.accepted()) {
            throw new IOException("the app server refused " + batch.size() + " readings: HTTP " + answer.status()
                    + " " + answer.body());
        }
        batch.forEach(reading -> truth.add(reading, skipKafka));
    }
}
