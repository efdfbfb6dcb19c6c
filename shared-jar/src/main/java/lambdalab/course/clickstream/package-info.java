/**
 * The clickstream of the Lambda and Kappa tracks: the event record, its TSV wire format, a
 * deterministic generator, the sinks it writes to, and the exact ground truth of what it wrote.
 *
 * <p>Pure JDK on purpose: the same classes run in the generator command, in notebooks and inside
 * Spark executors, so nothing here may drag in a framework.
 */
package lambdalab.course.clickstream;
