package lambdalab.lab.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import lambdalab.lab.service.NodeLayout;
import lambdalab.lab.settings.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lambdalab.lab.settings.LabSettings;

/** Free ports for a second lab instance (tests, benchmarks) that must not collide with the user's lab. */
public final class FreePorts {
    private FreePorts() {
    }

    /**
     * As {@link #forAllPortSettings()}, for a lab of {@code profile}: the ports its nodes derive from
     * these ({@link NodeLayout}: plus 100 per node) must be free too, on each node's address, and distinct.
     */
    public static Map<String, String> forProfile(Profile profile) {
        int nodes = Math.max(profile.kafkaNodes(), Math.max(profile.cassandraNodes(), profile.dataNodes()));
        for (int attempt = 0; attempt < 50; attempt++) {
            Map<String, String> ports = forAllPortSettings();
            if (derivedPortsFree(ports, nodes)) {
                return ports;
            }
        }
        throw new IllegalStateException("Cannot find free ports for every node of a " + profile.settingValue() + " lab");
    }

    private static boolean derivedPortsFree(Map<String, String> ports, int nodes) {
        Set<Integer> seen = new HashSet<>();
        for (String value : ports.values()) {
            for (int node = 1; node <= nodes; node++) {
                int port = Integer.parseInt(value) + (node - 1) * NodeLayout.PORT_STEP;
                if (port > 65535 || !seen.add(port)) {
                    return false;
                }
                for (int address = 1; address <= nodes; address++) {
                    if (!Ports.isFree("127.0.0." + address, port)) {
                        return false;
                    }
                }
            }
        }
        return true;
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
