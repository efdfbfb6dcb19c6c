package lambdalab.course.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import org.apache.spark.api.java.function.FilterFunction;
import org.junit.jupiter.api.Test;

class ClosuresTest {

    private static int threshold = 3;

    @Test
    void aLambdaReadingAStaticFieldCapturesNothing() {
        FilterFunction<Integer> function = value -> value > threshold;
        assertThat(Closures.describe(function)).matches("[\\d,]+ bytes; captures nothing");
    }

    @Test
    void aLambdaShipsTheValuesItCaptured() {
        assertThat(Closures.describe(atLeast(7))).matches("[\\d,]+ bytes; captures Integer = 7");
    }

    @Test
    void aLambdaCapturingSomethingUnserializableCannotBeShipped() {
        Object lock = new Object();
        FilterFunction<Integer> function = value -> lock.hashCode() > value;
        assertThat(Closures.describe(function)).startsWith("cannot be shipped (Spark says \"Task not serializable\")")
                .contains("captures Object = java.lang.Object@").endsWith("java.lang.Object is not serializable");
    }

    @Test
    void anObjectThatIsNoLambdaIsShippedWhole() {
        assertThat(Closures.describe(new Named())).contains("captures itself, a " + Named.class.getName());
    }

    private static FilterFunction<Integer> atLeast(int minimum) {
        return value -> value >= minimum;
    }

    private static final class Named implements Serializable {
    }
}
