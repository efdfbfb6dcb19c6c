package lambdalab.sensorapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import lambdalab.course.lambdaplus.SensorReading;
import org.junit.jupiter.api.Test;

class DoubleWriterTest {

    private final InMemorySinks sinks = new InMemorySinks();
    private final AppStats stats = new AppStats();
    private final DoubleWriter writer = new DoubleWriter(sinks.recordsSink, sinks.speedSink, Duration.ofMillis(300),
            DoubleWriter.DEFAULT_MAX_IN_FLIGHT, stats);

    private static List<SensorReading> readings(int n) {
        List<SensorReading> readings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            readings.add(new SensorReading(i, i + 0.5, 1764710000000L + i));
        }
        return readings;
    }

    @Test
    void writesRecordsThenKafka() {
        WriteOutcome outcome = writer.write(readings(50), false).join();
        assertThat(outcome.result()).isEqualTo(WriteOutcome.Result.ACCEPTED);
        assertThat(sinks.records).containsExactlyInAnyOrderElementsOf(readings(50));
        assertThat(sinks.kafka).containsExactlyInAnyOrderElementsOf(readings(50)); // the fake fails a send before its row
        assertThat(writer.inFlight()).isZero();
    }

    @Test
    void aFailedRecordsWriteIsNeverSentToKafka() {
        sinks.failRecords = true;
        WriteOutcome outcome = writer.write(readings(3), false).join();
        assertThat(outcome.result()).isEqualTo(WriteOutcome.Result.RECORDS_FAILED);
        assertThat(outcome.recordsFailed()).isEqualTo(3);
        assertThat(outcome.firstError()).contains("records down");
        assertThat(sinks.kafka).isEmpty();
        assertThat(stats.snapshot(writer::inFlight).writeFailures().records()).isEqualTo(3);
    }

    @Test
    void aFailedSendLeavesTheRowsAndSaysSo() {
        sinks.failKafka = true;
        WriteOutcome outcome = writer.write(readings(2), false).join();
        assertThat(outcome.result()).isEqualTo(WriteOutcome.Result.KAFKA_FAILED);
        assertThat(outcome.kafkaFailed()).isEqualTo(2);
        assertThat(sinks.records).hasSize(2);
        assertThat(stats.snapshot(writer::inFlight).writeFailures().kafka()).isEqualTo(2);
    }

    @Test
    void aSendThatNeverAnswersTimesOut() {
        sinks.neverAnswerKafka = true;
        long start = System.nanoTime();
        WriteOutcome outcome = writer.write(readings(1), false).join();
        assertThat(outcome.result()).isEqualTo(WriteOutcome.Result.KAFKA_FAILED);
        assertThat(outcome.firstError()).contains("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(writer.inFlight()).isZero();
    }

    @Test
    void theDrillStoresButDoesNotSend() {
        WriteOutcome outcome = writer.write(readings(4), true).join();
        assertThat(outcome.result()).isEqualTo(WriteOutcome.Result.ACCEPTED);
        assertThat(outcome.drillSkipped()).isEqualTo(4);
        assertThat(sinks.records).hasSize(4);
        assertThat(sinks.kafka).isEmpty();
        assertThat(stats.snapshot(writer::inFlight).drillSkipped()).isEqualTo(4);
    }

    @Test
    void answersBusyWhenFullInsteadOfQueueing() {
        List<CompletableFuture<Void>> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordsSink holding = new RecordsSink() {
            @Override
            public CompletableFuture<Void> write(SensorReading reading) {
                CompletableFuture<Void> ack = new CompletableFuture<>();
                held.add(ack);
                return ack;
            }

            @Override
            public String status() {
                return "up";
            }
        };
        DoubleWriter small = new DoubleWriter(holding, (SpeedSink) new SpeedSinkStub(), Duration.ofSeconds(10),
                ReadingsParser.MAX_READINGS, stats);
        CompletableFuture<WriteOutcome> first = small.write(readings(ReadingsParser.MAX_READINGS - 5), false);
        assertThat(small.inFlight()).isEqualTo(ReadingsParser.MAX_READINGS - 5);
        WriteOutcome second = small.write(readings(10), false).join();
        assertThat(second.result()).isEqualTo(WriteOutcome.Result.BUSY);
        assertThat(held).hasSize(ReadingsParser.MAX_READINGS - 5); // the busy request wrote nothing
        held.forEach(ack -> ack.complete(null));
        assertThat(first.join().result()).isEqualTo(WriteOutcome.Result.ACCEPTED);
        assertThat(small.inFlight()).isZero();
    }

    private static final class SpeedSinkStub implements SpeedSink {
        @Override
        public CompletableFuture<Void> send(SensorReading reading) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public String status() {
            return "up";
        }
    }

    @Test
    void aSinkThatThrowsCountsAsAFailedWrite() {
        RecordsSink throwing = new RecordsSink() {
            @Override
            public CompletableFuture<Void> write(SensorReading reading) {
                throw new IllegalStateException("session closed");
            }

            @Override
            public String status() {
                return "closed";
            }
        };
        DoubleWriter broken = new DoubleWriter(throwing, sinks.speedSink, Duration.ofSeconds(1), 10_000, stats);
        assertThat(broken.write(readings(2), false).join().result()).isEqualTo(WriteOutcome.Result.RECORDS_FAILED);
        assertThat(broken.inFlight()).isZero();
    }

    @Test
    void mustHoldOneFullRequest() {
        assertThatThrownBy(() -> new DoubleWriter(sinks.recordsSink, sinks.speedSink, Duration.ofSeconds(1), 10, stats))
                .hasMessageContaining("one full request");
    }
}
