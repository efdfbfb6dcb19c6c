package lambdalab.course.exercises.cassandra;

import java.io.Serializable;

/**
 * Exercise 07.table-for-a-query: a Cassandra table designed for one query, the dashboard of an
 * hour: every product's counts in a given hour, products in name order, read from one partition:
 * {@code SELECT product, purchase_count, add_to_cart_count, page_view_count FROM
 * <keyspace>.activity_by_hour WHERE timestamp_hour = ?}. Return its {@code CREATE TABLE} statement.
 */
@FunctionalInterface
public interface TableForQuery extends Serializable {

    String createTable(String keyspace);
}
