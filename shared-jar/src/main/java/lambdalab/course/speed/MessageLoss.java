package lambdalab.course.speed;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamCodec;

/**
 * The lost-messages drill of the speed layer ({@code --drill-lose-percent N}, {@code lab drill
 * lost-messages}): the job leaves about N% of the valid events out of its aggregation, as if they had
 * been lost on their way to the speed layer. They stay in Kafka and in the raw dataset (the master
 * data), so a batch run over their hours counts them: the Lambda architecture's repair, made visible.
 *
 * <p>Which events are lost depends only on the event's line (a CRC32 of it), not on where it landed
 * in Kafka: the drill that generated the events knows exactly which ones the views must be short of,
 * from its own truth, and a replay after a restart loses the very same ones.
 */
public record MessageLoss(int percent) implements Serializable {

    /** No loss: the job as it always runs. */
    public static final MessageLoss NONE = new MessageLoss(0);

    public MessageLoss {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("the share of lost messages must be 0 to 100 %, got " + percent);
        }
    }

    public boolean active() {
        return percent > 0;
    }

    /** Whether the drill loses the event whose line is {@code line} (the codec's encoding, as sent). */
    public boolean loses(String line) {
        if (percent == 0) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < percent;
    }

    /** The same for an event the job decoded: the codec encodes an event to the line it came from. */
    public boolean loses(ClickEvent event) {
        return percent > 0 && loses(ClickstreamCodec.encode(event));
    }

    /** What the job's log and status say while the drill is on. */
    public String describe() {
        return "DRILL lost-messages is ON: about " + percent + "% of the valid events (chosen by a hash of their line)"
                + " are left out of the stream views, as if lost before the speed layer; they stay in Kafka and in the"
                + " raw dataset, and a batch run over their hours counts them. Restart the job without"
                + " --drill-lose-percent to end it.";
    }
}
