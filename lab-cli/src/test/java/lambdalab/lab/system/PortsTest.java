package lambdalab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void decodesProcNetAddresses() {
        assertThat(Ports.decodeAddress("0100007F")).isEqualTo("127.0.0.1");
        assertThat(Ports.decodeAddress("00000000")).isEqualTo("0.0.0.0");
        assertThat(Ports.decodeAddress("00000000000000000000000001000000")).isEqualTo("::1");
        assertThat(new Ports.Listener("0.0.0.0", 1, 0).loopback()).isFalse();
        assertThat(new Ports.Listener("127.0.0.1", 1, 0).loopback()).isTrue();
        assertThat(new Ports.Listener("::ffff:127.0.0.2", 1, 0).loopback()).isTrue(); // a cluster's Cassandra node 2
        assertThat(new Ports.Listener("::ffff:10.0.0.2", 1, 0).loopback()).isFalse();
    }

    @Test
    void findsWhoHoldsATakenPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = socket.getLocalPort();
            assertThat(Ports.isFree("127.0.0.1", port)).isFalse();
            assertThat(Ports.describeOwner(port)).hasValueSatisfying(owner ->
                    assertThat(owner).startsWith("PID " + ProcessHandle.current().pid()));
            assertThat(Ports.listenersOf(ProcessHandle.current().pid()))
                    .anySatisfy(l -> assertThat(l.port()).isEqualTo(port));
        }
    }

    @Test
    void parsesSizesAsInSettings() {
        assertThat(Resources.parseSize("512m")).isEqualTo(512L << 20);
        assertThat(Resources.parseSize("1G")).isEqualTo(1L << 30);
        assertThat(Resources.parseSize("4096")).isEqualTo(4096L);
    }
}
