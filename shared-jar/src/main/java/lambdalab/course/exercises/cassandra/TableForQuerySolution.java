package lambdalab.course.exercises.cassandra;

/**
 * The reference solution of {@link TableForQuery}: the hour is what the query gives, so it is the
 * partition key (one partition holds the whole answer, on one node); the product is a clustering
 * column, which makes each (hour, product) its own row, sorted by name on disk.
 */
public final class TableForQuerySolution implements TableForQuery {

    @Override
    public String createTable(String keyspace) {
        return "CREATE TABLE IF NOT EXISTS " + keyspace + ".activity_by_hour (timestamp_hour bigint, product text, "
                + "purchase_count bigint, add_to_cart_count bigint, page_view_count bigint, "
                + "PRIMARY KEY ((timestamp_hour), product)) WITH CLUSTERING ORDER BY (product ASC)";
    }
}
