package lambdalab.lab.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VM's provisioning scripts (provisioning/*.sh) run without a VM: against a temporary root
 * (PROVISION_ROOT) in dry mode, where apt-get, systemctl, chown and runuser are recorded instead of
 * run. The repository they build is a fixture that looks built; Zeppelin's "release" is a tiny
 * tarball behind a file:// URL with its .sha512 beside it, so the download and checksum steps run
 * for real. The actual downloads, package installs and services are checked only in a real VM.
 */
class ProvisioningTest {

    private static final Path PROVISIONING = Path.of(System.getProperty("lab.repo"), "provisioning");
    private static final String RELEASE = "zeppelin-0.11.2-bin-netinst";
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path temp;

    private Path root;
    private Path repo;
    /** The interpreter group's folder as `-Pzeppelin` builds it. */
    private Path group;
    private Path tarball;
    private final Map<String, String> environment = new TreeMap<>();

    @BeforeEach
    void fixtures() throws Exception {
        root = Files.createDirectories(temp.resolve("root"));
        repo = Files.createDirectories(root.resolve("lab"));
        group = repo.resolve("lab-interpreter/target/interpreter/lab");
        // A repository that looks built: sources older than the build's stamp and outputs.
        executable(repo.resolve("lab"), "#!/bin/sh\necho 'the lab script must not run in these tests' >&2\nexit 9\n");
        write(repo.resolve("pom.xml"), "<project/>");
        write(repo.resolve("shared-jar/src/main/java/A.java"), "class A {}");
        write(repo.resolve("lab-cli/target/classes/lambdalab/lab/spark-jvm-flags.txt"),
                "--add-opens=java.base/java.lang=ALL-UNNAMED\n");
        try (InputStream notebookFlags = ProvisioningTest.class.getResourceAsStream("/lambdalab/lab/notebook-jvm-flags.txt")) {
            Files.copy(notebookFlags, repo.resolve("lab-cli/target/classes/lambdalab/lab/notebook-jvm-flags.txt"));
        }
        write(group.resolve("lab-interpreter-0.1.0-SNAPSHOT.jar"), "not really a jar");
        write(group.resolve("spark-core_2.13-3.5.1.jar"), "a jar it runs on");
        write(group.resolve("interpreter-setting.json"), "[]");
        write(repo.resolve("notebooks/01 Environment_2LLAB0001.zpln"), "{\"id\": \"2LLAB0001\"}");
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));
            }
        }
        write(repo.resolve("lab-cli/target/lab-build.stamp"), "");
        FileTime built = FileTime.from(Instant.now().minusSeconds(60));  // before any file a test writes
        Files.setLastModifiedTime(repo.resolve("lab-cli/target/lab-build.stamp"), built);
        Files.setLastModifiedTime(group.resolve("lab-interpreter-0.1.0-SNAPSHOT.jar"), built);

        // Zeppelin's "release": bin/zeppelin.sh in a top folder, as in the real tarball.
        Path release = temp.resolve("release/" + RELEASE);
        executable(release.resolve("bin/zeppelin.sh"), "#!/bin/sh\n");
        write(release.resolve("conf/zeppelin-site.xml.template"), "<configuration/>");
        tarball = temp.resolve("mirror/" + RELEASE + ".tgz");
        Files.createDirectories(tarball.getParent());
        assertThat(run(List.of("tar", "-czf", tarball.toString(), "-C", release.getParent().toString(), RELEASE))
                .exitCode()).isZero();
        publishChecksum(sha512(tarball));

        environment.put("PROVISION_ROOT", root.toString());
        environment.put("PROVISION_DRY", "1");
        environment.put("LAB_USER", System.getProperty("user.name"));
        environment.put("ZEPPELIN_URL", tarball.toUri().toString());
    }

    @Test
    void aSecondRunChangesNoFileAndRecordsNoSystemChange() throws Exception {
        Result first = provision("provision.sh");
        assertThat(first.exitCode()).as(first.output()).isZero();
        List<String> recorded = recorded();
        assertThat(recorded).as(first.output()).contains(
                "apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless openjdk-8-jdk-headless ca-certificates curl socat nftables",
                "systemctl enable lambda-lab.service", "systemctl start lambda-lab.service",
                "systemctl enable lambda-lab-firewall.service", "systemctl start lambda-lab-firewall.service",
                "systemctl enable zeppelin.service", "systemctl start zeppelin.service",
                "systemctl enable lambda-lab-ui-forward.service", "systemctl start lambda-lab-ui-forward.service");
        assertThat(recorded).noneMatch(line -> line.startsWith("runuser"));  // nothing to build: the fixture is built
        Path zeppelin = root.resolve("opt/zeppelin-0.11.2");
        assertThat(Files.readSymbolicLink(root.resolve("opt/zeppelin"))).isEqualTo(Path.of("zeppelin-0.11.2"));
        assertThat(zeppelin.resolve("bin/zeppelin.sh")).isExecutable();
        assertThat(zeppelin.resolve("interpreter/lab/lab-interpreter-0.1.0-SNAPSHOT.jar")).hasContent("not really a jar");
        assertThat(zeppelin.resolve("interpreter/lab/spark-core_2.13-3.5.1.jar")).hasContent("a jar it runs on");
        assertThat(zeppelin.resolve("notebook/Lambda Lab/01 Environment_2LLAB0001.zpln")).exists();
        assertThat(Files.readString(zeppelin.resolve("conf/zeppelin-env.sh")))
                .contains("export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-")
                .contains("ZEPPELIN_INTP_JAVA_OPTS=\"--add-opens=java.base/java.lang=ALL-UNNAMED\"")
                // the heap and compiler of `lab notebooks run` and of the suite's run over Zeppelin's protocol
                .contains("ZEPPELIN_INTP_MEM=\"-Xms64m -Xmx1536m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m\"")
                .contains("export JAVA_HOME=\"${JAVA_HOME:-/usr/lib/jvm/java-8-openjdk-");
        assertThat(root.resolve("var/cache/lambda-lab/" + RELEASE + ".tgz")).doesNotExist();  // removed once unpacked

        Map<String, String> before = snapshot();
        Result second = provision("provision.sh");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(recorded()).as("system changes recorded by the second run").isEqualTo(recorded);
        assertThat(snapshot()).as("files after the second run").isEqualTo(before);
        assertThat(second.output()).doesNotContain("wrote ", "downloading");
    }

    @Test
    void zeppelinsThriftPortsAreFixedAndAcceptedOnLoopbackOnly() throws Exception {
        Result result = provision("provision.sh");
        assertThat(result.exitCode()).as(result.output()).isZero();

        String site = Files.readString(root.resolve("opt/zeppelin-0.11.2/conf/zeppelin-site.xml"));
        String eventPorts = property(site, "zeppelin.server.rpc.portRange");
        String interpreterPorts = property(site, "zeppelin.interpreter.rpc.portRange");
        assertThat(eventPorts).as("the server's event port, fixed").matches("(\\d+):\\1");
        assertThat(interpreterPorts).as("the interpreter processes' ports, fixed").matches("\\d+:\\d+");
        String ports = eventPorts.split(":")[0] + ", " + interpreterPorts.replace(':', '-');
        String rules = Files.readString(root.resolve("etc/lambda-lab/zeppelin-ports.nft"));
        assertThat(rules.lines().map(String::strip).filter(line -> line.contains("dport")).toList())
                .as("the same ports: accepted on lo, dropped on any other interface, in that order")
                .containsExactly("iifname \"lo\" tcp dport { " + ports + " } accept", "tcp dport { " + ports + " } drop");
        assertThat(rules).contains("type filter hook input priority 0; policy accept;");
        String firewall = Files.readString(root.resolve("etc/systemd/system/lambda-lab-firewall.service"));
        assertThat(firewall).contains("ExecStart=/usr/sbin/nft -f /etc/lambda-lab/zeppelin-ports.nft",
                "Before=zeppelin.service");
        assertThat(Files.readString(root.resolve("etc/systemd/system/zeppelin.service")))
                .as("Zeppelin never starts without the rules").contains("Requires=lambda-lab-firewall.service")
                .containsPattern("After=.*lambda-lab-firewall.service");
        assertThat(recorded()).containsSubsequence("systemctl start lambda-lab-firewall.service",
                "systemctl start zeppelin.service");
    }

    private static String property(String site, String name) {
        Matcher value = Pattern.compile("<name>" + Pattern.quote(name) + "</name><value>([^<]*)</value>").matcher(site);
        assertThat(value.find()).as("%s in zeppelin-site.xml", name).isTrue();
        return value.group(1);
    }

    @Test
    void aChangedSourceRebuildsTheLabAndTheInterpreterGroup() throws Exception {
        write(repo.resolve("shared-jar/src/main/java/B.java"), "class B {}");  // newer than both outputs
        Result result = provision("20-build.sh");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(recorded()).hasSize(2).satisfiesExactly(
                lab -> assertThat(lab).startsWith("runuser -u " + System.getProperty("user.name") + " -- env HOME=")
                        .endsWith(repo.resolve("lab") + " settings"),
                interpreter -> assertThat(interpreter).contains("./mvnw -B -q -Pzeppelin package -DskipTests -pl lab-interpreter -am"));
    }

    @Test
    void aRebuiltGroupReplacesTheInstalledOneJarForJar() throws Exception {
        assertThat(provision("40-zeppelin.sh").exitCode()).isZero();
        // a build with a newer Spark: the old jar must not stay beside the new one, Zeppelin would load both
        Files.delete(group.resolve("spark-core_2.13-3.5.1.jar"));
        write(group.resolve("spark-core_2.13-3.5.2.jar"), "the newer jar");

        Result result = provision("40-zeppelin.sh");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("removed /opt/zeppelin-0.11.2/interpreter/lab/spark-core_2.13-3.5.1.jar");
        try (Stream<Path> installed = Files.list(root.resolve("opt/zeppelin-0.11.2/interpreter/lab"))) {
            assertThat(installed.map(file -> file.getFileName().toString()).sorted().toList()).containsExactly(
                    "interpreter-setting.json", "lab-interpreter-0.1.0-SNAPSHOT.jar", "spark-core_2.13-3.5.2.jar");
        }
    }

    @Test
    void aGroupNotBuiltStopsWithAClearMessage() throws Exception {
        Files.delete(group.resolve("lab-interpreter-0.1.0-SNAPSHOT.jar"));
        Result result = provision("40-zeppelin.sh");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("the interpreter group is not built; run provisioning/20-build.sh",
                "troubleshooting.md#zeppelin-interpreter-not-found");
    }

    @Test
    void aWrongChecksumStopsWithAClearMessageAndInstallsNothing() throws Exception {
        publishChecksum("0".repeat(128));
        Result result = provision("40-zeppelin.sh");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("checksum mismatch for " + RELEASE + ".tgz",
                "expected SHA-512 " + "0".repeat(128), "got " + sha512(tarball),
                "troubleshooting.md#zeppelin-checksum");
        assertThat(root.resolve("opt/zeppelin-0.11.2")).doesNotExist();
        assertThat(root.resolve("var/cache/lambda-lab/" + RELEASE + ".tgz")).doesNotExist();
        assertThat(root.resolve("etc/systemd/system/zeppelin.service")).doesNotExist();
    }

    @Test
    void anUnreachableReleaseStopsWithAClearMessage() throws Exception {
        environment.put("ZEPPELIN_URL", temp.resolve("nowhere/" + RELEASE + ".tgz").toUri().toString());
        Result result = provision("40-zeppelin.sh");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("could not download", "troubleshooting.md#provision-offline");
        assertThat(root.resolve("opt/zeppelin-0.11.2")).doesNotExist();
    }

    @Test
    void noNotesYetIsNotAnError() throws Exception {
        Files.delete(repo.resolve("notebooks/01 Environment_2LLAB0001.zpln"));
        Files.delete(repo.resolve("notebooks"));
        Result result = provision("40-zeppelin.sh");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("no notes in /lab/notebooks/ yet");
        assertThat(root.resolve("opt/zeppelin-0.11.2/notebook/Lambda Lab")).isEmptyDirectory();
    }

    @Test
    void theSystemdUnitsPassSystemdAnalyzeVerify() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assertThat(analyze).as("systemd-analyze (package systemd) is needed by this test").isExecutable();
        Result provisioned = provision("provision.sh");
        assertThat(provisioned.exitCode()).as(provisioned.output()).isZero();

        // A root of its own for systemd: its targets (multi-user.target, ...) and a file at the
        // path of every command the units run, as in the VM.
        Path verifyRoot = Files.createDirectories(temp.resolve("verify-root"));
        Path systemUnits = Files.createDirectories(verifyRoot.resolve("usr/lib/systemd/system"));
        try (Stream<Path> units = Files.list(Path.of("/usr/lib/systemd/system"))) {
            for (Path unit : units.filter(p -> p.toString().endsWith(".target")).toList()) {
                Files.copy(unit, systemUnits.resolve(unit.getFileName()));
            }
        }
        List<String> arguments = new ArrayList<>(List.of(analyze.toString(), "--root=" + verifyRoot, "verify"));
        Pattern exec = Pattern.compile("(?m)^Exec\\w+=[-@:+!]*(/\\S+)");
        for (String name : List.of("lambda-lab.service", "lambda-lab-firewall.service", "zeppelin.service",
                "lambda-lab-ui-forward.service")) {
            Path unit = verifyRoot.resolve("etc/systemd/system/" + name);
            write(unit, Files.readString(root.resolve("etc/systemd/system/" + name)));
            Matcher command = exec.matcher(Files.readString(unit));
            while (command.find()) {
                Path target = verifyRoot.resolve(command.group(1).substring(1));
                if (!Files.exists(target)) {
                    executable(target, "#!/bin/sh\n");
                }
            }
            arguments.add(unit.toString());
        }
        Result verify = run(arguments);
        // systemd-analyze reports a bad directive as a warning with exit code 0: any output fails.
        assertThat(verify.output()).as("systemd-analyze verify output").isEmpty();
        assertThat(verify.exitCode()).isZero();
    }

    @Test
    void everyTroubleshootingLinkHasItsEntry() throws IOException {
        Path repository = PROVISIONING.getParent();
        String guide = Files.readString(repository.resolve("troubleshooting.md"));
        Pattern link = Pattern.compile("troubleshooting\\.md#([a-z0-9-]+)");
        List<Path> sources = new ArrayList<>(List.of(repository.resolve("Vagrantfile"), repository.resolve("lab")));
        for (Path folder : List.of(PROVISIONING, repository.resolve("lab-cli/src/main"), repository.resolve("services"),
                repository.resolve("shared-jar/src/main"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).filter(file -> !file.toString().contains("/target/"))
                        .forEach(sources::add);
            }
        }
        int links = 0;
        for (Path source : sources) {
            Matcher matcher = link.matcher(Files.readString(source));
            while (matcher.find()) {
                links++;
                assertThat(guide).as("%s links to troubleshooting.md#%s", source, matcher.group(1))
                        .contains("<a id=\"" + matcher.group(1) + "\"></a>");
            }
        }
        assertThat(links).as("links found").isGreaterThan(10);
    }

    private Result provision(String script) throws Exception {
        List<String> command = List.of("bash", PROVISIONING.resolve(script).toString());
        return run(command);
    }

    private Result run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }

    private List<String> recorded() throws IOException {
        Path log = root.resolve("var/lib/lambda-lab-provision/dry-run.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** Every file, folder and link under the root with its content digest, mode and time. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String key = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    entries.put(key, "link " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path)) {
                    entries.put(key, "dir");
                } else {
                    entries.put(key, sha512(path) + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(path))
                            + " " + Files.getLastModifiedTime(path));
                }
            }
        }
        return entries;
    }

    private void publishChecksum(String hex) throws IOException {
        write(Path.of(tarball + ".sha512"), hex + "  " + RELEASE + ".tgz\n");
    }

    private static String sha512(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void executable(Path file, String content) throws IOException {
        write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
