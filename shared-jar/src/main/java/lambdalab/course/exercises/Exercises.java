package lambdalab.course.exercises;

import java.util.List;
import lambdalab.course.exercises.batch.ActionCounting;
import lambdalab.course.exercises.batch.ActionCountingCheck;
import lambdalab.course.exercises.batch.ActionCountingSolution;
import lambdalab.course.exercises.batch.RawDatasetLayout;
import lambdalab.course.exercises.batch.RawDatasetLayoutCheck;
import lambdalab.course.exercises.batch.RawDatasetLayoutSolution;
import lambdalab.course.exercises.cassandra.SketchBlob;
import lambdalab.course.exercises.cassandra.SketchBlobCheck;
import lambdalab.course.exercises.cassandra.SketchBlobSolution;
import lambdalab.course.exercises.cassandra.TableForQuery;
import lambdalab.course.exercises.cassandra.TableForQueryCheck;
import lambdalab.course.exercises.cassandra.TableForQuerySolution;
import lambdalab.course.exercises.generator.OffsetRanges;
import lambdalab.course.exercises.generator.OffsetRangesCheck;
import lambdalab.course.exercises.generator.OffsetRangesSolution;
import lambdalab.course.exercises.ingest.RecordDecoding;
import lambdalab.course.exercises.ingest.RecordDecodingCheck;
import lambdalab.course.exercises.ingest.RecordDecodingSolution;
import lambdalab.course.exercises.ingest.ResumeOffsets;
import lambdalab.course.exercises.ingest.ResumeOffsetsCheck;
import lambdalab.course.exercises.ingest.ResumeOffsetsSolution;
import lambdalab.course.exercises.kappa.BatchUpsert;
import lambdalab.course.exercises.kappa.BatchUpsertCheck;
import lambdalab.course.exercises.kappa.BatchUpsertSolution;
import lambdalab.course.exercises.kappa.HourClosing;
import lambdalab.course.exercises.kappa.HourClosingCheck;
import lambdalab.course.exercises.kappa.HourClosingSolution;
import lambdalab.course.exercises.kappa.SwitchCondition;
import lambdalab.course.exercises.kappa.SwitchConditionCheck;
import lambdalab.course.exercises.kappa.SwitchConditionSolution;
import lambdalab.course.exercises.lambdaplus.AverageMerge;
import lambdalab.course.exercises.lambdaplus.AverageMergeCheck;
import lambdalab.course.exercises.lambdaplus.AverageMergeSolution;
import lambdalab.course.exercises.lambdaplus.CorrectionCutoff;
import lambdalab.course.exercises.lambdaplus.CorrectionCutoffCheck;
import lambdalab.course.exercises.lambdaplus.CorrectionCutoffSolution;
import lambdalab.course.exercises.lambdaplus.TimeBucketing;
import lambdalab.course.exercises.lambdaplus.TimeBucketingCheck;
import lambdalab.course.exercises.lambdaplus.TimeBucketingSolution;
import lambdalab.course.exercises.operations.ReadYourWrites;
import lambdalab.course.exercises.operations.ReadYourWritesCheck;
import lambdalab.course.exercises.operations.ReadYourWritesSolution;
import lambdalab.course.exercises.operations.RestartChoice;
import lambdalab.course.exercises.operations.RestartChoiceCheck;
import lambdalab.course.exercises.operations.RestartChoiceSolution;
import lambdalab.course.exercises.serving.LayerChoice;
import lambdalab.course.exercises.serving.LayerChoiceCheck;
import lambdalab.course.exercises.serving.LayerChoiceSolution;
import lambdalab.course.exercises.serving.ServedTotals;
import lambdalab.course.exercises.serving.ServedTotalsCheck;
import lambdalab.course.exercises.serving.ServedTotalsSolution;
import lambdalab.course.exercises.streaming.HourStateUpdate;
import lambdalab.course.exercises.streaming.HourStateUpdateCheck;
import lambdalab.course.exercises.streaming.HourStateUpdateSolution;
import lambdalab.course.exercises.streaming.WindowInverse;
import lambdalab.course.exercises.streaming.WindowInverseCheck;
import lambdalab.course.exercises.streaming.WindowInverseSolution;
import lambdalab.course.exercises.visitors.VisitorSketching;
import lambdalab.course.exercises.visitors.VisitorSketchingCheck;
import lambdalab.course.exercises.visitors.VisitorSketchingSolution;
import lambdalab.course.exercises.visitors.VisitorTotals;
import lambdalab.course.exercises.visitors.VisitorTotalsCheck;
import lambdalab.course.exercises.visitors.VisitorTotalsSolution;

