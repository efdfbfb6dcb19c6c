package lambdalab.lab.zeppelin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.zeppelin.interpreter.thrift.RegisterInfo;
import org.apache.zeppelin.interpreter.thrift.RemoteInterpreterService;

/**
 * One interpreter process started the way Zeppelin's server starts one through {@code bin/interpreter.sh}:
 * {@code java $ZEPPELIN_INTP_JAVA_OPTS -Dfile.encoding=UTF-8 -Dlog4j... $ZEPPELIN_INTP_MEM -cp
 * "interpreter/<group>/*:<API jar>" RemoteInterpreterServer <event host> <event port> <group id> <port range>},
 * with the setting's UPPER_CASE properties in its environment. It registers back on the {@link EventService};
 * then it gets {@code init}. Calls go over Thrift, one connection per call, so that polls can run while
 * {@code interpret} blocks, as Zeppelin's own connection pool allows.
 */
public final class InterpreterProcess implements AutoCloseable {

    public static final String SERVER_CLASS = "org.apache.zeppelin.interpreter.remote.RemoteInterpreterServer";
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final int READ_TIMEOUT_MILLIS = 0; // interpret blocks as long as the paragraph runs
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    /** One Thrift call to the interpreter process. */
    @FunctionalInterface
    public interface Call<T> {
        T on(RemoteInterpreterService.Client client) throws TException;
    }

    private final Process process;
    private final EventService events;
    private final String groupId;
    private final Path log;
    private final Thread killOnExit;
    private volatile RegisterInfo address;

    private InterpreterProcess(Process process, EventService events, String groupId, Path log) {
        this.process = process;
        this.events = events;
        this.groupId = groupId;
        this.log = log;
        this.killOnExit = new Thread(this::kill, "zeppelin-interpreter-process-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the process, waits for it to register, sends {@code init}.
     *
     * @param environment what Zeppelin's {@code conf/zeppelin-env.sh} and the setting's UPPER_CASE
     *                    properties add to the inherited environment
     * @param portRange   {@code zeppelin.interpreter.rpc.portRange}: "from:to", or ":" for any free port
     */
    public static InterpreterProcess start(ZeppelinHome home, String groupId, Map<String, String> environment,
            String portRange, Map<String, String> zeppelinConfiguration)
            throws IOException, TException, InterruptedException {
        EventService events = EventService.start();
        Path log = home.logDir().resolve("zeppelin-interpreter-" + groupId + ".log");
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("INTERPRETER_GROUP_ID", groupId);
        env.put("ZEPPELIN_HOME", home.root().toString());
        env.put("ZEPPELIN_CONF_DIR", home.confDir().toString());
        env.put("ZEPPELIN_LOG_DIR", home.logDir().toString());
        ProcessBuilder builder = new ProcessBuilder(command(home, env, events.port(), groupId, portRange))
                .directory(home.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        InterpreterProcess started;
        try {
            started = new InterpreterProcess(builder.start(), events, groupId, log);
        } catch (IOException e) {
            events.close();
            throw e;
        }
        try {
            started.awaitRegistration();
            started.call(client -> {
                client.init(zeppelinConfiguration);
                return null;
            });
            return started;
        } catch (IOException | TException | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** The command line {@code bin/interpreter.sh} execs for a group other than spark and flink. */
    static List<String> command(ZeppelinHome home, Map<String, String> env, int eventPort, String groupId,
            String portRange) throws IOException {
        String javaHome = env.getOrDefault("JAVA_HOME", System.getProperty("java.home"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.addAll(words(env.getOrDefault("ZEPPELIN_INTP_JAVA_OPTS", "")));
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dlog4j.configuration=file://" + home.confDir().resolve("log4j.properties"));
        command.add("-Dlog4j.configurationFile=file://" + home.confDir().resolve("log4j2.properties"));
        command.add("-Dzeppelin.log.file=" + home.logDir().resolve("zeppelin-interpreter-" + groupId + ".log"));
        command.addAll(words(env.getOrDefault("ZEPPELIN_INTP_MEM", "-Xmx1024m")));
        command.add("-cp");
        command.add(home.classPath());
        command.add(SERVER_CLASS);
        command.add("127.0.0.1");
        command.add(Integer.toString(eventPort));
        command.add(groupId);
        command.add(portRange);
        return command;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private void awaitRegistration() throws IOException, InterruptedException {
        try {
            address = events.registered().get(REGISTRATION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("The interpreter process did not register within " + REGISTRATION_TIMEOUT.toSeconds()
                    + " s" + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                    + " (troubleshooting.md#zeppelin-protocol); its log " + log + " ends with:\n" + logTail());
        } catch (ExecutionException e) {
            throw new IOException("Registration failed", e.getCause());
        }
    }

    /** One call on a connection of its own. */
    public <T> T call(Call<T> call) throws TException {
        RegisterInfo at = address;
        if (at == null) {
            throw new TException("The interpreter process has not registered");
        }
        try (TTransport transport = new TSocket(at.getHost(), at.getPort(), READ_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)) {
            transport.open();
            return call.on(new RemoteInterpreterService.Client(new TBinaryProtocol(transport)));
        }
    }

    public String groupId() {
        return groupId;
    }

    public EventService events() {
        return events;
    }

    /** The host and Thrift port it registered with. */
    public RegisterInfo address() {
        return address;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops it as Zeppelin does: {@code shutdown} (the process unregisters, closes its interpreters and
     * exits), then waits; a process still there after the grace period is killed.
     *
     * @return whether it unregistered and exited by itself
     */
    public boolean shutdown() throws InterruptedException {
        boolean clean = false;
        if (process.isAlive() && address != null) {
            try {
                call(client -> {
                    client.shutdown();
                    return null;
                });
                clean = process.waitFor(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                        && events.unregistered().isDone();
            } catch (TException e) {
                clean = false;
            }
        }
        kill();
        return clean;
    }

    private void kill() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            shutdown();
        } finally {
            events.close();
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already exiting: the hook runs anyway
            }
        }
    }
}
