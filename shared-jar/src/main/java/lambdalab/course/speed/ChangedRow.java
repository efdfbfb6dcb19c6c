package lambdalab.course.speed;

import java.io.Serializable;
import lambdalab.course.clickstream.ProductHour;

/**
 * A (product, hour) a batch changed: its new value and its value before the batch ({@code null}
 * when the group had none). Both are written to the view row, so the one batch whose views were
 * written but whose offsets were not committed can be taken back out exactly. {@code entered}: the
 * group entered the state in this batch (new, or back after its state timed out), from {@code previous}.
 */
record ChangedRow(ProductHour key, HourAggregate value, HourAggregate previous, boolean entered)
        implements Serializable {
}