/** Every exercise of the course, by module. A note checks an attempt with {@link #check}. */
public final class Exercises {

    private static final String SOURCES = "shared-jar/src/main/java/lambdalab/course/exercises/";

    public static final Exercise<OffsetRanges> OFFSET_RANGES = new Exercise<>("02.offset-ranges",
            "the offset ranges that hold what a producer wrote", OffsetRanges.class, new OffsetRangesSolution(),
            SOURCES + "generator/OffsetRangesSolution.java", new OffsetRangesCheck());

    public static final Exercise<ActionCounting> ACTION_COUNTS = new Exercise<>("03.action-counts",
            "count each action per product and hour", ActionCounting.class, new ActionCountingSolution(),
            SOURCES + "batch/ActionCountingSolution.java", new ActionCountingCheck());

    public static final Exercise<RawDatasetLayout> RAW_LAYOUT = new Exercise<>("03.raw-layout",
            "lay the raw dataset out in hour folders", RawDatasetLayout.class, new RawDatasetLayoutSolution(),
            SOURCES + "batch/RawDatasetLayoutSolution.java", new RawDatasetLayoutCheck());

    public static final Exercise<HourStateUpdate> STATE_UPDATE = new Exercise<>("04.state-update",
            "the speed layer's state update, timeouts included", HourStateUpdate.class, new HourStateUpdateSolution(),
            SOURCES + "streaming/HourStateUpdateSolution.java", new HourStateUpdateCheck());

    public static final Exercise<WindowInverse> WINDOW_INVERSE = new Exercise<>("04.window-inverse",
            "the sliding window's inverse function", WindowInverse.class, new WindowInverseSolution(),
            SOURCES + "streaming/WindowInverseSolution.java", new WindowInverseCheck());

    public static final Exercise<VisitorSketching> VISITOR_SKETCHES = new Exercise<>("05.visitor-sketches",
            "sketch each hour's visitors", VisitorSketching.class, new VisitorSketchingSolution(),
            SOURCES + "visitors/VisitorSketchingSolution.java", new VisitorSketchingCheck());

    public static final Exercise<VisitorTotals> VISITORS_OVER_HOURS = new Exercise<>("05.visitors-over-hours",
            "unique visitors over several hours", VisitorTotals.class, new VisitorTotalsSolution(),
            SOURCES + "visitors/VisitorTotalsSolution.java", new VisitorTotalsCheck());

    public static final Exercise<ResumeOffsets> RESUME_OFFSETS = new Exercise<>("06.resume-offsets",
            "where the speed layer resumes reading Kafka", ResumeOffsets.class, new ResumeOffsetsSolution(),
            SOURCES + "ingest/ResumeOffsetsSolution.java", new ResumeOffsetsCheck());

    public static final Exercise<RecordDecoding> DEAD_LETTERS = new Exercise<>("06.dead-letters",
            "decode a Kafka record, or keep it as a dead letter", RecordDecoding.class, new RecordDecodingSolution(),
            SOURCES + "ingest/RecordDecodingSolution.java", new RecordDecodingCheck());

    public static final Exercise<TableForQuery> TABLE_FOR_A_QUERY = new Exercise<>("07.table-for-a-query",
            "a Cassandra table for the hour's dashboard", TableForQuery.class, new TableForQuerySolution(),
            SOURCES + "cassandra/TableForQuerySolution.java", new TableForQueryCheck());

    public static final Exercise<SketchBlob> SKETCH_BLOB = new Exercise<>("07.sketch-blob",
            "a sketch out of a blob column", SketchBlob.class, new SketchBlobSolution(),
            SOURCES + "cassandra/SketchBlobSolution.java", new SketchBlobCheck());

