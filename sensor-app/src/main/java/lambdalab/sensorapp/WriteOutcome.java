package lambdalab.sensorapp;

/**
 * What became of one request's readings in {@link DoubleWriter}.
 *
 * @param result        the request's fate as a whole
 * @param readings      how many readings the request carried
 * @param recordsFailed how many could not be written to {@code records} (and so were not sent to Kafka)
 * @param kafkaFailed   how many were written to {@code records} but not acknowledged by Kafka
 * @param drillSkipped  how many were written to {@code records} and deliberately not sent (the drill)
 * @param firstError    the first failure's description, or null
 */
public record WriteOutcome(Result result, int readings, int recordsFailed, int kafkaFailed, int drillSkipped,
                           String firstError) {

    public enum Result {
        /** every row written and every send acknowledged (or skipped by the drill) */
        ACCEPTED,
        /** too many readings in flight: nothing was written */
        BUSY,
        /** some rows were not written; those readings were not sent */
        RECORDS_FAILED,
        /** every row was written, some sends failed: the readings are safe in records */
        KAFKA_FAILED
    }

    public static WriteOutcome busy(int readings) {
        return new WriteOutcome(Result.BUSY, readings, 0, 0, 0, null);
    }

    public boolean accepted() {
        return result == Result.ACCEPTED;
    }
}
