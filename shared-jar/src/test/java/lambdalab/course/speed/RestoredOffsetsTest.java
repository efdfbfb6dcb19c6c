package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lambdalab.course.exercises.LocalSpark;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.DirectKafkaInputDStream;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kafka stream as a restart from a checkpoint leaves it, before it starts (so before it ever
 * connects to Kafka): the batches read back, and the current offsets, which a checkpoint written
 * while Spark restarted can hold ahead of those batches.
 */
@ExtendWith(LocalSpark.class)
class RestoredOffsetsTest {

    private static final String TOPIC = "weblogs-text";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private JavaStreamingContext context;
    private DirectKafkaInputDStream<byte[], byte[]> kafka;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aStreamThatWasNeverStarted() {
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
        context = new JavaStreamingContext(spark, Durations.seconds(1));
        kafka = (DirectKafkaInputDStream<byte[], byte[]>) KafkaUtils.createDirectStream(context,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<byte[], byte[]>Assign(List.of(P0, P1), kafkaParams(), Map.of(P0, 0L, P1, 0L)))
                .inputDStream();
    }

    @AfterEach
    void stop() {
        context.stop(false);
    }

    @Test
    void offsetsAheadOfTheNewestRestoredBatchGoBackToItsEnd() {
        restoredBatch(1000, range(P0, 144_543, 145_142), range(P1, 171_290, 172_198));
        restoredBatch(2000, range(P0, 145_142, 156_032), range(P1, 172_198, 183_153));
        currentOffsets(156_150, 183_153); // partition 0: a batch generated after the checkpoint took its batches

        assertThat(RestoredOffsets.alignWithRestoredBatches(context))
                .hasValue("partition 0 from 156150 back to 156032");
        assertThat(kafka.currentOffsets().get(P0).get()).isEqualTo(156_032L);
        assertThat(kafka.currentOffsets().get(P1).get()).as("at its batch's end already").isEqualTo(183_153L);
    }

    @Test
    void offsetsAtTheEndOfTheNewestRestoredBatchStay() {
        restoredBatch(2000, range(P0, 145_142, 156_032), range(P1, 172_198, 183_153));
        restoredBatch(1000, range(P0, 144_543, 145_142), range(P1, 171_290, 172_198));
        currentOffsets(156_032, 183_153);

        assertThat(RestoredOffsets.alignWithRestoredBatches(context)).isEmpty();
        assertThat(kafka.currentOffsets().get(P0).get()).isEqualTo(156_032L);
    }

    @Test
    void aStreamWithoutRestoredBatchesIsLeftAlone() {
        currentOffsets(500, 600);

        assertThat(RestoredOffsets.alignWithRestoredBatches(context)).isEmpty();
        assertThat(kafka.currentOffsets().get(P0).get()).isEqualTo(500L);
    }

    private void restoredBatch(long time, OffsetRange... ranges) {
        kafka.generatedRDDs().put(new Time(time),
                KafkaUtils.<byte[], byte[]>createRDD(context.sparkContext(), kafkaParams(), ranges,
                        LocationStrategies.PreferConsistent()).rdd());
    }

    private void currentOffsets(long partition0, long partition1) {
        scala.collection.immutable.Map<TopicPartition, Object> offsets = scala.collection.immutable.Map$.MODULE$.empty();
        offsets = offsets.updated(P0, partition0);
        offsets = offsets.updated(P1, partition1);
        kafka.currentOffsets_$eq(offsets);
    }

    private static OffsetRange range(TopicPartition partition, long from, long until) {
        return OffsetRange.create(partition, from, until);
    }

    /** Never contacted: the stream is not started. */
    private static Map<String, Object> kafkaParams() {
        Map<String, Object> params = new HashMap<>();
        params.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        params.put(ConsumerConfig.GROUP_ID_CONFIG, "restored-offsets-test");
        params.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        params.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return params;
    }
}
