package lambdalab.course.exercises.operations;

import java.io.Serializable;

/**
 * Exercise 11.restart-source: where the speed layer takes its state from when it starts. The speed
 * layer job runs the reference solution at every start; the check plays a first start, restarts
 * after a short and a long stop, an upgrade, a checkpoint whose writes lagged, and a run that died
 * in a replay.
 */
@FunctionalInterface
public interface RestartChoice extends Serializable {

    RestartSource choose(RestartFacts facts);
}
