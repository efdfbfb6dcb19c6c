package lambdalab.course.exercises;

/**
 * Runs an implementation of an exercise against data whose right answer is known, and throws a
 * {@link WrongAnswer} that diagnoses the mistake when it is wrong. It returns what it verified, for
 * the learner to read ("24 hours of 240 products equal the truth").
 */
@FunctionalInterface
public interface Check<T> {

    String verify(T implementation) throws Exception;
}
