package lambdalab.lab.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which ports are free, who holds a taken one, and what a process listens on (Linux /proc). */
public final class Ports {
    private Ports() {
    }

    /** A listening TCP socket: its local address, port and socket inode. */
    public record Listener(String address, int port, long inode) {
        /** Anywhere in 127.0.0.0/8 (the cluster profile's Cassandra nodes use 127.0.0.2 and .3), also IPv4-mapped. */
        public boolean loopback() {
            return address.startsWith("127.") || address.startsWith("::ffff:127.") || address.equals("::1");
        }
    }

    /** Whether a server could bind {@code host:port} right now. */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** "PID 1234 (java ... kafka.Kafka)" for the process listening on the port, if it can be found. */
    public static Optional<String> describeOwner(int port) {
        for (Listener listener : listeners()) {
            if (listener.port() == port) {
                Optional<Long> pid = pidOfSocket(listener.inode());
                if (pid.isPresent()) {
                    String command = ProcessHandle.of(pid.get()).flatMap(p -> p.info().commandLine()).orElse("?");
                    return Optional.of("PID " + pid.get() + " (" + abbreviate(command, 120) + ")");
                }
                return Optional.of("a process of another user (listening on " + listener.address() + ")");
            }
        }
        return Optional.empty();
    }

    /** The sockets a process listens on. */
    public static List<Listener> listenersOf(long pid) {
        List<Long> inodes = socketInodes(Path.of("/proc", Long.toString(pid), "fd"));
        return listeners().stream().filter(l -> inodes.contains(l.inode())).toList();
    }

    /** Every listening TCP socket of the machine (IPv4 and IPv6). */
    public static List<Listener> listeners() {
        List<Listener> result = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    parseListener(line.trim().split("\\s+")).ifPresent(result::add);
                }
            } catch (IOException | RuntimeException e) {
                // no such table (not Linux, or IPv6 off): nothing to list
            }
        }
        return result;
    }

    private static Optional<Listener> parseListener(String[] fields) {
        final String listen = "0A";
        if (fields.length < 10 || !listen.equals(fields[3])) {
            return Optional.empty();
        }
        String[] local = fields[1].split(":");
        return Optional.of(new Listener(decodeAddress(local[0]), Integer.parseInt(local[1], 16),
                Long.parseLong(fields[9])));
    }

    /** /proc/net/tcp stores addresses as hex words in host (little-endian) byte order. */
    static String decodeAddress(String hex) {
        if (hex.length() == 8) {
            long value = Long.parseLong(hex, 16);
            return (value & 0xff) + "." + ((value >> 8) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 24) & 0xff);
        }
        if (hex.equals("00000000000000000000000000000000")) {
            return "::";
        }
        if (hex.equals("00000000000000000000000001000000")) {
            return "::1";
        }
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return "::ffff:" + decodeAddress(hex.substring(24));
        }
        return "[" + hex + "]";
    }

    private static Optional<Long> pidOfSocket(long inode) {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (socketInodes(process.resolve("fd")).contains(inode)) {
                    return Optional.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return Optional.empty();
    }

    private static List<Long> socketInodes(Path fdDir) {
        List<Long> inodes = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | RuntimeException e) {
                    // the descriptor closed meanwhile
                }
            }
        } catch (IOException e) {
            // the process is gone or not ours to read
        }
        return inodes;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
