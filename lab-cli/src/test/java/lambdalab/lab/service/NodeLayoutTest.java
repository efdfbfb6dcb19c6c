package lambdalab.lab.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.RepoLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeLayoutTest {

    @TempDir
    Path home;

    private LabSettings settings(Map<String, String> overrides) {
        return LabSettings.load(home, Map.of(), overrides);
    }

    private LabServices services(Map<String, String> overrides) {
        return LabServices.of(settings(overrides), new RepoLayout(Path.of(System.getProperty("lab.repo"))));
    }

    @Test
    void aSingleNodeLabKeepsItsNamesAndPorts() {
        LabServices single = services(Map.of());
        assertThat(single.names()).containsExactly("kafka", "cassandra", "namenode", "datanode");
        assertThat(single.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(single.all()).flatExtracting(LabService::endpoints).extracting(Endpoint::address)
                .containsExactly("127.0.0.1:9092", "127.0.0.1:9093", "127.0.0.1:9042", "127.0.0.1:7000",
                        "127.0.0.1:7199", "127.0.0.1:9000", "127.0.0.1:9870", "127.0.0.1:9866", "127.0.0.1:9864",
                        "127.0.0.1:9867");
    }

    @Test
    void theClusterProfileRunsThreeNodesOfEachServiceOnDistinctLoopbackEndpoints() {
        LabServices cluster = services(Map.of("profile", "cluster"));
        assertThat(cluster.names()).containsExactly("kafka", "kafka-2", "kafka-3", "cassandra", "cassandra-2",
                "cassandra-3", "namenode", "datanode", "datanode-2", "datanode-3", "spark-master", "spark-worker",
                "spark-worker-2");
        List<Endpoint> endpoints = cluster.all().stream().flatMap(s -> s.endpoints().stream()).toList();
        assertThat(endpoints).extracting(Endpoint::address).doesNotHaveDuplicates();
        assertThat(endpoints).extracting(Endpoint::host).allMatch(host -> host.startsWith("127.0.0."));
        assertThat(cluster.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:9292");
        assertThat(cluster.cassandraNodes()).extracting(s -> s.mainEndpoint().address())
                .containsExactly("127.0.0.1:9042", "127.0.0.2:9042", "127.0.0.3:9042");
        assertThat(cluster.cassandraNodes()).extracting(s -> s.endpoints().get(2).address())
                .containsExactly("127.0.0.1:7199", "127.0.0.1:7299", "127.0.0.1:7399");
        assertThat(cluster.dataNodes()).extracting(s -> s.mainEndpoint().address())
                .containsExactly("127.0.0.1:9866", "127.0.0.1:9966", "127.0.0.1:10066");
        assertThat(cluster.sparkMaster().orElseThrow().endpoints()).extracting(Endpoint::address)
                .containsExactly("127.0.0.1:7077", "127.0.0.1:8090");
        assertThat(cluster.sparkWorkers()).flatExtracting(LabService::endpoints).extracting(Endpoint::address)
                .containsExactly("127.0.0.1:7078", "127.0.0.1:8091", "127.0.0.1:7178", "127.0.0.1:8191");
        assertThat(cluster.sparkSubmission()).isPresent();
    }

    @Test
    void onlyTheClusterProfileRunsASparkClusterAndSubmitsItsJobs() {
        LabServices single = services(Map.of());
        assertThat(single.sparkMaster()).isEmpty();
        assertThat(single.sparkWorkers()).isEmpty();
        assertThat(single.sparkSubmission()).isEmpty();
    }

    @Test
    void aClusterOnAnotherInstancesBasePortsStaysClearOfTheDefaultLab() {
        // the ports of the README's second instance
        Map<String, String> ports = Map.ofEntries(Map.entry("profile", "cluster"), Map.entry("kafka.port", "19092"),
                Map.entry("kafka.controller.port", "19093"), Map.entry("cassandra.port", "19042"),
                Map.entry("cassandra.storage.port", "17000"), Map.entry("cassandra.jmx.port", "17199"),
                Map.entry("hdfs.namenode.port", "19000"), Map.entry("hdfs.namenode.http.port", "19870"),
                Map.entry("hdfs.datanode.port", "19866"), Map.entry("hdfs.datanode.http.port", "19864"),
                Map.entry("hdfs.datanode.ipc.port", "19867"));
        Set<Integer> clusterPorts = new HashSet<>();
        services(ports).all().forEach(s -> s.endpoints().forEach(e -> clusterPorts.add(e.port())));
        Set<Integer> defaultPorts = new HashSet<>();
        services(Map.of()).all().forEach(s -> s.endpoints().forEach(e -> defaultPorts.add(e.port())));
        assertThat(clusterPorts).doesNotContainAnyElementsOf(defaultPorts);
    }

    @Test
    void everyNodeKnowsTheWholeQuorumAndEverySeed() {
        NodeLayout layout = new NodeLayout(settings(Map.of("profile", "cluster")));
        assertThat(layout.kafkaQuorumVoters(3)).isEqualTo("1@127.0.0.1:9093,2@127.0.0.1:9193,3@127.0.0.1:9293");
        assertThat(layout.cassandraSeeds(3)).isEqualTo("127.0.0.1:7000,127.0.0.2:7000,127.0.0.3:7000");
        assertThat(layout.cassandraSeeds(1)).isEqualTo("127.0.0.1:7000");
    }

    @Test
    void theNodesTokensInterleaveEvenlyWithoutCollisions() {
        List<BigInteger> all = new java.util.ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            List<BigInteger> tokens = Arrays.stream(NodeLayout.cassandraTokens(node, 3, 16).split(","))
                    .map(BigInteger::new).toList();
            assertThat(tokens).hasSize(16).isSorted();
            all.addAll(tokens);
        }
        assertThat(all).doesNotHaveDuplicates()
                .allMatch(t -> t.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) >= 0
                        && t.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) <= 0);
        List<BigInteger> sorted = all.stream().sorted().toList();
        BigInteger gap = sorted.get(1).subtract(sorted.get(0));
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).subtract(sorted.get(i - 1)).subtract(gap).abs()).isLessThanOrEqualTo(BigInteger.ONE);
        }
    }

    @Test
    void aNodeBeyondTheLoopbackRangeOrThePortRangeIsRefusedWithTheSettingToChange() {
        NodeLayout wide = new NodeLayout(settings(Map.of("profile", "cluster", "bind.address", "10.0.0.5")));
        assertThatThrownBy(() -> wide.cassandraAddress(2)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("127.0.0.0/8").hasMessageContaining("10.0.0.5");
        NodeLayout high = new NodeLayout(settings(Map.of("profile", "cluster", "kafka.port", "65400")));
        assertThatThrownBy(() -> high.port("kafka.port", 3)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("65600").hasMessageContaining("kafka.port");
    }
}
