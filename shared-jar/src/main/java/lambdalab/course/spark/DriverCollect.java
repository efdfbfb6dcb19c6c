package lambdalab.course.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.util.ClosureCleaner;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * {@code rdd.collect()} for a job that runs every second: the same job and result, without the
 * bytecode scan Spark makes before it.
 *
 * <p>Spark passes every function it runs through its {@link ClosureCleaner}. For a Scala lambda the
 * cleaner reads, with ASM, every method of the class that declared it, looking for a
 * {@code return} statement; {@code collect()}'s lambdas are declared in {@code RDD} and
 * {@code SparkContext}, two of Spark's largest classes. Profiled on the idle speed layer, whose
 * two collects per batch ran every second, that scan was a third of the job's sampled CPU. A
 * function of a named class is no closure to the cleaner, which returns at once.
 */
public final class DriverCollect {

    private DriverCollect() {
    }

    /** Every element of {@code rdd}, partition after partition, as {@code collect()} returns them. */
    public static <T> List<T> collect(RDD<T> rdd) {
        int partitions = rdd.getNumPartitions();
        Object[][] results = new Object[partitions][];
        List<Object> ids = IntStream.range(0, partitions).boxed().<Object>map(id -> id).toList();
        rdd.context().runJob(rdd, new PartitionElements<T>(), CollectionConverters.asScala(ids).toList(),
                new KeepResult(results), ClassTag$.MODULE$.apply(Object[].class));
        List<T> all = new ArrayList<>();
        for (Object[] partition : results) {
            @SuppressWarnings("unchecked") // the elements of an RDD<T>
            List<T> elements = (List<T>) Arrays.asList(partition);
            all.addAll(elements);
        }
        return all;
    }

    /** Runs in a task: one partition's elements. */
    private static final class PartitionElements<T> extends AbstractFunction2<TaskContext, Iterator<T>, Object[]>
            implements Serializable {
        @Override
        public Object[] apply(TaskContext context, Iterator<T> elements) {
            List<Object> partition = new ArrayList<>();
            while (elements.hasNext()) {
                partition.add(elements.next());
            }
            return partition.toArray();
        }
    }

    /** Runs on the driver as each task's result arrives. */
    private static final class KeepResult extends AbstractFunction2<Object, Object[], BoxedUnit> {
        private final Object[][] results;

        KeepResult(Object[][] results) {
            this.results = results;
        }

        @Override
        public BoxedUnit apply(Object partition, Object[] elements) {
            results[(Integer) partition] = elements;
            return BoxedUnit.UNIT;
        }
    }
}
