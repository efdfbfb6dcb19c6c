package lambdalab.lab.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lambdalab.lab.settings.LabSettings;

/** Free ports for a second lab instance (tests, benchmarks) that must not collide with the user's lab. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A setting override for every port setting, each a port that is free right now on 127.0.0.1. */
    public static Map<String, String> forAllPortSettings() {
        List<String> keys = LabSettings.DEFINITIONS.stream().map(LabSettings.Definition::key)
                .filter(key -> key.endsWith(".port")).toList();
        List<ServerSocket> held = new ArrayList<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        try {
            for (String key : keys) {
                // hold every socket until all are chosen, so no port is picked twice
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                held.add(socket);
                overrides.put(key, Integer.toString(socket.getLocalPort()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket cannot lose anything
                }
            }
        }
        return overrides;
    }
}
