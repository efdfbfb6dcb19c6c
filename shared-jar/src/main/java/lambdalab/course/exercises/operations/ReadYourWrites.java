package lambdalab.course.exercises.operations;

import java.io.Serializable;

/**
 * Exercise 11.read-your-writes: whether a read at one consistency level always sees a write made at
 * another, with {@code replicationFactor} replicas of each row. The cluster profile's `lab doctor`
 * runs the reference solution on the levels the jobs write and the serving layer reads at.
 */
@FunctionalInterface
public interface ReadYourWrites extends Serializable {

    boolean readSeesLatestWrite(ConsistencyLevel write, ConsistencyLevel read, int replicationFactor);
}
