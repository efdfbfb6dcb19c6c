package lambdalab.lab.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import lambdalab.course.lambdaplus.PlusBatchJob;
import lambdalab.course.lambdaplus.PlusBatchResult;
import lambdalab.course.spark.LabSpark;
import lambdalab.lab.Lab;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Run the Lambda+ batch jobs once (Spark, in this process): over every record older than the "
                + "horizon (plus.horizon.seconds, 5 minutes), recompute bucket_rollups (correcting what the speed "
                + "layer lost) and fill sensor_rollups. Idempotent: a rerun over the same records writes the same "
                + "values. Prints how many records it read and how many buckets it corrected."})
final class PlusBatchCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--horizon", description = "Cover the records older than this instead (e.g. 0s: all of them; "
            + "only when the speed job has caught up, or its next writes overwrite the correction).")
    String horizon;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        Duration older = horizon == null ? Duration.ofSeconds(lab.settings().seconds("plus.horizon.seconds"))
                : DurationOption.parseAllowingZero(spec, "--horizon", horizon);
        Instant now = Instant.now();
        System.out.println("Lambda+ batch over the records before " + now.minus(older) + " ...");
        try (SparkSession spark = LabSpark.builder("lab plus batch", "local[2]", lab.endpoints()).getOrCreate()) {
            PlusBatchResult result = PlusBatchJob.run(spark, lab.endpoints(), now, older);
            System.out.println(result.summary());
        }
        return 0;
    }
}
