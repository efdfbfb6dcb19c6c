package lambdalab.course.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.util.ClosureCleaner;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * {@code rdd.collect()} and {@code rdd.mapPartitions(work).collect()} for jobs that run every
 * second: the same job and result, without the bytecode scans Spark makes before it.
 *
 * <p>Spark passes every function it runs through its {@link ClosureCleaner}. For a Scala lambda the
 * cleaner reads, with ASM, every method of the class that declared it, looking for a
 * {@code return} statement; the lambdas of {@code collect()} and of the Java API's
 * {@code mapPartitions} are declared in {@code RDD}, {@code SparkContext} and {@code JavaRDDLike},
 * some of Spark's largest classes. On the idle speed layer, whose two collects per batch run every
 * second, that scan was a third of the sampled Java execution; without it the job took 6.3 CPU-s a
 * minute instead of 7.5. A function of a named class is no closure to the cleaner, which returns at once.
 */
public final class DriverCollect {

    private DriverCollect() {
    }

    /** What a task does with its partition's elements; its result is sent back to the driver. */
    @FunctionalInterface
    public interface PartitionWork<T, R> extends Serializable {
        R apply(Iterator<T> elements);
    }

    /** Every element of {@code rdd}, partition after partition, as {@code collect()} returns them. */
    public static <T> List<T> collect(RDD<T> rdd) {
        List<T> all = new ArrayList<>();
        eachPartition(rdd, DriverCollect::elements).forEach(all::addAll);
        return all;
    }

    /** One job with a task per partition of {@code rdd}: each task's result, in partition order. */
    public static <T, R> List<R> eachPartition(RDD<T> rdd, PartitionWork<T, R> work) {
        int partitions = rdd.getNumPartitions();
        Object[] results = new Object[partitions];
        List<Object> ids = IntStream.range(0, partitions).boxed().<Object>map(id -> id).toList();
        @SuppressWarnings("unchecked") // results are kept as objects: any R will do
        ClassTag<R> anyResult = (ClassTag<R>) (ClassTag<?>) ClassTag$.MODULE$.AnyRef();
        rdd.context().runJob(rdd, new RunWork<>(work), CollectionConverters.asScala(ids).toList(),
                new KeepResult<R>(results), anyResult);
        @SuppressWarnings("unchecked") // each is a task's R
        List<R> byPartition = (List<R>) Arrays.asList(results);
        return byPartition;
    }

    private static <T> List<T> elements(Iterator<T> partition) {
        List<T> elements = new ArrayList<>();
        partition.forEachRemaining(elements::add);
        return elements;
    }

    /** Runs in a task: the work over the partition. */
    private static final class RunWork<T, R> extends AbstractFunction2<TaskContext, scala.collection.Iterator<T>, R>
            implements Serializable {
        private final PartitionWork<T, R> work;

        RunWork(PartitionWork<T, R> work) {
            this.work = work;
        }

        @Override
        public R apply(TaskContext context, scala.collection.Iterator<T> elements) {
            return work.apply(CollectionConverters.asJava(elements));
        }
    }

    /** Runs on the driver as each task's result arrives. */
    private static final class KeepResult<R> extends AbstractFunction2<Object, R, BoxedUnit> {
        private final Object[] results;

        KeepResult(Object[] results) {
            this.results = results;
        }

        @Override
        public BoxedUnit apply(Object partition, R result) {
            results[(Integer) partition] = result;
            return BoxedUnit.UNIT;
        }
    }
}