    public static final Exercise<LayerChoice> MERGE_RULE = new Exercise<>("08.merge-rule",
            "which layer serves an hour", LayerChoice.class, new LayerChoiceSolution(),
            SOURCES + "serving/LayerChoiceSolution.java", new LayerChoiceCheck());

    public static final Exercise<ServedTotals> SKETCH_TOTALS = new Exercise<>("08.sketch-totals",
            "a product's total over served hours", ServedTotals.class, new ServedTotalsSolution(),
            SOURCES + "serving/ServedTotalsSolution.java", new ServedTotalsCheck());

    public static final Exercise<TimeBucketing> TIME_BUCKET = new Exercise<>("09.time-bucket",
            "the 100 ms bucket of a reading", TimeBucketing.class, new TimeBucketingSolution(),
            SOURCES + "lambdaplus/TimeBucketingSolution.java", new TimeBucketingCheck());

    public static final Exercise<AverageMerge> MERGEABLE_AVERAGE = new Exercise<>("09.mergeable-average",
            "the average of several buckets' readings", AverageMerge.class, new AverageMergeSolution(),
            SOURCES + "lambdaplus/AverageMergeSolution.java", new AverageMergeCheck());

    public static final Exercise<CorrectionCutoff> CORRECTION_CUTOFF = new Exercise<>("09.correction-cutoff",
            "where the batch run's correction stops", CorrectionCutoff.class, new CorrectionCutoffSolution(),
            SOURCES + "lambdaplus/CorrectionCutoffSolution.java", new CorrectionCutoffCheck());

    public static final Exercise<BatchUpsert> BATCH_UPSERT = new Exercise<>("10.batch-upsert",
            "the row a micro-batch upserts", BatchUpsert.class, new BatchUpsertSolution(),
            SOURCES + "kappa/BatchUpsertSolution.java", new BatchUpsertCheck());

    public static final Exercise<HourClosing> WATERMARK = new Exercise<>("10.watermark",
            "when an hour closes under the watermark", HourClosing.class, new HourClosingSolution(),
            SOURCES + "kappa/HourClosingSolution.java", new HourClosingCheck());

    public static final Exercise<SwitchCondition> SWITCH_RULE = new Exercise<>("10.switch-rule",
            "when readers may switch to a new version", SwitchCondition.class, new SwitchConditionSolution(),
            SOURCES + "kappa/SwitchConditionSolution.java", new SwitchConditionCheck());

    public static final Exercise<RestartChoice> RESTART_SOURCE = new Exercise<>("11.restart-source",
            "where a restarting speed layer takes its state from", RestartChoice.class, new RestartChoiceSolution(),
            SOURCES + "operations/RestartChoiceSolution.java", new RestartChoiceCheck());

    public static final Exercise<ReadYourWrites> READ_YOUR_WRITES = new Exercise<>("11.read-your-writes",
            "whether a read always sees the latest write", ReadYourWrites.class, new ReadYourWritesSolution(),
            SOURCES + "operations/ReadYourWritesSolution.java", new ReadYourWritesCheck());

    private Exercises() {
    }

    public static List<Exercise<?>> all() {
        return List.of(OFFSET_RANGES, ACTION_COUNTS, RAW_LAYOUT, STATE_UPDATE, WINDOW_INVERSE, VISITOR_SKETCHES,
                VISITORS_OVER_HOURS, RESUME_OFFSETS, DEAD_LETTERS, TABLE_FOR_A_QUERY, SKETCH_BLOB,
                MERGE_RULE, SKETCH_TOTALS, TIME_BUCKET, MERGEABLE_AVERAGE, CORRECTION_CUTOFF, BATCH_UPSERT, WATERMARK,
                SWITCH_RULE, RESTART_SOURCE, READ_YOUR_WRITES);
    }

    /**
     * Checks an attempt written in a note and prints what ran and what it verified; a wrong attempt
     * fails the paragraph with the diagnosis.
     */
    public static <T> void check(Exercise<T> exercise, T attempt) {
        System.out.println(exercise.id() + ": " + ExerciseChecks.run(exercise, attempt, "note"));
    }
}
