package lambdalab.lab.zeppelin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import lambdalab.interpreter.NoteRunner;
import lambdalab.lab.notebooks.NoteEngine;
import org.apache.thrift.TException;
import org.apache.zeppelin.interpreter.Interpreter;

/**
 * Notes run the way Zeppelin runs them: the group's paragraphs ({@code %lab.java}, {@code %lab.sql},
 * {@code %lab.cql}) in one interpreter process started from the packaged group, over Zeppelin's Thrift
 * protocol; {@code %md} and {@code %sh}, which are Zeppelin's own groups and not the lab's, still run here.
 * The setting is "globally shared" (group id {@code <group>-shared_process}, session {@code shared_session});
 * each note gets fresh interpreters ({@code close}, then {@code createInterpreter} again), as the in-process
 * runner gives each note a fresh REPL. The process holds the SparkSession while an interpreter is open.
 */
public final class ProtocolEngine implements NoteEngine {

    public static final String SESSION = "shared_session";
    private static final String USER = "anonymous";

    private final InterpreterProcess process;
    private final GroupSetting setting;
    private final Map<String, String> createProperties;
    private final Properties properties;

    private ProtocolEngine(InterpreterProcess process, GroupSetting setting, Map<String, String> createProperties,
            Properties properties) {
        this.process = process;
        this.setting = setting;
        this.createProperties = createProperties;
        this.properties = properties;
    }

    /**
     * Lays a Zeppelin folder out in {@code home}'s root, starts the interpreter process.
     *
     * @param properties the interpreter setting's values (the lab's endpoints) and {@code lab.sh.*} for %sh
     * @param portRange  {@code zeppelin.interpreter.rpc.portRange}, ":" for any free port
     */
    public static ProtocolEngine start(ZeppelinHome home, Properties properties, String portRange, PrintStream out)
            throws IOException, InterruptedException {
        GroupSetting setting = GroupSetting.read(home.settingFile());
        Map<String, String> createProperties = setting.properties(properties, home.localRepository());
        String groupId = setting.group() + "-shared_process";
        Map<String, String> environment = new LinkedHashMap<>(zeppelinEnv());
        environment.putAll(GroupSetting.environment(createProperties));
        Map<String, String> configuration = Map.of(
                "zeppelin.interpreter.rpc.portRange", portRange,
                "zeppelin.interpreter.connection.poolsize", createProperties.get("zeppelin.interpreter.connection.poolsize"));
        out.println("Starting Zeppelin's interpreter process for the " + setting.group() + " group ("
                + InterpreterProcess.SERVER_CLASS + ", log " + home.logDir() + ") ...");
        try {
            InterpreterProcess process = InterpreterProcess.start(home, groupId, environment, portRange, configuration);
            out.println("   registered at " + process.address().getHost() + ":" + process.address().getPort()
                    + " (pid " + process.pid() + ")");
            return new ProtocolEngine(process, setting, createProperties, properties);
        } catch (TException e) {
            throw new IOException("The interpreter process did not take init: " + e.getMessage(), e);
        }
    }

    /**
     * What the VM's {@code conf/zeppelin-env.sh} gives the lab group's process (provisioning/40-zeppelin.sh):
     * this JVM's Java (17), Spark's module flags, a heap and no optimizing compiler (as for
     * {@code lab notebooks run}: see the {@code lab} script), Spark and Zeppelin on loopback.
     */
    static Map<String, String> zeppelinEnv() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("ZEPPELIN_INTP_JAVA_OPTS", builtFlags("spark-jvm-flags.txt"));
        env.put("ZEPPELIN_INTP_MEM", builtFlags("notebook-jvm-flags.txt"));
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("ZEPPELIN_LOCAL_IP", "127.0.0.1");
        return env;
    }

    /** JVM flags kept in one file of the build, which the {@code lab} script and the VM's provisioning read too. */
    private static String builtFlags(String file) throws IOException {
        try (InputStream flags = ProtocolEngine.class.getResourceAsStream("/lambdalab/lab/" + file)) {
            if (flags == null) {
                throw new IOException("lambdalab/lab/" + file + " is not on the class path: the lab is not built");
            }
            return new String(flags.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    public InterpreterProcess process() {
        return process;
    }

    public GroupSetting setting() {
        return setting;
    }

    /** Creates the session's interpreters (default first, as Zeppelin does), each one run over Thrift. */
    @Override
    public NoteRunner runnerForNote() throws IOException {
        Map<String, Function<Properties, Interpreter>> remote = new LinkedHashMap<>();
        for (GroupSetting.Member member : setting.creationOrder()) {
            try {
                process.call(client -> {
                    client.createInterpreter(process.groupId(), SESSION, member.className(), createProperties, USER);
                    return null;
                });
            } catch (TException e) {
                throw new IOException("createInterpreter " + member.className() + " failed: " + e.getMessage()
                        + " (troubleshooting.md#zeppelin-protocol); the interpreter log " + process.log()
                        + " ends with:\n" + process.logTail(), e);
            }
            String replName = setting.group() + "." + member.name();
            remote.put(replName, values -> new ThriftInterpreter(values, process, SESSION, member.className(), replName));
        }
        return new NoteRunner(properties, remote);
    }

    @Override
    public String description() {
        return "in Zeppelin's interpreter process (pid " + process.pid() + ")";
    }

    /** Shuts the process down (it unregisters and exits; killed if it does not). */
    @Override
    public void close() {
        try {
            process.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
