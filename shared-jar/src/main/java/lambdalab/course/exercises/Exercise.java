package lambdalab.course.exercises;

/**
 * One exercise of the course: a small named piece of the real pipeline (an interface the course's
 * jobs call with the reference solution), the solution, and the check that a learner's
 * implementation has to pass.
 *
 * @param id        {@code <module>.<name>}, e.g. {@code 04.inverse-window}
 * @param title     what the learner writes, in a few words
 * @param solution  the reference solution, the one the course's jobs use
 * @param solutionSource where to read the solution (a path in the repository)
 */
public record Exercise<T>(String id, String title, Class<T> type, T solution, String solutionSource, Check<T> check) {

    /** The course module (and note) the exercise belongs to: the number before the dot of its id. */
    public int module() {
        return Integer.parseInt(id.substring(0, id.indexOf('.')));
    }
}
