package lambdalab.interpreter;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rows to show as a table: a header and at most {@code maxRows} rows of cell values, and whether
 * there were more. Made from a Spark Dataset, a collection (of Rows, records, Maps or plain values)
 * or a Map (key and value columns).
 */
public record TableData(List<String> header, List<List<Object>> rows, boolean truncated) {

    public TableData {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public static TableData of(Object value, int maxRows) {
        if (value instanceof Dataset<?> dataset) {
            return ofDataset(dataset, maxRows);
        }
        if (value instanceof Map<?, ?> map) {
            return ofMap(map, maxRows);
        }
        if (value instanceof Collection<?> collection) {
            return ofCollection(collection, maxRows);
        }
        if (value instanceof Object[] array) {
            return ofCollection(Arrays.asList(array), maxRows);
        }
        throw new IllegalArgumentException("show(...) renders a Dataset, a List (or other Collection) or a Map, not "
                + (value == null ? "null" : value.getClass().getName()));
    }

    private static TableData ofDataset(Dataset<?> dataset, int maxRows) {
        Dataset<Row> frame = dataset.toDF();
        List<Row> taken = frame.takeAsList(maxRows + 1);
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : taken.subList(0, Math.min(maxRows, taken.size()))) {
            rows.add(cells(row));
        }
        return new TableData(List.of(frame.columns()), rows, taken.size() > maxRows);
    }

    private static TableData ofMap(Map<?, ?> map, int maxRows) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (rows.size() == maxRows) {
                return new TableData(List.of("key", "value"), rows, true);
            }
            rows.add(Arrays.asList(entry.getKey(), entry.getValue()));
        }
        return new TableData(List.of("key", "value"), rows, false);
    }

    private static TableData ofCollection(Collection<?> collection, int maxRows) {
        List<Object> items = new ArrayList<>();
        for (Object item : collection) {
            if (items.size() == maxRows + 1) {
                break;
            }
            items.add(item);
        }
        boolean truncated = items.size() > maxRows;
        List<Object> shown = items.subList(0, Math.min(maxRows, items.size()));
        Object first = shown.isEmpty() ? null : shown.get(0);
        if (first instanceof Row row) {
            return rowsTable(row, shown, truncated);
        }
        if (first != null && first.getClass().isRecord()) {
            return recordsTable(first.getClass(), shown, truncated);
        }
        if (first instanceof Map<?, ?>) {
            return mapsTable(shown, truncated);
        }
        List<List<Object>> rows = new ArrayList<>();
        shown.forEach(item -> rows.add(Arrays.asList(item)));
        return new TableData(List.of("value"), rows, truncated);
    }

    private static TableData rowsTable(Row first, List<Object> items, boolean truncated) {
        List<String> header = first.schema() != null ? List.of(first.schema().fieldNames())
                : positional(first.length());
        List<List<Object>> rows = new ArrayList<>();
        items.forEach(item -> rows.add(cells((Row) item)));
        return new TableData(header, rows, truncated);
    }

    private static TableData recordsTable(Class<?> type, List<Object> items, boolean truncated) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> header = Arrays.stream(components).map(RecordComponent::getName).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Object item : items) {
            List<Object> cells = new ArrayList<>();
            for (RecordComponent component : components) {
                cells.add(item != null && item.getClass() == type ? component(component, item) : null);
            }
            rows.add(cells);
        }
        return new TableData(header, rows, truncated);
    }

    private static Object component(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true); // records declared in a snippet are not public
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    private static TableData mapsTable(List<Object> items, boolean truncated) {
        Set<Object> keys = new LinkedHashSet<>();
        items.forEach(item -> keys.addAll(((Map<?, ?>) item).keySet()));
        List<List<Object>> rows = new ArrayList<>();
        for (Object item : items) {
            Map<?, ?> map = (Map<?, ?>) item;
            List<Object> cells = new ArrayList<>();
            for (Object key : keys) {
                cells.add(map.get(key));
            }
            rows.add(cells);
        }
        return new TableData(keys.stream().map(String::valueOf).toList(), rows, truncated);
    }

    private static List<Object> cells(Row row) {
        List<Object> cells = new ArrayList<>(row.length());
        for (int i = 0; i < row.length(); i++) {
            cells.add(row.get(i));
        }
        return cells;
    }

    private static List<String> positional(int columns) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            names.add("_" + (i + 1));
        }
        return names;
    }
}
