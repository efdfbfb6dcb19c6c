package lambdalab.lab.zeppelin;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.thrift.server.TServer;
import org.apache.thrift.server.TThreadPoolServer;
import org.apache.thrift.transport.TServerSocket;
import org.apache.thrift.transport.TTransportException;
import org.apache.zeppelin.interpreter.thrift.AppOutputAppendEvent;
import org.apache.zeppelin.interpreter.thrift.AppOutputUpdateEvent;
import org.apache.zeppelin.interpreter.thrift.AppStatusUpdateEvent;
import org.apache.zeppelin.interpreter.thrift.LibraryMetadata;
import org.apache.zeppelin.interpreter.thrift.OutputAppendEvent;
import org.apache.zeppelin.interpreter.thrift.OutputUpdateAllEvent;
import org.apache.zeppelin.interpreter.thrift.OutputUpdateEvent;
import org.apache.zeppelin.interpreter.thrift.ParagraphInfo;
import org.apache.zeppelin.interpreter.thrift.RegisterInfo;
import org.apache.zeppelin.interpreter.thrift.RemoteInterpreterEventService;
import org.apache.zeppelin.interpreter.thrift.RemoteInterpreterResultMessage;
import org.apache.zeppelin.interpreter.thrift.RunParagraphsEvent;
import org.apache.zeppelin.interpreter.thrift.WebUrlInfo;

/**
 * The callbacks side of Zeppelin's server ({@code RemoteInterpreterEventService}) on 127.0.0.1: an
 * interpreter process registers here when its own Thrift server is up and unregisters on shutdown, and
 * streams a running paragraph's output here. Kept per paragraph, as Zeppelin's UI shows it live.
 * Angular objects, resources, applications and paragraph runs asked by an interpreter are not part of
 * what the lab group does: they are accepted and answered empty.
 */
public final class EventService implements RemoteInterpreterEventService.Iface, AutoCloseable {

    /** One output event as it arrived: {@code kind} is APPEND, UPDATE or UPDATE_ALL. */
    public record OutputEvent(String kind, int index, String type, String data) {
    }

    private final CompletableFuture<RegisterInfo> registered = new CompletableFuture<>();
    private final CompletableFuture<String> unregistered = new CompletableFuture<>();
    private final Map<String, List<OutputEvent>> outputs = new ConcurrentHashMap<>();
    private final TServerSocket socket;
    private final TServer server;
    private final Thread serving;

    private EventService() throws TTransportException {
        socket = new TServerSocket(new InetSocketAddress("127.0.0.1", 0));
        server = new TThreadPoolServer(new TThreadPoolServer.Args(socket)
                .processor(new RemoteInterpreterEventService.Processor<>(this)));
        serving = new Thread(server::serve, "zeppelin-event-service");
        serving.setDaemon(true);
    }

    /** Listening on a free port of 127.0.0.1. */
    public static EventService start() throws TTransportException {
        EventService service = new EventService();
        service.serving.start();
        return service;
    }

    public int port() {
        return socket.getServerSocket().getLocalPort();
    }

    /** Completes when the interpreter process has registered: its Thrift server's host and port. */
    public CompletableFuture<RegisterInfo> registered() {
        return registered;
    }

    /** Completes with the group id when the interpreter process has unregistered. */
    public CompletableFuture<String> unregistered() {
        return unregistered;
    }

    /** The output events of a paragraph so far, in order of arrival. */
    public List<OutputEvent> outputOf(String noteId, String paragraphId) {
        return List.copyOf(outputs.getOrDefault(key(noteId, paragraphId), List.of()));
    }

    private void record(String noteId, String paragraphId, OutputEvent event) {
        outputs.computeIfAbsent(key(noteId, paragraphId), key -> new CopyOnWriteArrayList<>()).add(event);
    }

    private static String key(String noteId, String paragraphId) {
        return noteId + "/" + paragraphId;
    }

    @Override
    public void registerInterpreterProcess(RegisterInfo registerInfo) {
        registered.complete(registerInfo);
    }

    @Override
    public void unRegisterInterpreterProcess(String intpGroupId) {
        unregistered.complete(intpGroupId);
    }

    @Override
    public void appendOutput(OutputAppendEvent event) {
        record(event.getNoteId(), event.getParagraphId(), new OutputEvent("APPEND", event.getIndex(), null,
                event.getData()));
    }

    @Override
    public void updateOutput(OutputUpdateEvent event) {
        record(event.getNoteId(), event.getParagraphId(), new OutputEvent("UPDATE", event.getIndex(),
                event.getType(), event.getData()));
    }

    @Override
    public void updateAllOutput(OutputUpdateAllEvent event) {
        List<RemoteInterpreterResultMessage> messages = event.getMsg() == null ? List.of() : event.getMsg();
        for (int i = 0; i < messages.size(); i++) {
            record(event.getNoteId(), event.getParagraphId(), new OutputEvent("UPDATE_ALL", i,
                    messages.get(i).getType(), messages.get(i).getData()));
        }
        if (messages.isEmpty()) {
            record(event.getNoteId(), event.getParagraphId(), new OutputEvent("UPDATE_ALL", -1, null, ""));
        }
    }

    @Override
    public void appendAppOutput(AppOutputAppendEvent event) {
    }

    @Override
    public void updateAppOutput(AppOutputUpdateEvent event) {
    }

    @Override
    public void updateAppStatus(AppStatusUpdateEvent event) {
    }

    @Override
    public void checkpointOutput(String noteId, String paragraphId) {
    }

    @Override
    public void runParagraphs(RunParagraphsEvent event) {
    }

    @Override
    public void addAngularObject(String intpGroupId, String json) {
    }

    @Override
    public void updateAngularObject(String intpGroupId, String json) {
    }

    @Override
    public void removeAngularObject(String intpGroupId, String noteId, String paragraphId, String name) {
    }

    @Override
    public void sendWebUrl(WebUrlInfo weburlInfo) {
    }

    @Override
    public void sendParagraphInfo(String intpGroupId, String json) {
    }

    @Override
    public void updateParagraphConfig(String noteId, String paragraphId, Map<String, String> config) {
    }

    @Override
    public List<String> getAllResources(String intpGroupId) {
        return new ArrayList<>();
    }

    @Override
    public ByteBuffer getResource(String resourceIdJson) {
        return ByteBuffer.allocate(0);
    }

    @Override
    public ByteBuffer invokeMethod(String intpGroupId, String invokeMethodJson) {
        return ByteBuffer.allocate(0);
    }

    @Override
    public List<ParagraphInfo> getParagraphList(String user, String noteId) {
        return new ArrayList<>();
    }

    @Override
    public List<LibraryMetadata> getAllLibraryMetadatas(String intpSettingName) {
        return new ArrayList<>();
    }

    @Override
    public ByteBuffer getLibrary(String intpSettingName, String libraryName) {
        return ByteBuffer.allocate(0);
    }

    @Override
    public void close() {
        server.stop();
        socket.close();
    }
}
