package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lambdalab.interpreter.NoteRunner;
import lambdalab.lab.zeppelin.ProtocolEngine;
import lambdalab.lab.zeppelin.ThriftInterpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.thrift.InterpreterCompletion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single calls of Zeppelin's protocol to the {@code lab} group in Zeppelin's interpreter process, as Zeppelin's
 * server and UI make them: progress and status polled while {@code interpret} blocks, {@code cancel},
 * {@code completion}. One process for the class (see {@link ZeppelinProtocolIT} for how it is started).
 */
@ExtendWith(TestLab.Extension.class)
class ZeppelinProtocolCallsIT {

    private static final String JAVA = "lambdalab.interpreter.JavaInterpreter";

    private static ProtocolEngine shared;
    private static NoteRunner sharedSession;

    /** One process for the tests of single calls (a start takes about 20 s, most of it Spark's). */
    @BeforeAll
    static void startShared(TestLab testLab, @TempDir Path home) throws Exception {
        shared = ZeppelinProtocolIT.start(testLab, home);
        sharedSession = shared.runnerForNote(); // createInterpreter for each interpreter of the group
    }

    @AfterAll
    static void stopShared() throws Exception {
        if (sharedSession != null) {
            sharedSession.close();
        }
        if (shared != null) {
            shared.close();
        }
    }

    @Test
    void progressIsPolledWhileAParagraphRunsAndCancelStopsIt() throws Exception {
        ThriftInterpreter java = new ThriftInterpreter(new Properties(), shared.process(), ProtocolEngine.SESSION,
                JAVA, "lab.java");
        java.open();
        InterpreterContext slow = ZeppelinProtocolIT.context("p-slow");
        // 60 one-second tasks on local[2]: half a minute unless cancelled
        CompletableFuture<InterpreterResult> running = CompletableFuture.supplyAsync(() -> ZeppelinProtocolIT.interpret(java, """
                spark.range(0, 60, 1, 60).foreach((org.apache.spark.api.java.function.ForeachFunction<Long>) i -> Thread.sleep(1000));
                System.out.println("not cancelled");
                """, slow));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (java.observed().maxProgress() == 0 && System.nanoTime() < deadline && !running.isDone()) {
            Thread.sleep(200);
        }
        assertThat(java.observed().maxProgress()).as("progress polled while it ran").isBetween(1, 99);
        assertThat(java.observed().statuses()).as("statuses polled while it ran").contains("RUNNING");

        java.cancel(slow);
        InterpreterResult cancelled = running.get(30, TimeUnit.SECONDS);

        assertThat(cancelled.code()).isEqualTo(InterpreterResult.Code.ERROR);
        assertThat(cancelled.toString()).doesNotContain("not cancelled");
        InterpreterResult after = ZeppelinProtocolIT.interpret(java, "System.out.println(\"still here\");", ZeppelinProtocolIT.context("p-after"));
        assertThat(after.code()).as(after.toString()).isEqualTo(InterpreterResult.Code.SUCCESS);
        assertThat(after.message()).extracting(message -> message.getData()).containsExactly("still here\n");
        assertThat(java.observed().failedPolls()).isZero();
    }

    @Test
    void completionComesFromTheProcessesRepl() throws Exception {
        ThriftInterpreter java = new ThriftInterpreter(new Properties(), shared.process(), ProtocolEngine.SESSION,
                JAVA, "lab.java");
        java.open();
        ZeppelinProtocolIT.interpret(java, "String greeting = \"hello\";", ZeppelinProtocolIT.context("p-define"));

        List<InterpreterCompletion> completions = java.completion("greeting.toUpp", 14, ZeppelinProtocolIT.context("p-complete"));

        assertThat(completions).extracting(InterpreterCompletion::getValue).contains("toUpperCase(");
    }
}
