package lambdalab.course.exercises;

import java.time.Instant;

/**
 * Runs an exercise's check, the same way in a note and in the IDE: the learner's implementation
 * first; if it is not written yet, the reference solution (and it says so); a wrong one fails with
 * the check's diagnosis. Every outcome goes to the {@link ProgressLog}.
 */
public final class ExerciseChecks {

    private ExerciseChecks() {
    }

    /**
     * Checks the attempt and returns what was verified, prefixed by who ran; throws
     * {@link WrongAnswer} with the diagnosis when the attempt is wrong.
     *
     * @param where {@code note} or {@code ide}, for the progress table
     */
    public static <T> String run(Exercise<T> exercise, T attempt, String where) {
        String verified;
        try {
            verified = exercise.check().verify(attempt);
        } catch (MissingSolutionException notYet) {
            String solution = verifySolution(exercise);
            record(exercise, ProgressLog.Result.SOLUTION_RAN, where, solution);
            return "not attempted yet: the reference solution ran (" + exercise.solutionSource() + "): " + solution;
        } catch (WrongAnswer wrong) {
            record(exercise, ProgressLog.Result.WRONG, where, wrong.getMessage());
            throw new WrongAnswer(exercise.id() + " (" + exercise.title() + "): " + wrong.getMessage());
        } catch (Exception | LinkageError crashed) {
            String diagnosis = "running your implementation threw " + crashed + (crashed.getCause() == null ? ""
                    : " (caused by " + crashed.getCause() + ")");
            record(exercise, ProgressLog.Result.WRONG, where, diagnosis);
            WrongAnswer wrong = new WrongAnswer(exercise.id() + " (" + exercise.title() + "): " + diagnosis);
            wrong.initCause(crashed);
            throw wrong;
        }
        record(exercise, ProgressLog.Result.SOLVED, where, verified);
        return "solved: " + verified;
    }

    private static <T> String verifySolution(Exercise<T> exercise) {
        try {
            return exercise.check().verify(exercise.solution());
        } catch (Exception e) {
            throw new IllegalStateException("The reference solution of " + exercise.id() + " failed its own check: " + e, e);
        }
    }

    private static void record(Exercise<?> exercise, ProgressLog.Result result, String where, String detail) {
        ProgressLog.record(new ProgressLog.Entry(Instant.now(), exercise.module(), exercise.id(), result, where, detail));
    }
}
