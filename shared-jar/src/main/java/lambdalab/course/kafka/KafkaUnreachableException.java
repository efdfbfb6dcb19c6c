package lambdalab.course.kafka;

/** Kafka did not answer in time; the message names the address tried and what to do. */
public final class KafkaUnreachableException extends RuntimeException {
    public KafkaUnreachableException(String bootstrapServers, String what, Throwable cause) {
        super("Kafka at " + bootstrapServers + " did not answer " + what + " within "
                + KafkaTopics.TIMEOUT.toSeconds() + " s. Is the lab running? `./lab up` starts it, "
                + "`./lab status` and `./lab doctor` check it.", cause);
    }
}
