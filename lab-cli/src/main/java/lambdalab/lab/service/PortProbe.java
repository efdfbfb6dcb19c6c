package lambdalab.lab.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Cheap first step of a readiness check: does anything accept connections on the port yet? */
public final class PortProbe {
    private PortProbe() {
    }

    public static boolean accepts(Endpoint endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
