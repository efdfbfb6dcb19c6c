package lambdalab.course.exercises.cassandra;

import java.util.List;
import java.util.Map;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;

/**
 * Checks a {@link TableForQuery}'s statement against the query it is for: the right columns and
 * types, the hour alone as the partition key, the product as the clustering column in name order.
 * Names the usual mistakes: the product as partition key (a query that needs ALLOW FILTERING), a
 * composite partition key, no clustering column (one row per hour), a count in the key, counters.
 */
public final class TableForQueryCheck implements Check<TableForQuery> {

    private static final String KEYSPACE = "course";
    private static final List<Map.Entry<String, String>> COLUMNS = List.of(Map.entry("timestamp_hour", "bigint"),
            Map.entry("product", "text"), Map.entry("purchase_count", "bigint"), Map.entry("add_to_cart_count", "bigint"),
            Map.entry("page_view_count", "bigint"));

    @Override
    public String verify(TableForQuery attempt) {
        CqlTable table;
        try {
            table = CqlTable.parse(attempt.createTable(KEYSPACE));
        } catch (IllegalArgumentException e) {
            throw new WrongAnswer("the statement cannot be read: " + e.getMessage());
        }
        if (!table.keyspace().equals(KEYSPACE) || !table.name().equals("activity_by_hour")) {
            throw new WrongAnswer("the table is " + table.keyspace() + "." + table.name() + ": create activity_by_hour in "
                    + "the keyspace given (" + KEYSPACE + ".activity_by_hour)");
        }
        requireColumns(table);
        requirePartitionKey(table.partitionKey());
        requireClustering(table);
        return "the hour's products come from one partition, one row per product, in name order";
    }

    private static void requireColumns(CqlTable table) {
        for (Map.Entry<String, String> column : COLUMNS) {
            String type = table.columns().get(column.getKey());
            if (type == null) {
                throw new WrongAnswer("no column " + column.getKey() + " (the table has " + table.columns().keySet() + ")");
            }
            if (type.equals("counter")) {
                throw new WrongAnswer(column.getKey() + " is a counter: counters only add, so a replayed batch adds its "
                        + "events again; the views write absolute values (bigint) with idempotent upserts");
            }
            if (!type.equals(column.getValue())) {
                throw new WrongAnswer(column.getKey() + " is " + type + ": the views' type is " + column.getValue());
            }
        }
    }

    private static void requirePartitionKey(List<String> partitionKey) {
        if (partitionKey.equals(List.of("timestamp_hour"))) {
            return;
        }
        if (partitionKey.equals(List.of("product"))) {
            throw new WrongAnswer("the partition key is product (the views' key, for their query), but this query gives "
                    + "only timestamp_hour: Cassandra would have to read every product's partition on every node, which "
                    + "it refuses without ALLOW FILTERING. Partition by what the query gives: the hour");
        }
        if (partitionKey.contains("timestamp_hour")) {
            throw new WrongAnswer("the partition key is (" + String.join(", ", partitionKey) + "): a partition is found "
                    + "only with all of its key's values, and the query gives the hour alone (it would need ALLOW "
                    + "FILTERING). Partition by the hour; make the product a clustering column");
        }
        throw new WrongAnswer("the partition key is (" + String.join(", ", partitionKey) + "): the query gives "
                + "timestamp_hour, so that is the partition key");
    }

    private static void requireClustering(CqlTable table) {
        if (table.clustering().isEmpty()) {
            throw new WrongAnswer("no clustering column: the primary key is the hour alone, so an hour has one row and "
                    + "every product's upsert overwrites the previous product's. Add product as a clustering column");
        }
        if (table.clustering().stream().anyMatch(column -> column.endsWith("_count"))) {
            throw new WrongAnswer("a count is a clustering column (" + table.clustering() + "): it is part of the row's "
                    + "key, so an upsert with a new count adds a second row instead of replacing the first");
        }
        if (!table.clustering().equals(List.of("product"))) {
            throw new WrongAnswer("the clustering columns are " + table.clustering() + ": one row per product of the "
                    + "hour needs exactly product");
        }
        if ("DESC".equals(table.clusteringOrder().get("product"))) {
            throw new WrongAnswer("products are stored in descending order: the query wants name order (ASC, the "
                    + "default)");
        }
    }
}
