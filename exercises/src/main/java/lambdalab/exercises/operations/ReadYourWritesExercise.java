package lambdalab.exercises.operations;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.operations.ConsistencyLevel;
import lambdalab.course.exercises.operations.ReadYourWrites;

/**
 * Exercise 11.read-your-writes (note 11, "Operations"): whether a read always sees the latest write.
 * Run ReadYourWritesExerciseTest to check it; the hints are in the note, the solution in the shared
 * jar (ReadYourWritesSolution).
 */
public class ReadYourWritesExercise implements ReadYourWrites {

    @Override
    public boolean readSeesLatestWrite(ConsistencyLevel write, ConsistencyLevel read, int replicationFactor) {
        throw new MissingSolutionException();
    }
}
