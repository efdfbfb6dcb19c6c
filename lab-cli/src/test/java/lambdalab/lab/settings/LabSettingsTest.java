package lambdalab.lab.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabSettingsTest {

    @TempDir
    Path home;

    @Test
    void defaultsBindEveryServiceToLoopback() {
        LabSettings settings = LabSettings.load(home, Map.of(), Map.of());
        assertThat(settings.get("bind.address")).isEqualTo("127.0.0.1");
        assertThat(settings.port("kafka.port")).isEqualTo(9092);
        assertThat(settings.port("cassandra.port")).isEqualTo(9042);
        assertThat(settings.port("hdfs.namenode.port")).isEqualTo(9000);
    }

    @Test
    void fileThenEnvironmentThenOverridesWin() throws IOException {
        Files.writeString(home.resolve("lab.properties"), "kafka.port=19092\ncassandra.port=19042\nhdfs.heap=128m\n");
        LabSettings settings = LabSettings.load(home,
                Map.of("LAB_CASSANDRA_PORT", "29042", "LAB_HDFS_HEAP", "192m"),
                Map.of("hdfs.heap", "320m"));
        assertThat(settings.port("kafka.port")).isEqualTo(19092);
        assertThat(settings.port("cassandra.port")).isEqualTo(29042);
        assertThat(settings.get("hdfs.heap")).isEqualTo("320m");
    }

    @Test
    void anUnknownSettingIsRejectedWithTheKnownOnes() throws IOException {
        Files.writeString(home.resolve("lab.properties"), "kafka.prot=19092\n");
        assertThatThrownBy(() -> LabSettings.load(home, Map.of(), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("Unknown setting 'kafka.prot'")
                .hasMessageContaining("kafka.port");
    }

    @Test
    void aValueOfTheWrongKindIsRejectedWhenLoading() {
        assertThatThrownBy(() -> LabSettings.load(home, Map.of(), Map.of("kafka.port", "90920")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("kafka.port must be a port number")
                .hasMessageContaining("90920");
        assertThatThrownBy(() -> LabSettings.load(home, Map.of("LAB_CASSANDRA_HEAP", "lots"), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("cassandra.heap must be a size like 512m").hasMessageContaining("'lots'");
    }

    @Test
    void theStreamJobsCountsMustBeAboveZero() {
        LabSettings defaults = LabSettings.load(home, Map.of(), Map.of());
        assertThat(defaults.count("stream.batch.ms")).isEqualTo(1000);
        assertThat(defaults.count("stream.partitions")).isEqualTo(2);
        assertThatThrownBy(() -> LabSettings.load(home, Map.of(), Map.of("stream.batch.ms", "0")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("stream.batch.ms must be a whole number above zero").hasMessageContaining("'0'");
        assertThatThrownBy(() -> LabSettings.load(home, Map.of("LAB_STREAM_MAX_RATE_PER_PARTITION", "fast"), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("stream.max.rate.per.partition must be a whole number above zero");
    }

    @Test
    void theProfileIsSingleByDefaultAndOnlyAKnownOne() {
        assertThat(LabSettings.load(home, Map.of(), Map.of()).profile()).isEqualTo(Profile.SINGLE);
        assertThat(LabSettings.load(home, Map.of("LAB_PROFILE", "cluster"), Map.of()).profile()).isEqualTo(Profile.CLUSTER);
        assertThatThrownBy(() -> LabSettings.load(home, Map.of(), Map.of("profile", "cluser")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("single, cluster").hasMessageContaining("'cluser'");
    }

    @Test
    void theClusterProfileReplicatesThreeTimesAndWritesToAMajority() {
        assertThat(Profile.CLUSTER.replication()).isEqualTo(3);
        assertThat(Profile.CLUSTER.minInsyncReplicas()).isEqualTo(2);
        assertThat(Profile.SINGLE.minInsyncReplicas()).isEqualTo(1);
    }

    @Test
    void theClusterProfileBatchesEveryThreeSecondsUnlessTheBatchIntervalIsSet() throws IOException {
        assertThat(LabSettings.load(home, Map.of(), Map.of("profile", "cluster")).count("stream.batch.ms")).isEqualTo(3000);
        assertThat(LabSettings.load(home, Map.of("LAB_PROFILE", "cluster", "LAB_STREAM_BATCH_MS", "1000"), Map.of())
                .count("stream.batch.ms")).isEqualTo(1000);
        Files.writeString(home.resolve("lab.properties"), "profile=cluster\nstream.batch.ms=2000\n");
        assertThat(LabSettings.load(home, Map.of(), Map.of()).count("stream.batch.ms")).isEqualTo(2000);
        assertThat(LabSettings.load(home, Map.of(), Map.of("profile", "single")).count("stream.batch.ms")).isEqualTo(2000);
        Files.writeString(home.resolve("lab.properties"), "profile=cluster\n");
        assertThat(LabSettings.load(home, Map.of(), Map.of("profile", "single")).count("stream.batch.ms"))
                .as("a single-node lab keeps its own default").isEqualTo(1000);
    }

    @Test
    void labUpKeepsTheProfileInTheSettingsFileBesideItsOtherLines() throws IOException {
        Files.writeString(home.resolve("lab.properties"), "# mine\nkafka.port=19092\nprofile = single\n");
        SettingsFile.set(home, "profile", "cluster");
        assertThat(Files.readAllLines(home.resolve("lab.properties")))
                .containsExactly("# mine", "kafka.port=19092", "profile=cluster");
        assertThat(LabSettings.load(home, Map.of(), Map.of()).profile()).isEqualTo(Profile.CLUSTER);
    }

    @Test
    void aHomesDataKeepsTheProfileThatMadeIt() throws IOException {
        LabSettings cluster = LabSettings.load(home, Map.of(), Map.of("profile", "cluster"));
        assertThat(ProfileOfData.read(cluster)).isEmpty();
        Files.createDirectories(cluster.dataDir().resolve("kafka"));
        assertThat(ProfileOfData.read(cluster)).contains(Profile.SINGLE); // a home from before the profiles
        ProfileOfData.write(cluster);
        assertThat(ProfileOfData.read(cluster)).contains(Profile.CLUSTER);
    }
}
