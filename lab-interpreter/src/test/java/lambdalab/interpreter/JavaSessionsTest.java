package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.spark.streaming.StreamingContext;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.junit.jupiter.api.Test;

/** Notes run one after the other in one JVM (the headless runner): each session as if alone. */
class JavaSessionsTest {

    @Test
    void aLaterSessionShipsItsOwnLambdasToTasksAndSeesNoneOfTheEarliersVariables() throws InterpreterException {
        JavaInterpreter first = open();
        String sameSnippets = "int factor = %d;\nvar result = sc.parallelize(List.of(1, 2, 3)).map(x -> x * factor).collect();\nresult";
        assertThat(Paragraphs.run(first, sameSnippets.formatted(2)).text()).contains("[2, 4, 6]");
        first.close();

        JavaInterpreter second = open();
        try {
            Paragraphs.Run run = Paragraphs.run(second, sameSnippets.formatted(10));
            assertThat(run.code()).as(run.text()).isEqualTo(Code.SUCCESS);
            assertThat(run.text()).as("the second session's lambda, not the first's class of the same name")
                    .contains("[10, 20, 30]");
            assertThat(Paragraphs.run(second, "int more = factor;").code()).isEqualTo(Code.SUCCESS);
            Paragraphs.Run leftOver = Paragraphs.run(second, "var tripled = sc.parallelize(List.of(1)).map(x -> x * 3).collect();\n"
                    + "new Object() { }.getClass().getName()");
            assertThat(leftOver.code()).isEqualTo(Code.SUCCESS);
        } finally {
            second.close();
        }
        JavaInterpreter third = open();
        try {
            Paragraphs.Run ended = Paragraphs.run(third, "factor");
            assertThat(ended.code()).as("a variable of an ended session: " + ended.text()).isEqualTo(Code.ERROR);
        } finally {
            third.close();
        }
    }

    @Test
    void aStreamASessionLeftRunningIsStoppedWithIt() throws InterpreterException {
        JavaInterpreter session = open();
        Paragraphs.Run started = Paragraphs.run(session, "import org.apache.spark.streaming.Durations;\n"
                + "import org.apache.spark.streaming.api.java.JavaStreamingContext;\n"
                + "var ssc = new JavaStreamingContext(sc, Durations.seconds(1));\n"
                + "ssc.queueStream(new java.util.LinkedList<JavaRDD<Integer>>()).print();\nssc.start();");
        assertThat(started.code()).as(started.text()).isEqualTo(Code.SUCCESS);
        assertThat(StreamingContext.getActive().isDefined()).isTrue();
        session.close();
        assertThat(StreamingContext.getActive().isDefined()).as("a stream still running").isFalse();
    }

    private static JavaInterpreter open() throws InterpreterException {
        Properties properties = new Properties();
        properties.setProperty(LabInterpreterSettings.SPARK_MASTER, "local[2]");
        properties.setProperty(LabInterpreterSettings.HDFS_URI, "file:///");
        JavaInterpreter interpreter = new JavaInterpreter(properties);
        interpreter.open();
        return interpreter;
    }
}
