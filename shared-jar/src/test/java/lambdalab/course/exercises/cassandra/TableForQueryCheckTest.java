package lambdalab.course.exercises.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import org.junit.jupiter.api.Test;

/** Exercise 07.table-for-a-query: the solution passes, each usual mistake fails with its diagnosis. */
class TableForQueryCheckTest {

    private static final String COLUMNS = "timestamp_hour bigint, product text, purchase_count bigint, "
            + "add_to_cart_count bigint, page_view_count bigint, ";

    @Test
    void theSolutionAndOtherSpellingsOfItPass() {
        assertThat(ExerciseChecks.run(Exercises.TABLE_FOR_A_QUERY, new TableForQuerySolution(), "ide"))
                .startsWith("solved: ").contains("one partition, one row per product");
        assertThat(ExerciseChecks.run(Exercises.TABLE_FOR_A_QUERY, keyspace -> "create table " + keyspace
                + ".activity_by_hour (" + COLUMNS + "primary key (timestamp_hour, product));", "ide")).startsWith("solved: ");
        assertThat(ExerciseChecks.run(Exercises.TABLE_FOR_A_QUERY, keyspace -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void theProductAsPartitionKeyIsNamed() {
        assertWrong(keyspace -> "CREATE TABLE " + keyspace + ".activity_by_hour (" + COLUMNS
                + "PRIMARY KEY ((product), timestamp_hour))", "which it refuses without ALLOW FILTERING");
    }

    @Test
    void aCompositePartitionKeyIsNamed() {
        assertWrong(keyspace -> "CREATE TABLE " + keyspace + ".activity_by_hour (" + COLUMNS
                + "PRIMARY KEY ((timestamp_hour, product)))", "the partition key is (timestamp_hour, product)");
    }

    @Test
    void noClusteringColumnIsNamed() {
        assertWrong(keyspace -> "CREATE TABLE " + keyspace + ".activity_by_hour (timestamp_hour bigint PRIMARY KEY, "
                + "product text, purchase_count bigint, add_to_cart_count bigint, page_view_count bigint)",
                "an hour has one row and every product's upsert overwrites");
    }

    @Test
    void aCountInTheKeyIsNamed() {
        assertWrong(keyspace -> "CREATE TABLE " + keyspace + ".activity_by_hour (" + COLUMNS
                + "PRIMARY KEY (timestamp_hour, purchase_count, product)) WITH CLUSTERING ORDER BY (purchase_count DESC, product ASC)",
                "an upsert with a new count adds a second row");
    }

    @Test
    void countersAreNamed() {
        assertWrong(keyspace -> "CREATE TABLE " + keyspace + ".activity_by_hour (timestamp_hour bigint, product text, "
                + "purchase_count counter, add_to_cart_count counter, page_view_count counter, "
                + "PRIMARY KEY (timestamp_hour, product))", "purchase_count is a counter");
    }

    @Test
    void somethingElseThanATableIsNamed() {
        assertWrong(keyspace -> "SELECT * FROM " + keyspace + ".activity_by_hour", "the statement cannot be read");
    }

    private static void assertWrong(TableForQuery attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.TABLE_FOR_A_QUERY, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
