package lambdalab.services.kafka;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * The lab's Kafka node: Kafka's own {@code kafka.Kafka} main, after formatting its KRaft storage in
 * the same JVM when the lab asks for it ({@value #FORMAT_WITH_CLUSTER_ID} ID, on an instance's first
 * start). A format in a JVM of its own loaded Kafka's classes once more, on the critical path of a
 * fresh `lab up`.
 */
public final class KafkaMain {

    /** {@code --format-with-cluster-id ID server.properties}, or just {@code server.properties}. */
    public static final String FORMAT_WITH_CLUSTER_ID = "--format-with-cluster-id";

    private KafkaMain() {
    }

    public static void main(String[] args) throws Exception {
        String config = args[args.length - 1];
        if (args.length == 3 && args[0].equals(FORMAT_WITH_CLUSTER_ID)) {
            int exitCode = StorageTool.execute(new String[] {"format", "-t", args[1], "-c", config}, System.out);
            if (exitCode != 0) {
                System.err.println("The KRaft storage format failed (exit code " + exitCode + "); see the lines above.");
                System.exit(exitCode);
            }
        } else if (args.length != 1) {
            System.err.println("Usage: KafkaMain [" + FORMAT_WITH_CLUSTER_ID + " ID] server.properties");
            System.exit(2);
        }
        Kafka.main(new String[] {config});
    }
}
