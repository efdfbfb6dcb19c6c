package lambdalab.exercises.ingest;

import java.util.Map;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.ingest.ResumeOffsets;

/**
 * Exercise 06.resume-offsets (note 06, "Streaming ingest from Kafka"): per partition of the topic,
 * the first offset to read from what the job committed (the exclusive end of its last batch) and the
 * earliest offset Kafka still holds. Run ResumeOffsetsExerciseTest to check it; the hints are in the
 * note, the solution in the shared jar (ResumeOffsetsSolution).
 */
public class ResumeOffsetsExercise implements ResumeOffsets {

    @Override
    public Map<Integer, Long> resumeFrom(Map<Integer, Long> committed, Map<Integer, Long> earliest) {
        throw new MissingSolutionException();
    }
}
