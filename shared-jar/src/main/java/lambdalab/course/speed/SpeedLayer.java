package lambdalab.course.speed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.exercises.streaming.WindowInverseSolution;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaMapWithStateDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import scala.Tuple2;

/**
 * The speed layer's topology: a direct Kafka stream of clickstream lines, decoded with the
 * generator's codec, aggregated per (product, hour) with the batch layer's {@link ViewAggregation},
 * kept as state with {@code mapWithState} (timeout as the course teaches) and a 30 s sliding window
 * per product.
 *
 * <p>Each batch runs its output operations in this order (Spark runs a batch's jobs one after the
 * other, in the order they were declared): (1) upsert the changed {@code stream_*} view rows; (2)
 * upsert the window view; (3) append the valid events to the raw dataset on HDFS under names made of
 * the batch's offsets, send rejected records to the dead-letter topic; (4) only then commit the offsets
 * (to Kafka and to Cassandra). Every output is idempotent per batch, and a failing output stops the
 * JVM before Spark marks the batch done, so a restart from the checkpoint replays it: views and raw
 * data end up exactly equal to the events produced, whatever moment the job died.
 *
 * <p>The views come first because they are what a query sees: a batch's events are visible without
 * waiting for its raw files (about half of a batch's work). Nothing needs the raw files before the
 * commit: a batch run that reads the raw data meanwhile records the offsets it read, and the serving
 * layer answers from a stream row that counts events past them ({@code ViewMerge}).
 *
 * <p>Like the Kafka Streams examples, the topology is built by a static method separate from the
 * job's {@code main}, so tests and the benchmark build the very same job.
 */
public final class SpeedLayer {

    private SpeedLayer() {
    }

    /** Declares the whole job on {@code ssc}, reading from {@code recovery}'s offsets with its state. */
    static void build(JavaStreamingContext ssc, StreamSettings settings, Recovery recovery) {
        JavaInputDStream<ConsumerRecord<byte[], byte[]>> kafka = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(), consumerStrategy(settings, recovery));
        JavaDStream<ParsedRecord> parsed = kafka.transform((rdd, time) -> {
            SpeedLayerRuntime.get().book().generated(time, ((HasOffsetRanges) rdd.rdd()).offsetRanges())
                    .ifPresent(BatchBook::printWarning);
            return rdd.map(ParsedRecord::of);
        });
        // not cached: reading a batch from Kafka twice (raw files, aggregation) costs less than keeping
        // half a million decoded records per batch on the heap (measured: the cache's size estimation
        // and the garbage collector took several seconds per batch). One read, with the raw files
        // written as the aggregation reads, was slower too (`lab bench stream`: 407-470k events/s
        // against 453-578k): Spark SQL's adaptive execution runs a batch's aggregation while Spark
        // generates the batch, beside the outputs of the batch before, so the two reads overlap; a
        // raw write inside the aggregation needs it off (the write must come after the batch's
        // replay checks, in its own output job), and the overlap is lost.

        JavaPairDStream<ProductHour, HourAggregate> batchAggregates = parsed.transformToPair(SpeedLayer::aggregate);
        batchAggregates.persist(StorageLevel.MEMORY_ONLY()); // feeds both the state and the window

        StateSpec<ProductHour, HourAggregate, HourAggregate, ChangedRow> spec =
                StateSpec.function(new StateUpdate(settings.endpoints(), recovery.baseline(), settings.writeOutputs()))
                        .timeout(Durations.seconds(settings.stateTimeoutSeconds()));
        if (!recovery.state().isEmpty()) {
            spec = spec.initialState(ssc.sparkContext().parallelizePairs(recovery.state()));
        }
        JavaMapWithStateDStream<ProductHour, HourAggregate, HourAggregate, ChangedRow> changed =
                batchAggregates.mapWithState(spec);

