package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import lambdalab.course.clickstream.ProductHour;
import org.junit.jupiter.api.Test;

/** Which columns of a stream view row hold its value before a batch: the rule that keeps re-entries exact. */
class StateEntriesTest {

    private static final ProductHour KEY = new ProductHour("Brand,Product", 0);
    private static final Instant T = Instant.parse("2028-01-01T00:10:00Z");

    private static final ViewsBaseline ANY_ROW = new ViewsBaseline(null, null, Instant.EPOCH);

    private static Instant batches(int n) {
        return T.plusSeconds(n);
    }

    @Test
    void aRowWrittenBeforeTheBatchCountsWithItsCurrentValue() {
        assertThat(StateEntries.columnsAsOf(KEY, T, batches(-5), batches(-50), ANY_ROW)).isEmpty();
    }

    @Test
    void aRowOfAnOlderVersionWithoutBatchTimeCountsWithItsCurrentValue() {
        assertThat(StateEntries.columnsAsOf(KEY, T, null, null, ANY_ROW)).isEmpty();
    }

    @Test
    void aReplayedBatchTakesTheRowAsItWasBeforeItself() {
        assertThat(StateEntries.columnsAsOf(KEY, T, T, batches(-50), ANY_ROW)).isEqualTo("previous_");
    }

    @Test
    void aRecomputedBatchFindsTheStartItEnteredWithAlthoughLaterBatchesWroteTheRow() {
        assertThat(StateEntries.columnsAsOf(KEY, T, batches(7), T, ANY_ROW)).isEqualTo("entered_");
        assertThat(StateEntries.columnsAsOf(KEY, T, T, T, ANY_ROW)).isEqualTo("entered_");
    }

    @Test
    void rowsWrittenBeforeAResetDoNotCount() {
        ViewsBaseline reset = new ViewsBaseline(batches(-2), null, batches(-2));
        assertThat(StateEntries.columnsAsOf(KEY, T, batches(-5), null, reset)).isNull();
        assertThat(StateEntries.columnsAsOf(KEY, T, batches(-1), null, reset)).isEmpty();
    }

    @Test
    void afterARebuildARowOfTheBatchThatNeverCommittedCountsAtItsValueBeforeIt() {
        ViewsBaseline rebuilt = new ViewsBaseline(null, batches(-10), batches(-5));
        assertThat(StateEntries.columnsAsOf(KEY, T, batches(-9), null, rebuilt)).isEqualTo("previous_");
        assertThat(StateEntries.columnsAsOf(KEY, T, batches(-11), null, rebuilt)).isEmpty();
        assertThat(StateEntries.columnsAsOf(KEY, T, batches(-2), null, rebuilt)).isEmpty();
    }

    @Test
    void aRowWrittenLaterByAGroupThatEnteredEarlierIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> StateEntries.columnsAsOf(KEY, T, batches(3), batches(-50), ANY_ROW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown");
    }
}
