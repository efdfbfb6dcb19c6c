package lambdalab.course.exercises;

/** A check's verdict on a wrong attempt: what is wrong and, where it can tell, why. */
public class WrongAnswer extends AssertionError {

    public WrongAnswer(String diagnosis) {
        super(diagnosis);
    }

    public WrongAnswer(String diagnosis, Throwable cause) {
        super(diagnosis, cause);
    }
}
