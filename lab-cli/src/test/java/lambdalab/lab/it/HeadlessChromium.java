package lambdalab.lab.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lambdalab.lab.system.Chromium;
import lambdalab.lab.system.LabProcesses;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the Chrome DevTools Protocol: a
 * WebSocket to its page, JSON commands ({@code Page.navigate}, {@code Runtime.evaluate},
 * {@code Page.captureScreenshot}). No driver binary and no client library: the JDK's WebSocket and
 * Jackson suffice, and nothing joins the lab's classpath.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket page) {
        this.process = process;
        this.profile = profile;
        this.page = page;
    }

    /** Starts the browser on loopback with a page of {@code width} x {@code height}. */
    static HeadlessChromium start(int width, int height) throws IOException, InterruptedException {
        Path binary = Chromium.find().orElseThrow(() -> new IllegalStateException(Chromium.INSTALL_HINT));
        Path profile = Files.createTempDirectory("lab-chromium-");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        int port = debuggingPort(process);
        WebSocket socket = null;
        HeadlessChromium browser;
        try {
            URI pageSocket = pageSocket(port);
            CompletableFuture<HeadlessChromium> self = new CompletableFuture<>();
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(pageSocket, new Replies(self)).get(10, TimeUnit.SECONDS);
            browser = new HeadlessChromium(process, profile, socket);
            self.complete(browser);
        } catch (Exception e) {
            LabProcesses.stop(process.toHandle(), Duration.ofSeconds(5));
            throw new IOException("Chromium started but its DevTools page did not answer: " + e, e);
        }
        browser.command("Page.enable", JSON.createObjectNode());
        return browser;
    }

    /** Reads the browser's output until it says where DevTools listens; keeps draining it afterwards. */
    private static int debuggingPort(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (System.nanoTime() < deadline && (line = output.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "chromium-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(listening.group(1));
            }
        }
        process.destroyForcibly();
        throw new IOException("Chromium did not open its DevTools port; it printed:\n" + seen);
    }

    private static URI pageSocket(int port) throws IOException, InterruptedException {
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(list.body())) {
            if (target.path("type").asText().equals("page")) {
                return URI.create(target.path("webSocketDebuggerUrl").asText());
            }
        }
        throw new IOException("Chromium lists no page: " + list.body());
    }

    /** Opens {@code url} and waits for its load event. */
    void open(URI url) {
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        pending.put(-1, loaded); // the next Page.loadEventFired
        ObjectNode parameters = JSON.createObjectNode().put("url", url.toString());
        JsonNode result = command("Page.navigate", parameters);
        if (result.has("errorText")) {
            throw new IllegalStateException("Chromium could not open " + url + ": " + result.get("errorText").asText());
        }
        loaded.orTimeout(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The value of a JavaScript expression in the page (awaited if it is a promise), as JSON. */
    JsonNode evaluate(String expression) {
        ObjectNode parameters = JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode result = command("Runtime.evaluate", parameters);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page's JavaScript failed on `" + expression + "`: "
                    + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the page as it is now, written to {@code file}. */
    void screenshot(Path file) throws IOException {
        JsonNode result = command("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(result.path("data").asText()));
    }

    private JsonNode command(String method, ObjectNode parameters) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", parameters);
        page.sendText(message.toString(), true).join();
        JsonNode answer = reply.orTimeout(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    private void received(JsonNode message) {
        if (message.has("id")) {
            Optional.ofNullable(pending.remove(message.get("id").asInt())).ifPresent(f -> f.complete(message));
        } else if (message.path("method").asText().equals("Page.loadEventFired")) {
            Optional.ofNullable(pending.remove(-1)).ifPresent(f -> f.complete(message));
        }
    }

    /** Gathers each WebSocket message (it may come in parts) and hands it to the browser object. */
    private static final class Replies implements WebSocket.Listener {
        private final CompletableFuture<HeadlessChromium> browser;
        private final StringBuilder partial = new StringBuilder();

        Replies(CompletableFuture<HeadlessChromium> browser) {
            this.browser = browser;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    browser.thenAccept(self -> self.received(message));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            socket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        page.abort();
        // Chromium's helper processes (its network service among them) write into the profile too: they
        // are stopped with the browser, or a file they write while the profile is deleted ends the walk
        List<ProcessHandle> helpers = process.toHandle().descendants().toList();
        LabProcesses.stop(process.toHandle(), Duration.ofSeconds(5));
        helpers.forEach(helper -> LabProcesses.stop(helper, Duration.ofSeconds(5)));
        for (int attempt = 1; ; attempt++) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                return;
            } catch (UncheckedIOException vanished) { // a file gone between listing and reading its attributes
                if (attempt == 5) {
                    throw vanished;
                }
            }
        }
    }
}
