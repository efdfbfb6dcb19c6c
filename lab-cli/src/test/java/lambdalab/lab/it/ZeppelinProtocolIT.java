package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import lambdalab.interpreter.NoteFile;
import lambdalab.interpreter.NoteRunner;
import lambdalab.interpreter.ParagraphOutcome;
import lambdalab.interpreter.RunListener;
import lambdalab.lab.notebooks.InterpreterProperties;
import lambdalab.lab.settings.RepoLayout;
import lambdalab.lab.zeppelin.EventService;
import lambdalab.lab.zeppelin.InterpreterProcess;
import lambdalab.lab.zeppelin.PackagedGroup;
import lambdalab.lab.zeppelin.ProtocolEngine;
import lambdalab.lab.zeppelin.ThriftInterpreter;
import lambdalab.lab.zeppelin.ZeppelinProtocol;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterOutput;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.thrift.InterpreterCompletion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code lab} group (-Pzeppelin) in Zeppelin's own interpreter process (RemoteInterpreterServer,
 * from Zeppelin's API jar), driven over Zeppelin's Thrift protocol by the lab's harness playing Zeppelin's
 * server, against the test lab. The suite builds with -Pzeppelin (`./lab test`); without it the first start
 * packages the group itself (about a minute). One process serves the tests of single calls and then a note,
 * whose test ends by shutting it down (a start costs about 20 s, most of it Spark's). Every course note
 * runs over the protocol too, compared with its run in this JVM: {@link NotebooksIT}.
 */
@ExtendWith(TestLab.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZeppelinProtocolIT {

    private static final String JAVA = "lambdalab.interpreter.JavaInterpreter";
    private static final RunListener QUIET = outcome -> { };

    /** The process of the tests of single calls and of the note test, which shuts it down. */
    private static ProtocolEngine shared;

    /** The folder laid out like Zeppelin's for it, of links to the built jars. */
    private static Path sharedHome;

    @TempDir
    Path temp;

    @BeforeAll
    static void startShared(TestLab testLab, @TempDir Path home) throws Exception {
        sharedHome = home;
        shared = start(testLab, home);
        shared.runnerForNote().close(); // createInterpreter for each interpreter of the group
    }

    @AfterAll
    static void stopShared() throws IOException {
        if (shared != null) {
            shared.close();
        }
        removeLinks(sharedHome);
    }

    /** JUnit deletes a temporary folder's links too, but warns, in a line each, about those that point outside it. */
    private static void removeLinks(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path link : paths.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    @Test
    @Order(1)
    void progressIsPolledWhileAParagraphRunsAndCancelStopsIt() throws Exception {
        ThriftInterpreter java = new ThriftInterpreter(new Properties(), shared.process(), ProtocolEngine.SESSION,
                JAVA, "lab.java");
        java.open();
        InterpreterContext slow = context("p-slow");
        // 60 one-second tasks on local[2]: half a minute unless cancelled
        CompletableFuture<InterpreterResult> running = CompletableFuture.supplyAsync(() -> interpret(java, """
                spark.range(0, 60, 1, 60).foreach((org.apache.spark.api.java.function.ForeachFunction<Long>) i -> Thread.sleep(1000));
                System.out.println("not cancelled");
                """, slow));
        // the first paragraph with Spark: on a busy machine its compile and the job's start take long
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (java.observed().maxProgress() == 0 && System.nanoTime() < deadline && !running.isDone()) {
            Thread.sleep(200);
        }
        assertThat(java.observed().maxProgress()).as("progress polled while it ran").isBetween(1, 99);
        assertThat(java.observed().statuses()).as("statuses polled while it ran").contains("RUNNING");

        java.cancel(slow);
        InterpreterResult cancelled = running.get(30, TimeUnit.SECONDS);

        assertThat(cancelled.code()).isEqualTo(InterpreterResult.Code.ERROR);
        assertThat(cancelled.toString()).doesNotContain("not cancelled");
        InterpreterResult after = interpret(java, "System.out.println(\"still here\");", context("p-after"));
        assertThat(after.code()).as(after.toString()).isEqualTo(InterpreterResult.Code.SUCCESS);
        assertThat(after.message()).extracting(message -> message.getData()).containsExactly("still here\n");
        assertThat(java.observed().failedPolls()).isZero();
    }

    @Test
    @Order(2)
    void completionComesFromTheProcessesRepl() throws Exception {
        ThriftInterpreter java = new ThriftInterpreter(new Properties(), shared.process(), ProtocolEngine.SESSION,
                JAVA, "lab.java");
        java.open();
        interpret(java, "String greeting = \"hello\";", context("p-define"));

        List<InterpreterCompletion> completions = java.completion("greeting.toUpp", 14, context("p-complete"));

        assertThat(completions).extracting(InterpreterCompletion::getValue).contains("toUpperCase(");
    }

    @Test
    @Order(3)
    void aNoteRunsInZeppelinsProcessWhichStopsOnShutdownLeavingNothingRunning() throws Exception {
        ProtocolEngine engine = shared;
        InterpreterProcess process = engine.process();
        NoteFile note = note("""
                {"id": "2TESTPROTO", "name": "Over the protocol", "defaultInterpreterGroup": "lab", "paragraphs": [
                  {"id": "p1", "title": "java", "text": "%lab.java\\nint total = 2 + 2;\\nSystem.out.println(\\"total \\" + total);", "config": {}},
                  {"id": "p2", "title": "sql", "text": "%lab.sql\\nSELECT 1 AS one, 'a' AS letter", "config": {}},
                  {"id": "p3", "title": "cql", "text": "%lab.cql\\nSELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = 'system'", "config": {}},
                  {"id": "p4", "title": "md", "text": "%md\\n# Title", "config": {}},
                  {"id": "p5", "title": "state", "text": "%lab.java\\ncheckEquals(5, total, \\"the total\\");", "config": {}},
                  {"id": "p6", "title": "after", "text": "%lab.sql\\nSELECT 2", "config": {}}
                ]}
                """);
        List<ParagraphOutcome> outcomes;
        try {
            assertThat(process.address().getHost()).as("the address it registered with").isEqualTo("127.0.0.1");
            assertThat(processArguments(process)).as("the command line of Zeppelin's interpreter.sh")
                    .containsSubsequence("-cp", InterpreterProcess.SERVER_CLASS, "127.0.0.1")
                    .contains("lab-shared_process", ":", "-Dfile.encoding=UTF-8", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
            try (NoteRunner runner = engine.runnerForNote()) {
                outcomes = runner.run(note, QUIET);
            }
            assertThat(process.events().outputOf("2TESTPROTO", "p1")).as("p1's output streamed as events")
                    .extracting(EventService.OutputEvent::data).anyMatch(data -> data.contains("total 4"));
        } finally {
            engine.close();
        }

        assertThat(outcomes).extracting(ParagraphOutcome::status).containsExactly("FINISHED", "FINISHED", "FINISHED",
                "FINISHED", "ERROR", "SKIPPED");
        assertThat(outcomes.get(0).text()).isEqualTo("total 4\n");
        assertThat(outcomes.get(1).messages()).extracting(message -> message.getType() + " " + message.getData())
                .containsExactly("TABLE one\tletter\n1\ta\n");
        assertThat(outcomes.get(2).messages()).extracting(message -> message.getType() + " " + message.getData())
                .containsExactly("TABLE keyspace_name\nsystem\n");
        assertThat(outcomes.get(4).text()).contains("Check failed: the total: expected 5, got 4");
        assertThat(note.paragraphs().get(1).path("results").path("msg").get(0).path("type").asText())
                .as("recorded in Zeppelin's note shape").isEqualTo("TABLE");

        assertThat(process.events().unregistered()).as("it unregistered").isCompletedWithValue("lab-shared_process");
        assertThat(process.isAlive()).as("the process exited").isFalse();
        assertThat(ProcessHandle.of(process.pid())).isEmpty();
        assertThat(portOpen(process.address().getPort())).as("its Thrift port is closed").isFalse();
    }

    @Test
    @Order(4)
    void thePackagedGroupBundlesNoneOfZeppelinsOwnClassesAndNoClassTwice() throws IOException {
        PackagedGroup packaged = PackagedGroup.in(RepoLayout.fromSystemProperty().root());
        assertThat(packaged.interpreterJar()).as("the interpreter's own jar in " + packaged.groupFolder()).isPresent();
        List<String> zeppelinClasses = new ArrayList<>();
        List<String> ambiguous = new ArrayList<>();
        Map<String, ClassEntry> firstSeen = new HashMap<>();
        for (Path jarFile : packaged.jars()) {
            try (ZipFile jar = new ZipFile(jarFile.toFile())) {
                for (ZipEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.equals("module-info.class")) {
                        continue; // a module's descriptor, and a multi-release jar's versions/: no class of the path
                    }
                    if (name.startsWith("org/apache/zeppelin/")) {
                        zeppelinClasses.add(jarFile.getFileName() + ": " + name);
                    }
                    ClassEntry seen = firstSeen.putIfAbsent(name, new ClassEntry(jarFile.getFileName().toString(), entry.getCrc()));
                    if (seen != null && seen.crc() != entry.getCrc()) {
                        ambiguous.add(name + " in " + seen.jar() + " and " + jarFile.getFileName());
                    }
                }
            }
        }
        assertThat(zeppelinClasses).as("classes that would shadow the Zeppelin install's own API").isEmpty();
        // Zeppelin's class path is the folder's *, in no set order: which of two differing copies loads is chance
        assertThat(ambiguous).as("classes held by two of the group's jars with different bytecode").isEmpty();
    }

    private record ClassEntry(String jar, long crc) {
    }

    static ProtocolEngine start(TestLab testLab, Path home) throws IOException, InterruptedException {
        Path repository = RepoLayout.fromSystemProperty().root();
        return ZeppelinProtocol.start(repository, home.resolve("zeppelin"),
                InterpreterProperties.of(testLab.lab(), repository), System.out);
    }

    private NoteFile note(String json) throws IOException {
        Path file = temp.resolve("note.zpln");
        Files.writeString(file, json);
        return NoteFile.read(file);
    }

    static InterpreterContext context(String paragraphId) {
        return InterpreterContext.builder().setNoteId("2TESTPROTO").setNoteName("Over the protocol")
                .setParagraphId(paragraphId).setInterpreterOut(new InterpreterOutput()).build();
    }

    static InterpreterResult interpret(ThriftInterpreter interpreter, String code, InterpreterContext context) {
        try {
            return interpreter.interpret(code, context);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> processArguments(InterpreterProcess process) {
        return ProcessHandle.of(process.pid()).flatMap(handle -> handle.info().arguments()).map(Arrays::asList)
                .orElse(List.of());
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
