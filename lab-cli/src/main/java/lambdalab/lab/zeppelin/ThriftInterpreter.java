package lambdalab.lab.zeppelin;

import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.TException;
import org.apache.zeppelin.display.GUI;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.thrift.InterpreterCompletion;
import org.apache.zeppelin.interpreter.thrift.RemoteInterpreterContext;
import org.apache.zeppelin.interpreter.thrift.RemoteInterpreterResult;
import org.apache.zeppelin.interpreter.thrift.RemoteInterpreterResultMessage;
import org.apache.zeppelin.user.AuthenticationInfo;

/**
 * The server side of one interpreter of a group in an {@link InterpreterProcess}, as Zeppelin's server
 * holds it: an {@link Interpreter} whose every call goes over Thrift. While {@code interpret} blocks,
 * the paragraph's status is polled every 100 ms and its progress every 500 ms on other connections, as
 * Zeppelin's scheduler and UI do; {@link #observed()} tells what the polls saw.
 */
public final class ThriftInterpreter extends Interpreter {

    private static final long STATUS_POLL_MILLIS = 100;
    private static final long PROGRESS_POLL_MILLIS = 500;

    /** What the polls saw during the paragraphs so far: statuses, the highest progress, failed polls. */
    public record Observed(Set<String> statuses, int maxProgress, int failedPolls) {
    }

    private final InterpreterProcess process;
    private final String sessionId;
    private final String className;
    private final String replName;
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "zeppelin-protocol-poll");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> statuses = ConcurrentHashMap.newKeySet();
    private volatile int progress;
    private volatile int maxProgress;
    private volatile int failedPolls;
    private volatile boolean used;

    /** @param replName how paragraphs name it, e.g. {@code lab.java} (Zeppelin's {@code replName}) */
    public ThriftInterpreter(Properties properties, InterpreterProcess process, String sessionId, String className,
            String replName) {
        super(properties);
        this.process = process;
        this.sessionId = sessionId;
        this.className = className;
        this.replName = replName;
    }

    @Override
    public String getClassName() {
        return className;
    }

    /** Zeppelin's server asks the form type before a paragraph's first run; the lab's is NONE. */
    @Override
    public void open() throws InterpreterException {
        used = true;
        remote(client -> client.getFormType(sessionId, className));
    }

    @Override
    public InterpreterResult interpret(String code, InterpreterContext context) throws InterpreterException {
        RemoteInterpreterContext remoteContext = remoteContext(context);
        progress = 0;
        ScheduledFuture<?> statusPolls = poller.scheduleAtFixedRate(() -> poll(() -> statuses.add(
                process.call(client -> client.getStatus(sessionId, context.getParagraphId())))),
                STATUS_POLL_MILLIS, STATUS_POLL_MILLIS, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> progressPolls = poller.scheduleAtFixedRate(() -> poll(() -> {
            progress = process.call(client -> client.getProgress(sessionId, className, remoteContext));
            maxProgress = Math.max(maxProgress, progress);
            return true;
        }), PROGRESS_POLL_MILLIS, PROGRESS_POLL_MILLIS, TimeUnit.MILLISECONDS);
        try {
            RemoteInterpreterResult result = remote(client -> client.interpret(sessionId, className, code, remoteContext));
            return toResult(result);
        } finally {
            statusPolls.cancel(false);
            progressPolls.cancel(false);
        }
    }

    private interface Poll {
        Object run() throws TException;
    }

    private void poll(Poll poll) {
        try {
            poll.run();
        } catch (TException | RuntimeException e) {
            failedPolls++;
        }
    }

    @Override
    public void cancel(InterpreterContext context) throws InterpreterException {
        RemoteInterpreterContext remoteContext = remoteContext(context);
        remote(client -> {
            client.cancel(sessionId, className, remoteContext);
            return null;
        });
    }

    @Override
    public FormType getFormType() throws InterpreterException {
        return FormType.valueOf(remote(client -> client.getFormType(sessionId, className)));
    }

    /** The latest progress the polls saw (what Zeppelin's progress bar shows). */
    @Override
    public int getProgress(InterpreterContext context) {
        return progress;
    }

    @Override
    public List<InterpreterCompletion> completion(String buffer, int cursor, InterpreterContext context)
            throws InterpreterException {
        RemoteInterpreterContext remoteContext = remoteContext(context);
        return remote(client -> client.completion(sessionId, className, buffer, cursor, remoteContext));
    }

    /** Closes it in the process (a later {@code createInterpreter} makes a new one); only if it was used. */
    @Override
    public void close() throws InterpreterException {
        poller.shutdownNow();
        if (used && process.isAlive()) {
            used = false;
            remote(client -> {
                client.close(sessionId, className);
                return null;
            });
        }
    }

    public Observed observed() {
        return new Observed(Set.copyOf(statuses), maxProgress, failedPolls);
    }

    /**
     * The context as Zeppelin's server sends it: GUIs and config as JSON, the user, and local properties
     * that must not be null (the process builds its own context from them).
     */
    private RemoteInterpreterContext remoteContext(InterpreterContext context) {
        return new RemoteInterpreterContext(context.getNoteId(), context.getNoteName(), context.getParagraphId(),
                replName, context.getParagraphTitle(), context.getParagraphText(),
                new AuthenticationInfo("anonymous").toJson(), "{}", new GUI().toJson(), new GUI().toJson(),
                new HashMap<>(context.getLocalProperties() == null ? java.util.Map.of() : context.getLocalProperties()));
    }

    private static InterpreterResult toResult(RemoteInterpreterResult result) {
        InterpreterResult converted = new InterpreterResult(InterpreterResult.Code.valueOf(result.getCode()));
        for (RemoteInterpreterResultMessage message : result.getMsg()) {
            converted.add(InterpreterResult.Type.valueOf(message.getType()), message.getData());
        }
        return converted;
    }

    private <T> T remote(InterpreterProcess.Call<T> call) throws InterpreterException {
        try {
            return process.call(call);
        } catch (TException e) {
            throw new InterpreterException(className + " in the interpreter process (" + process.groupId() + "): "
                    + e.getMessage() + "; its log " + process.log() + " ends with:\n" + process.logTail(), e);
        }
    }
}
