package lambdalab.exercises.cassandra;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.cassandra.TableForQuery;

/**
 * Exercise 07.table-for-a-query (note 07, "Cassandra"): the CREATE TABLE statement of
 * <keyspace>.activity_by_hour for "every product's counts in a given hour, in name order". Run
 * TableForQueryExerciseTest to check it; the hints are in the note, the solution in the shared jar
 * (TableForQuerySolution).
 */
public class TableForQueryExercise implements TableForQuery {

    @Override
    public String createTable(String keyspace) {
        throw new MissingSolutionException();
    }
}
