package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Test;

class BatchBookTest {

    private final BatchBook book = new BatchBook();

    @Test
    void batchesThatFollowEachOtherAreFine() {
        assertThat(book.generated(new Time(1000), ranges(0, 100, 0, 80))).isEmpty();
        assertThat(book.generated(new Time(2000), ranges(100, 250, 80, 80))).isEmpty();
        assertThat(book.generated(new Time(3000), ranges(250, 260, 80, 95))).isEmpty();
        assertThat(book.get(new Time(2000)).records()).isEqualTo(150);
    }

    @Test
    void aBatchThatDoesNotStartWhereTheOneBeforeEndedIsReported() {
        book.generated(new Time(1000), ranges(0, 100, 0, 80));

        assertThat(book.generated(new Time(2000), ranges(118, 200, 80, 90))).hasValueSatisfying(problem -> assertThat(problem)
                .contains("batch 2000 ms reads partition 0 from offset 118 where the batch before ended at 100")
                .contains("(batch 1000 ms)").doesNotContain("partition 1"));
        assertThat(book.generated(new Time(3000), ranges(200, 210, 90, 95))).as("the batch after it follows it").isEmpty();
    }

    @Test
    void aBatchGeneratedAgainWithOtherRangesIsReported() {
        book.generated(new Time(1000), ranges(0, 100, 0, 80));

        assertThat(book.generated(new Time(1000), ranges(0, 100, 0, 80))).as("the same ranges again").isEmpty();
        assertThat(book.generated(new Time(1000), ranges(100, 118, 80, 90))).hasValueSatisfying(problem ->
                assertThat(problem).contains("batch 1000 ms was generated again with other offset ranges"));
    }

    /** A window recomputing a slice after a restart asks for an older batch, whose entry may be gone. */
    @Test
    void anOlderBatchAskedForAgainIsNotABreak() {
        book.generated(new Time(5000), ranges(500, 600, 400, 450));

        assertThat(book.generated(new Time(2000), ranges(200, 300, 150, 200))).isEmpty();
        assertThat(book.generated(new Time(6000), ranges(600, 610, 450, 460))).isEmpty();
    }

    /**
     * Spark's Kafka stream cuts a batch it no longer knows from its current offsets, whatever its
     * time, and moves them on: an older batch starting where the newest ended skips its events.
     */
    @Test
    void anOlderBatchCutFromTheCurrentOffsetsIsReportedOnce() {
        book.generated(new Time(5000), ranges(500, 600, 400, 450));

        assertThat(book.generated(new Time(2000), ranges(600, 618, 450, 450))).hasValueSatisfying(problem ->
                assertThat(problem).contains("batch 2000 ms, older than batch 5000 ms, was read anew")
                        .contains("partition 0 offsets 600 to 617 will be read by no batch")
                        .doesNotContain("partition 1"));
        assertThat(book.generated(new Time(6000), ranges(618, 640, 450, 460))).as("said once, not again").isEmpty();
    }

    @Test
    void aBatchCommittedWhileOneBeforeItNeverWasIsReported() {
        book.generated(new Time(1000), ranges(0, 100, 0, 80));
        book.generated(new Time(2000), ranges(100, 118, 80, 90));
        book.generated(new Time(3000), ranges(118, 200, 90, 95));
        book.generated(new Time(500), ranges(0, 0, 0, 0)); // a window's older slice: never committed, never missed

        assertThat(book.committed(new Time(1000))).isEmpty();
        assertThat(book.committed(new Time(3000))).hasValueSatisfying(problem -> assertThat(problem)
                .contains("batch 3000 ms committed, but the batches before it never did: 2000 ms")
                .contains("OffsetRange(topic: 't', partition: 0, range: [100 -> 118])"));
        assertThat(book.recordsIfKnown(new Time(2000))).as("its entry is dropped").isEmpty();
    }

    private static OffsetRange[] ranges(long from0, long until0, long from1, long until1) {
        return new OffsetRange[] {OffsetRange.create("t", 0, from0, until0), OffsetRange.create("t", 1, from1, until1)};
    }
}
