package lambdalab.sensorapp;

import java.nio.file.Path;

/**
 * The app server's command line.
 *
 * @param host             the address to listen on; loopback unless asked otherwise, so a lab
 *                         machine does not expose an unauthenticated write endpoint to its network
 * @param port             the HTTP port (0: any free port)
 * @param kafka            Kafka bootstrap servers, HOST:PORT
 * @param cassandraHost    a Cassandra contact point
 * @param cassandraPort    its CQL port
 * @param allowDrills      whether {@code ?drill=skip-kafka} is accepted
 * @param maxFutureSeconds how far ahead of the server's clock a reading's ts may be
 * @param statusFile       where to write the server's state, or null
 * @param replication      copies of each Cassandra row: keyspace plus's replication factor when the server
 *                         creates it; above 1 the server writes at LOCAL_QUORUM (the lab's cluster profile: 3)
 */
public record ServerOptions(String host, int port, String kafka, String cassandraHost, int cassandraPort,
                            boolean allowDrills, long maxFutureSeconds, Path statusFile, int replication) {

    public static final String USAGE = "usage: SensorAppServer --port N --kafka HOST:PORT --cassandra HOST:PORT "
            + "[--host 127.0.0.1] [--allow-drills] [--max-future-seconds 60] [--status-file PATH] [--replication 1]";

    /** A single Cassandra node's options: one copy of each row. */
    public ServerOptions(String host, int port, String kafka, String cassandraHost, int cassandraPort,
                         boolean allowDrills, long maxFutureSeconds, Path statusFile) {
        this(host, port, kafka, cassandraHost, cassandraPort, allowDrills, maxFutureSeconds, statusFile, 1);
    }
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final long DEFAULT_MAX_FUTURE_SECONDS = 60;

    /** Thrown for a command line that cannot be run; its message says which argument and why. */
    public static final class BadArguments extends Exception {
        public BadArguments(String message) {
            super(message);
        }
    }

    public static ServerOptions parse(String... args) throws BadArguments {
        String host = DEFAULT_HOST;
        Integer port = null;
        String kafka = null;
        String cassandra = null;
        boolean allowDrills = false;
        long maxFuture = DEFAULT_MAX_FUTURE_SECONDS;
        Path statusFile = null;
        int replication = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--allow-drills" -> allowDrills = true;
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = (int) number(value(args, ++i, arg), arg, 0, 65535);
                case "--kafka" -> {
                    kafka = value(args, ++i, arg);
                    number(hostPort(kafka, arg)[1], "--kafka's port", 1, 65535);
                }
                case "--cassandra" -> cassandra = value(args, ++i, arg);
                case "--max-future-seconds" -> maxFuture = number(value(args, ++i, arg), arg, 0, 86_400 * 365);
                case "--status-file" -> statusFile = Path.of(value(args, ++i, arg));
                case "--replication" -> replication = (int) number(value(args, ++i, arg), arg, 1, 100);
                default -> throw new BadArguments("unknown argument " + arg);
            }
        }
        if (port == null) {
            throw new BadArguments("--port is required");
        }
        if (kafka == null) {
            throw new BadArguments("--kafka HOST:PORT is required");
        }
        if (cassandra == null) {
            throw new BadArguments("--cassandra HOST:PORT is required");
        }
        String[] cassandraHostPort = hostPort(cassandra, "--cassandra");
        if (host.isBlank()) {
            throw new BadArguments("--host must not be empty");
        }
        return new ServerOptions(host, port, kafka, cassandraHostPort[0],
                (int) number(cassandraHostPort[1], "--cassandra's port", 1, 65535), allowDrills, maxFuture, statusFile,
                replication);
    }

    private static String value(String[] args, int i, String name) throws BadArguments {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new BadArguments(name + " needs a value");
        }
        return args[i];
    }

    private static long number(String text, String name, long min, long max) throws BadArguments {
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new BadArguments(name + " must be from " + min + " to " + max + ", got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadArguments(name + " must be a whole number, got " + text);
        }
    }

    private static String[] hostPort(String text, String name) throws BadArguments {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new BadArguments(name + " must be HOST:PORT, got " + text);
        }
        return new String[] {text.substring(0, colon), text.substring(colon + 1)};
    }
}
