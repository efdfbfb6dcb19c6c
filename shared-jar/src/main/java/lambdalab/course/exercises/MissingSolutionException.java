package lambdalab.course.exercises;

/**
 * What an exercise throws until the learner has written it. A check that meets it runs the
 * reference solution instead and says so, so a fresh checkout is green.
 */
public class MissingSolutionException extends RuntimeException {

    public MissingSolutionException() {
        super("not written yet: replace the `throw new MissingSolutionException()` with your solution");
    }
}