        changed.foreachRDD(SpeedLayerOutputs::upsertViews);
        if (settings.writeOutputs()) {
            JavaPairDStream<String, ActionCounts> window = batchAggregates
                    .mapToPair(group -> new Tuple2<>(group._1().product(), ActionCounts.of(group._2())))
                    .reduceByKeyAndWindow(ActionCounts::plus, new WindowInverseSolution(), // exercise 04.window-inverse
                            Durations.seconds(settings.windowSeconds()), Durations.milliseconds(settings.batchIntervalMs()));
            window.foreachRDD(SpeedLayerOutputs::upsertWindow);
        }
        parsed.foreachRDD(SpeedLayerOutputs::storeRawEvents);
        Instant viewsSince = recovery.baseline().viewsSince();
        kafka.foreachRDD((rdd, time) -> SpeedLayerOutputs.commit((CanCommitOffsets) kafka.inputDStream(), time,
                viewsSince));
    }

    /** One batch's events aggregated exactly as the batch layer does it. */
    private static JavaPairRDD<ProductHour, HourAggregate> aggregate(JavaRDD<ParsedRecord> batch, Time time) {
        if (SpeedLayerRuntime.get().book().recordsIfKnown(time).orElse(-1) == 0) {
            // nothing arrived: skip planning a query (it costs more than a short batch's work)
            return JavaPairRDD.fromJavaRDD(
                    JavaSparkContext.fromSparkContext(batch.context()).<Tuple2<ProductHour, HourAggregate>>emptyRDD());
        }
        // the drill is read from this run's runtime, per batch: the checkpointed topology must not
        // carry it into a later run started without it
        MessageLoss loss = SpeedLayerRuntime.get().messageLoss();
        JavaRDD<ParsedRecord> valid = batch.filter(ParsedRecord::valid);
        if (loss.active()) {
            valid = valid.filter(record -> !loss.loses(record.event()));
        }
        return HourAggregates.of(valid.map(ParsedRecord::event));
    }

    /**
     * From given offsets the partitions are assigned, not subscribed: a subscription's group has no
     * partitions yet when the stream seeks to the offsets ("No current assignment for partition").
     */
    private static ConsumerStrategy<byte[], byte[]> consumerStrategy(StreamSettings settings, Recovery recovery) {
        Map<TopicPartition, Long> offsets = recovery.nextOffsets(settings.topic());
        if (offsets.isEmpty()) {
            return ConsumerStrategies.Subscribe(List.of(settings.topic()), consumerConfig(settings));
        }
        // a copy: the strategy is serialized into the checkpoint, and a key set view is not serializable
        return ConsumerStrategies.Assign(new ArrayList<>(offsets.keySet()), consumerConfig(settings), offsets);
    }

    static Map<String, Object> consumerConfig(StreamSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.endpoints().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, StreamSettings.CONSUMER_GROUP);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // offsets are committed by the job after each batch is stored, never automatically
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return config;
    }

    /** Where the job starts reading and with which state, when it does not come from a checkpoint. */
    record Recovery(String from, Map<Integer, Long> offsets, List<Tuple2<ProductHour, HourAggregate>> state,
                    ViewsBaseline baseline) {
        /** From nothing, where the consumer group starts (the benchmark's reference, which writes no views). */
        static Recovery fresh() {
            return new Recovery("fresh", Map.of(), List.of(), ViewsBaseline.startingOver());
        }

        Map<TopicPartition, Long> nextOffsets(String topic) {
            Map<TopicPartition, Long> result = new HashMap<>();
            offsets.forEach((partition, offset) -> result.put(new TopicPartition(topic, partition), offset));
            return result;
        }
    }

    /** For a summary: the next offset of each partition after {@code ranges}. */
    static Map<Integer, Long> nextOffsets(OffsetRange[] ranges) {
        Map<Integer, Long> next = new HashMap<>();
        for (OffsetRange range : ranges) {
            next.put(range.partition(), range.untilOffset());
        }
        return next;
    }

    /** For the status line: when the batch's events were visible. */
    static Instant batchInstant(Time time) {
        return Instant.ofEpochMilli(time.milliseconds());
    }
}
