package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** %lab.java in-process through Zeppelin's API, on a local[2] Spark; no lab services. */
class JavaInterpreterTest {

    private static JavaInterpreter java;

    @BeforeAll
    static void open() throws InterpreterException {
        Properties properties = new Properties();
        properties.setProperty(LabInterpreterSettings.SPARK_MASTER, "local[2]");
        properties.setProperty(LabInterpreterSettings.HDFS_URI, "file:///");
        properties.setProperty(LabInterpreterSettings.MAX_ROWS, "5");
        java = new JavaInterpreter(properties);
        java.open();
    }

    @AfterAll
    static void close() {
        java.close();
    }

    private static Paragraphs.Run java(String text) {
        return Paragraphs.run(java, text);
    }

    @Test
    void stateCarriesOverFromParagraphToParagraph() {
        assertThat(java("int answer = 20;\nint twice(int n) { return 2 * n; }").code()).isEqualTo(Code.SUCCESS);
        Paragraphs.Run next = java("answer = twice(answer) + 2;\nanswer");
        assertThat(next.code()).isEqualTo(Code.SUCCESS);
        assertThat(next.text()).contains("answer ==> 42");
    }

    /** The tests run with SPARK_LOCAL_IP=127.0.0.1, as ./lab and the VM's Zeppelin do. */
    @Test
    void sparksUiRunsOnLoopbackOnlyWithoutKillLinks() throws Exception {
        assertThat(SharedSpark.uiOnLoopback()).isTrue();
        URI ui = URI.create(SharedSpark.session().sparkContext().uiWebUrl().get());
        assertThat(ui.getHost()).isEqualTo("127.0.0.1");
        HttpURLConnection jobs = (HttpURLConnection) ui.resolve("/jobs/").toURL().openConnection();
        assertThat(jobs.getResponseCode()).isEqualTo(200);
        assertThat(SharedSpark.session().sparkContext().getConf().get("spark.ui.killEnabled")).isEqualTo("false");
        for (InetAddress address : nonLoopbackAddresses()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, ui.getPort()), 2000))
                        .as("the UI answers on " + address).isInstanceOf(ConnectException.class);
            }
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).toList();
    }

    @Test
    void onlyTheLastExpressionShowsItsValueAndNullIsNoOutput() {
        Paragraphs.Run run = java("var sizes = new TreeMap<String, Integer>();\nsizes.put(\"a\", 1);\nsizes.put(\"b\", 2);\n"
                + "sizes.put(\"a\", 3);\nsizes.size()");
        assertThat(run.code()).isEqualTo(Code.SUCCESS);
        assertThat(run.text()).as("no `$1 ==> null` for the puts, no `==> 1` for the replaced value")
                .doesNotContain("null").doesNotContain("==> 1").containsPattern("\\$\\d+ ==> 2");
        assertThat(java("sizes.get(\"missing\")").text()).doesNotContain("==>");
        assertThat(java("System.out.printf(\"%d sizes%n\", sizes.size())").text()).as("printf's own stream")
                .contains("2 sizes").doesNotContain("==>");
    }

    @Test
    void aVariableJShellResetsWhenANewDeclarationTakesANameItUsesIsReported() {
        // found in notebook 02: after an import, a new declaration named like a method called in an earlier
        // variable's initializer made JShell re-create that variable as null
        assertThat(java("var generator = GeneratorSettings.builder().events(7).build();").code()).isEqualTo(Code.SUCCESS);
        assertThat(java("import org.apache.spark.streaming.kafka010.KafkaUtils;\n"
                + "import org.apache.spark.streaming.kafka010.OffsetRange;").code()).isEqualTo(Code.SUCCESS);
        Paragraphs.Run run = java("Dataset<Row> events = spark.range(3).toDF();");
        assertThat(run.code()).isEqualTo(Code.SUCCESS);
        assertThat(run.text()).contains("Note: declaring events made JShell re-create variable generator, which lost "
                + "its value (now null)");
    }

    @Test
    void printedOutputLandsInTheParagraph() {
        Paragraphs.Run run = java("System.out.println(\"hello from a snippet\");\nSystem.err.println(\"and stderr\");");
        assertThat(run.code()).isEqualTo(Code.SUCCESS);
        assertThat(run.text()).contains("hello from a snippet\n").contains("and stderr\n");
    }

    @Test
    void recordsAndLambdasFromSnippetsRunInsideSparkTasks() {
        assertThat(java("record Point(int x, int square) implements java.io.Serializable { }").code())
                .isEqualTo(Code.SUCCESS);
        Paragraphs.Run run = java("""
                List<Point> points = sc.parallelize(List.of(1, 2, 3, 4), 2).map(i -> new Point(i, i * i)).collect();
                int sum = sc.parallelize(List.of(1, 2, 3, 4), 2).map(i -> new Point(i, i * i))
                        .map(p -> p.square()).reduce(Integer::sum);
                List<Long> tens = spark.range(4).map((MapFunction<Long, Long>) i -> i * 10, Encoders.LONG())
                        .collectAsList();
                System.out.println(points.get(3) + " " + sum + " " + tens);
                """);
        assertThat(run.code()).as(run.toString()).isEqualTo(Code.SUCCESS);
        assertThat(run.text()).contains("Point[x=4, square=16] 30 [0, 10, 20, 30]");
    }

    @Test
    void showRendersADatasetAsAZeppelinTable() {
        Paragraphs.Run run = java("""
                System.out.println("before");
                show(spark.range(3).selectExpr("id", "id * 2 AS twice", "concat('a', char(9), 'b') AS text"));
                System.out.println("after");
                """);
        assertThat(run.code()).as(run.toString()).isEqualTo(Code.SUCCESS);
        assertThat(run.tables()).containsExactly("id\ttwice\ttext\n0\t0\ta b\n1\t2\ta b\n2\t4\ta b\n");
        assertThat(run.text()).contains("before").contains("after");
    }

    @Test
    void showStopsAtTheRowLimitAndSaysSo() {
        Paragraphs.Run run = java("show(spark.range(100));");
        assertThat(run.tables()).containsExactly("id\n0\n1\n2\n3\n4\n");
        assertThat(run.text()).contains("Showing the first 5 rows");
        Paragraphs.Run own = java("show(spark.range(100), 2);");
        assertThat(own.tables()).containsExactly("id\n0\n1\n");
    }

    @Test
    void showRendersListsOfRecordsAndMaps() {
        Paragraphs.Run run = java("""
                record Sale(String product, long count) { }
                show(List.of(new Sale("A,B", 3), new Sale("C,D", 1)));
                show(new TreeMap<>(Map.of("purchase", 2, "page_view", 7)));
                """);
        assertThat(run.code()).as(run.toString()).isEqualTo(Code.SUCCESS);
        assertThat(run.tables()).containsExactly("product\tcount\nA,B\t3\nC,D\t1\n",
                "key\tvalue\npage_view\t7\npurchase\t2\n");
    }

    @Test
    void aCompileErrorNamesTheParagraphLineWithACaret() {
        Paragraphs.Run run = java("int ok = 1;\nint sum = ok +\n    missing;\nSystem.out.println(\"not reached\");");
        assertThat(run.code()).isEqualTo(Code.ERROR);
        assertThat(run.text()).contains("""
                line 3: error: cannot find symbol
                    missing;
                    ^
                  symbol:   variable missing""")
                .doesNotContain("location").doesNotContain("JShell").doesNotContain("not reached");
        assertThat(java("ok").text()).as("snippets before the error ran").contains("ok ==> 1");
    }

    @Test
    void aMissingSemicolonIsReportedOnItsLine() {
        Paragraphs.Run run = java("int first = 1;\nint second = 2\nint third = 3;");
        assertThat(run.code()).isEqualTo(Code.ERROR);
        assertThat(run.text()).startsWith("line 2: error: ';' expected\nint second = 2\n              ^");
    }

    @Test
    void anExceptionShowsItsMessageCausesAndLineNotAStackTrace() {
        Paragraphs.Run run = java("""
                void load() {
                    throw new IllegalStateException("no events yet", new java.io.IOException("disk full"));
                }
                int before = 1;
                load();
                """);
        assertThat(run.code()).isEqualTo(Code.ERROR);
        assertThat(run.text()).isEqualTo("""
                java.lang.IllegalStateException: no events yet
                caused by: java.io.IOException: disk full
                  at line 2""");
        Paragraphs.Run call = java("int before = 1;\nload();");
        assertThat(call.text()).as("thrown in a method of an earlier paragraph: the line of the call")
                .endsWith("at line 2");
    }

    @Test
    void aFailingSparkTaskShowsTheTaskErrorWithoutStackTraces() {
        Paragraphs.Run run = java("sc.parallelize(List.of(1, 2), 2).map(i -> { if (i == 2) "
                + "throw new IllegalArgumentException(\"bad record \" + i); return i; }).collect();");
        assertThat(run.code()).isEqualTo(Code.ERROR);
        assertThat(run.text()).contains("org.apache.spark.SparkException").contains("bad record 2")
                .doesNotContain("\tat ").doesNotContain("Driver stacktrace");
    }

    @Test
    void cancelStopsTheParagraphsSparkJobAndReportsProgress() throws Exception {
        InterpreterContext context = Paragraphs.newContext();
        CompletableFuture<Paragraphs.Run> running = CompletableFuture.supplyAsync(() -> Paragraphs.run(java,
                "sc.parallelize(List.of(1, 2), 2).foreach(i -> { if (i == 2) Thread.sleep(120_000); });", context));
        // one task of two done, the other sleeping: half way
        await().atMost(Duration.ofSeconds(60)).until(() -> java.getProgress(context) == 50);
        java.cancel(context);
        Paragraphs.Run run = running.get(30, TimeUnit.SECONDS);
        assertThat(run.code()).isEqualTo(Code.ERROR);
        assertThat(run.text()).contains("Stopped.");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SharedSpark.session().sparkContext().statusTracker().getActiveJobIds().length == 0);
        assertThat(java("1 + 1").text()).as("the REPL still works").contains("==> 2");
    }

    @Test
    void cancelStopsALoopInASnippet() throws Exception {
        InterpreterContext context = Paragraphs.newContext();
        CompletableFuture<Paragraphs.Run> running = CompletableFuture.supplyAsync(() -> Paragraphs.run(java,
                "long spins = 0;\nSystem.out.println(\"looping\");\nwhile (true) { spins++; }", context));
        await().atMost(Duration.ofSeconds(60)).until(() -> context.out.toString().contains("looping"));
        java.cancel(context);
        assertThat(running.get(30, TimeUnit.SECONDS).text()).contains("Stopped.");
        Paragraphs.Run next = java(
                "int rounds = 0;\nfor (int i = 0; i < 5; i++) { Thread.sleep(100); rounds++; }\nrounds");
        assertThat(next.text()).as("the stop ended with its paragraph").contains("rounds ==> 5");
    }

    @Test
    void completionSuggestsMembersOfTheLabsObjects() {
        String text = "int x = 1;\nspark.ran";
        assertThat(java.completion(text, text.length(), Paragraphs.newContext()))
                .extracting(completion -> completion.getValue()).contains("range(");
    }
}
