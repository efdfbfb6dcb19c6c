package lambdalab.course.spark;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * Reports the progress of Spark's stages as plain lines ("stage 3: 12/40 tasks"), at most every
 * few seconds, so a long job never looks hung. Register it with
 * {@code spark.sparkContext().addSparkListener(new SparkProgress(System.out::println))}.
 */
public final class SparkProgress extends SparkListener {

    private static final long EVERY_NANOS = 3_000_000_000L;

    private final Consumer<String> out;
    private final Map<Integer, Integer> totalTasks = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> doneTasks = new ConcurrentHashMap<>();
    private volatile long lastReport = System.nanoTime();

    public SparkProgress(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        StageInfo stage = submitted.stageInfo();
        totalTasks.put(stage.stageId(), stage.numTasks());
        doneTasks.put(stage.stageId(), new AtomicInteger());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        AtomicInteger done = doneTasks.get(taskEnd.stageId());
        int count = done == null ? 0 : done.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastReport >= EVERY_NANOS) {
            lastReport = now;
            out.accept(String.format(Locale.ROOT, "  stage %d: %d/%d tasks", taskEnd.stageId(), count,
                    totalTasks.getOrDefault(taskEnd.stageId(), 0)));
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
        totalTasks.remove(completed.stageInfo().stageId());
        doneTasks.remove(completed.stageInfo().stageId());
    }
}
