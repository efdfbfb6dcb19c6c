package lambdalab.course.exercises.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lambdalab.course.clickstream.Action;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.SampleEvents;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.serving.Layer;
import lambdalab.course.serving.Reason;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServedTotal;
import lambdalab.course.sketches.VisitorSketches;
import lambdalab.course.views.TruthComparison;

/**
 * Checks a {@link ServedTotals} on a product's eight served hours, half from each layer, of events
 * from a small pool of visitors who come back hour after hour: counts summed exactly, visitors within
 * the sketch's error of the exact distinct count. Names the sum and the maximum of the hourly
 * estimates.
 */
public final class ServedTotalsCheck implements Check<ServedTotals> {

    private static final long START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();

    @Override
    public String verify(ServedTotals attempt) {
        List<ClickEvent> events = SampleEvents.of(60_000, 12, START, 400).events();
        String product = events.get(0).product();
        Map<Long, List<ClickEvent>> byHour = events.stream().filter(event -> event.product().equals(product))
                .collect(Collectors.groupingBy(event -> event.timestampMs() / ClickEvent.HOUR_MS * ClickEvent.HOUR_MS,
                        TreeMap::new, Collectors.toList()));
        List<ServedRow> rows = new ArrayList<>();
        byHour.forEach((hour, hourEvents) -> rows.add(row(product, hour, hourEvents, rows.size() % 2 == 0)));
        ServedTotal total = attempt.total(product, rows);
        if (total == null) {
            throw new WrongAnswer("returned null: return the product's ServedTotal");
        }
        requireCounts(total, product, rows, byHour.values().stream().flatMap(List::stream).toList());
        Set<String> visitors = new HashSet<>();
        byHour.values().forEach(hourEvents -> hourEvents.forEach(event -> visitors.add(event.visitor())));
        long sum = rows.stream().mapToLong(ServedRow::uniqueVisitors).sum();
        long max = rows.stream().mapToLong(ServedRow::uniqueVisitors).max().orElse(0);
        if (!TruthComparison.visitorsWithinError(total.uniqueVisitors(), visitors.size())) {
            String what = total.uniqueVisitors() == sum ? ": the sum of the hourly estimates, which counts a visitor who "
                    + "came back in another hour once per hour; estimate the union of the rows' sketches instead"
                    : total.uniqueVisitors() == max ? ": the largest hour's estimate, which misses the other hours' "
                    + "visitors; estimate the union of the rows' sketches instead" : "";
            throw new WrongAnswer(total.uniqueVisitors() + " unique visitors over " + rows.size() + " hours where "
                    + visitors.size() + " distinct visitors came" + what);
        }
        return String.format("%d served hours of one product, both layers: counts summed, %d visitors estimated for %d "
                + "distinct (the hourly estimates sum to %d)", rows.size(), total.uniqueVisitors(), visitors.size(), sum);
    }

    private static ServedRow row(String product, long hour, List<ClickEvent> events, boolean fromBatch) {
        byte[] sketch = VisitorSketches.of(events.stream().map(ClickEvent::visitor).toList());
        return new ServedRow(new ProductHour(product, hour), fromBatch ? Layer.BATCH : Layer.STREAM,
                fromBatch ? Reason.COMPLETE : Reason.NO_BATCH_ROW, List.of(), count(events, Action.PURCHASE),
                count(events, Action.ADD_TO_CART), count(events, Action.PAGE_VIEW), VisitorSketches.estimate(sketch), sketch);
    }

    private static long count(List<ClickEvent> events, Action action) {
        return events.stream().filter(event -> event.action() == action).count();
    }

    private static void requireCounts(ServedTotal total, String product, List<ServedRow> rows, List<ClickEvent> events) {
        ServedTotal expected = new ServedTotal(product, rows.size(), count(events, Action.PURCHASE),
                count(events, Action.ADD_TO_CART), count(events, Action.PAGE_VIEW), total.uniqueVisitors());
        if (!expected.equals(total)) {
            throw new WrongAnswer("got " + total + ", expected the hours and counts of " + expected + ": the number of "
                    + "rows, and each count summed over them");
        }
    }
}
