package lambdalab.lab.it;

import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import lambdalab.course.LabEndpoints;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.speed.StreamSettings;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.Lab;
import lambdalab.lab.progress.ProgressReport;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.Profile;
import lambdalab.lab.settings.RepoLayout;
import lambdalab.lab.system.FreePorts;
import lambdalab.lab.system.LabProcesses;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The lab instance of a test run: started ONCE per test JVM (in a temporary home, on free ports, so
 * a lab the user has running is never touched) by the first test class that asks for it, and stopped
 * when the JVM ends. Its supervisor also stops it if this JVM dies ({@code --exit-with}).
 *
 * <p>Use it with {@code @ExtendWith(TestLab.Extension.class)} and a {@code TestLab} parameter.
 */
public final class TestLab implements AutoCloseable {

    private static TestLab shared;

    private final Lab lab;
    private final Path home;

    private TestLab(Lab lab, Path home) {
        this.lab = lab;
        this.home = home;
    }

    public Lab lab() {
        return lab;
    }

    /**
     * A test lab's jobs live for seconds to minutes: C2's compilations would cost more CPU than they
     * save (the services run without C2 in every lab). Measured on a 4-minute session (up, stream at
     * 2,000 events/s, a batch run): the services' CPU 122 s with C2, 74 s without. Nor do its jobs
     * touch every page of their heap before they start: for the speed layer's 1 GB that is 2 s of CPU
     * at each of the run's thirty-odd job starts, for a speed that a few thousand events never need.
     * Nor does the speed layer warm up before reading (`stream.warm.up`): 4-6 s at each start, for a
     * live pace the tests do not keep.
     */
    private static final Map<String, String> SHORT_LIVED_JVMS = Map.of(
            "jobs.jvm.options", "-XX:TieredStopAtLevel=1 -XX:-AlwaysPreTouch", "stream.warm.up", "false");

    /** A new, not yet started instance in its own temporary home on free ports (for every node of its profile). */
    public static Lab newInstance(String prefix, Map<String, String> extraSettings) {
        try {
            Path home = Files.createTempDirectory(prefix);
            Profile profile = Profile.parse(extraSettings.getOrDefault("profile", Profile.SINGLE.settingValue()));
            Map<String, String> overrides = new LinkedHashMap<>(FreePorts.forProfile(profile));
            overrides.putAll(SHORT_LIVED_JVMS);
            overrides.putAll(extraSettings);
            return new Lab(LabSettings.load(home, Map.of(), overrides), RepoLayout.fromSystemProperty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends an instance and deletes its home. Its data goes with it, so nothing needs a graceful stop:
     * the supervisor and every process under it (services, jobs, Spark executors, class-archive
     * dumps) are killed, by PID, at once; a graceful stop took 32 s for the cluster lab. The lab's
     * own stop then clears whatever escaped (by its PID files) and checks that its ports are free.
     * `lab down`'s graceful stop is {@code LabLifecycleIT}'s.
     */
    public static void destroy(Lab lab) {
        lab.runningSupervisor().ifPresent(TestLab::killWithEverythingUnder);
        lab.stop(System.out);
        lab.wipe();
        try {
            Files.deleteIfExists(lab.settings().home().resolve("lab.properties"));
            Files.deleteIfExists(ProgressReport.file(lab.settings().home())); // `lab reset` keeps a learner's progress
            Files.deleteIfExists(lab.settings().home());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills a process and its descendants (listed first: once it is dead they are no longer its own). */
    private static void killWithEverythingUnder(ProcessHandle root) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        tree.forEach(ProcessHandle::destroyForcibly); // the root first: no restart of what follows
        for (ProcessHandle process : tree) {
            LabProcesses.waitForExit(process, Duration.ofSeconds(30));
        }
    }

    /**
     * Empties what the course's defaults write, on the running services: the stream job stopped,
     * its topics deleted, the HDFS folder {@code /lambda} deleted and every table of keyspace
     * {@code lambda} truncated. For a test about the defaults (the README's sequence, the demo) on
     * the run's one lab, whatever ran before it; much faster than a lab of its own.
     */
    public void wipeCourseData() throws Exception {
        LabCli.run(lab, "stream", "stop");
        LabEndpoints endpoints = lab.endpoints();
        Set<String> topics = Set.of(lab.settings().get("stream.topic"), StreamSettings.DEAD_LETTER_TOPIC);
        try (Admin admin = Admin.create(KafkaTopics.adminConfig(endpoints.kafkaBootstrapServers()))) {
            Set<String> present = new HashSet<>(admin.listTopics().names().get());
            present.retainAll(topics);
            admin.deleteTopics(present).all().get();
            // deletion finishes in the background: a topic re-created too early would be the old one
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.listTopics().names().get().stream()
                    .noneMatch(topics::contains));
        }
        org.apache.hadoop.fs.Path course = new org.apache.hadoop.fs.Path(endpoints.hdfsUri() + "/lambda");
        course.getFileSystem(LabSpark.hadoopConfiguration(endpoints)).delete(course, true);
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            session.getMetadata().getKeyspace(LambdaSchema.KEYSPACE).ifPresent(keyspace -> keyspace.getTables()
                    .keySet().forEach(table -> session.execute("TRUNCATE " + LambdaSchema.KEYSPACE + "." + table)));
        }
    }

    static TestLab start() {
        Lab lab = newInstance("lab-test-", Map.of());
        System.out.println("Starting the test lab in " + lab.settings().home());
        if (!lab.startInBackground(System.out, OptionalLong.of(ProcessHandle.current().pid()))) {
            destroy(lab);
            throw new IllegalStateException("The test lab did not start; see the lines above.");
        }
        return new TestLab(lab, lab.settings().home());
    }

    @Override
    public void close() {
        System.out.println("Stopping the test lab in " + home);
        destroy(lab);
    }

    /**
     * This JVM's instance, started on first use and stopped when the tests end ({@link TestLabSession}),
     * or else when the JVM ends. Not JUnit's root store: with several test JVMs (forkCount), Surefire
     * runs each test class as a launch of its own, whose root store is closed after the class, which
     * would start a lab per class.
     */
    static synchronized TestLab shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestLab::stopShared, "stop-test-lab"));
        }
        return shared;
    }

    /** Stops this JVM's instance if one was started; once. */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** Resolves {@code TestLab} parameters with this JVM's one instance. */
    public static final class Extension implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestLab.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return shared();
        }
    }
}
