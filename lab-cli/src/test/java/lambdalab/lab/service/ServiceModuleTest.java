package lambdalab.lab.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.RepoLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceModuleTest {

    @TempDir
    Path dir;

    @Test
    void rendersEveryPlaceholder() {
        assertThat(ServiceModule.render("listeners=PLAINTEXT://{{bind.address}}:{{kafka.port}}",
                Map.of("bind.address", "127.0.0.1", "kafka.port", "9092")))
                .isEqualTo("listeners=PLAINTEXT://127.0.0.1:9092");
    }

    @Test
    void aPlaceholderWithoutValueIsAnError() {
        assertThatThrownBy(() -> ServiceModule.render("port={{kafka.port}}", Map.of()))
                .isInstanceOf(ServiceException.class).hasMessageContaining("{{kafka.port}}");
    }

    @Test
    void jvmOptionsDropCommentsAndBlankLines() throws IOException {
        Files.writeString(dir.resolve("jvm.options"), "# heap\n-Xmx{{heap}}\n\n  -XX:+UseG1GC  \n");
        ServiceModule module = new ServiceModule("x", dir);
        assertThat(module.jvmOptions(Map.of("heap", "1g"))).containsExactly("-Xmx1g", "-XX:+UseG1GC");
    }

    @Test
    void anUnbuiltModuleSaysHowToBuildIt() {
        ServiceModule module = new ServiceModule("kafka", dir);
        assertThatThrownBy(module::classpath).isInstanceOf(ServiceException.class)
                .hasMessageContaining("services/kafka is not built").hasMessageContaining("./lab");
    }

    @Test
    void everyServiceRunsWithoutC2AndTakesTheServicesJvmOptionsSettingAfterThat() {
        for (LabService service : LabServices.of(settings(Map.of()), RepoLayout.fromSystemProperty()).all()) {
            assertThat(service.command()).as(service.name()).contains("-XX:TieredStopAtLevel=1");
        }
        LabServices all = LabServices.of(settings(Map.of("services.jvm.options",
                " -XX:TieredStopAtLevel=4   -XX:+UseSerialGC ")), RepoLayout.fromSystemProperty());
        for (LabService service : all.all()) {
            assertThat(service.command()).as(service.name() + ": the setting's option comes later, and the last wins")
                    .containsSubsequence("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4", "-XX:+UseSerialGC")
                    .doesNotContain("", " ");
        }
    }

    /** The first start formats in the service's own JVM; once the storage exists, the plain main runs. */
    @Test
    void kafkaAndTheNameNodeFormatTheirStorageInTheirOwnJvmOnTheFirstStartOnly() throws IOException {
        LabServices all = LabServices.of(settings(Map.of()), RepoLayout.fromSystemProperty());
        KafkaService kafka = all.kafka();
        NameNodeService nameNode = all.nameNode();
        kafka.prepare();
        nameNode.prepare();
        String config = kafka.confDir().resolve("server.properties").toString();
        assertThat(kafka.command()).containsSubsequence("lambdalab.services.kafka.KafkaMain", "--format-with-cluster-id")
                .endsWith(config);
        assertThat(nameNode.command()).endsWith("lambdalab.services.hdfs.NameNodeMain", "--format-first");

        Files.writeString(kafka.dataDir().resolve("meta.properties"), "formatted\n");
        Files.createDirectories(nameNode.dataDir().resolve("name/current"));
        Files.writeString(nameNode.dataDir().resolve("name/current/VERSION"), "formatted\n");
        assertThat(kafka.command()).endsWith("lambdalab.services.kafka.KafkaMain", config);
        assertThat(nameNode.command()).endsWith("lambdalab.services.hdfs.NameNodeMain");
    }

    @Test
    void theShippedServiceModulesRenderCompletely() {
        LabSettings settings = settings(Map.of());
        LabServices all = LabServices.of(settings, RepoLayout.fromSystemProperty());
        for (LabService service : all.all()) {
            service.prepare(); // renders every template (Kafka and the NameNode format in their own JVM, see above)
            assertThat(service.command()).contains("-Dlambdalab.service=" + service.name());
        }
        assertThat(settings.confDir().resolve("kafka/server.properties")).content()
                .contains("listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(settings.confDir().resolve("cassandra/cassandra.yaml")).content()
                .contains("rpc_address: 127.0.0.1");
    }

    /** Every home of one build maps the same archives, kept in the build: a new home starts as fast as an old one. */
    @Test
    void theServicesClassArchivesAreTheBuildsWhateverTheHome() throws IOException {
        RepoLayout repo = RepoLayout.fromSystemProperty();
        LabServices one = LabServices.of(settings(Map.of()), repo);
        LabServices other = LabServices.of(LabSettings.load(Files.createDirectories(dir.resolve("other-home")),
                Map.of(), Map.of("kafka.heap", "1g", "kafka.port", "19092")), repo);
        Path archive = one.kafka().classDataSharing().archive();
        assertThat(other.kafka().classDataSharing().archive()).isEqualTo(archive);
        assertThat(archive.getParent()).isEqualTo(repo.serviceModule("kafka").resolve("target/cds"));
        assertThat(one.cassandra().classDataSharing().archive()).isNotEqualTo(archive);
        assertThat(one.nameNode().classDataSharing().archive())
                .isNotEqualTo(one.dataNodes().get(0).classDataSharing().archive());
        LabServices cluster = LabServices.of(LabSettings.load(Files.createDirectories(dir.resolve("cluster-home")),
                Map.of(), Map.of("profile", "cluster")), repo);
        assertThat(cluster.kafkaNodes()).hasSize(3).allSatisfy(node ->
                assertThat(node.classDataSharing().archive()).as(node.name()).isEqualTo(archive));
        // the HDFS daemons read a config jar of their home: it is not part of their archives
        assertThat(other.nameNode().classDataSharing().archive()).isEqualTo(one.nameNode().classDataSharing().archive());
        Path dataNodeArchive = one.dataNodes().get(0).classDataSharing().archive();
        assertThat(other.dataNodes().get(0).classDataSharing().archive()).isEqualTo(dataNodeArchive);
        assertThat(cluster.dataNodes()).hasSize(3).allSatisfy(node ->
                assertThat(node.classDataSharing().archive()).as(node.name()).isEqualTo(dataNodeArchive));

        Path elsewhere = dir.resolve("archives");
        LabServices moved = LabServices.of(settings(Map.of("class.sharing.dir", elsewhere.toString())), repo);
        assertThat(moved.kafka().classDataSharing().archive().getParent()).isEqualTo(elsewhere);
    }

    /**
     * The HDFS daemons' configs come in a jar of their home, after the module's jars (which the class
     * archive holds): none of those may hold a file of the same name, or Hadoop would read that one.
     */
    @Test
    void theHdfsConfigJarComesLastAndNoJarBeforeItHoldsItsFiles() throws IOException {
        LabServices all = LabServices.of(settings(Map.of()), RepoLayout.fromSystemProperty());
        for (HdfsDaemon daemon : List.of(all.nameNode(), all.dataNodes().get(0))) {
            List<String> classpath = daemon.classpath();
            assertThat(classpath).as(daemon.name() + ": the module's jars, then the config jar").hasSizeGreaterThan(10);
            assertThat(classpath.get(classpath.size() - 1)).as(daemon.name()).endsWith("hdfs-conf.jar");
            for (String jar : classpath.subList(0, classpath.size() - 1)) {
                try (ZipFile zip = new ZipFile(jar)) {
                    for (String file : List.of("core-site.xml", "hdfs-site.xml", "log4j.properties")) {
                        assertThat(zip.getEntry(file)).as(jar + " holds " + file).isNull();
                    }
                }
            }
        }
    }

    /** Without an archive a service lists the classes it loads (the archive is written beside it), with one it maps it. */
    @Test
    void aServiceListsItsClassesUntilItsArchiveExistsThenMapsIt() throws IOException {
        Path archives = dir.resolve("archives");
        LabServices all = LabServices.of(settings(Map.of("class.sharing.dir", archives.toString())),
                RepoLayout.fromSystemProperty());
        KafkaService kafka = all.kafka();
        kafka.prepare();
        assertThat(kafka.command()).anyMatch(option -> option.startsWith("-XX:DumpLoadedClassList="))
                .noneMatch(option -> option.startsWith("-XX:SharedArchiveFile="));
        Files.createDirectories(archives);
        Files.writeString(kafka.classDataSharing().archive(), "an archive");
        assertThat(kafka.command()).contains("-XX:SharedArchiveFile=" + kafka.classDataSharing().archive())
                .noneMatch(option -> option.startsWith("-XX:DumpLoadedClassList="));
    }

    private LabSettings settings(Map<String, String> overrides) {
        return LabSettings.load(dir, Map.of(), overrides);
    }
}
