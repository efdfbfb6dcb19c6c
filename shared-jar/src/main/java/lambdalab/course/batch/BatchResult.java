package lambdalab.course.batch;

import java.util.List;
import java.util.Map;
import lambdalab.course.clickstream.CodecError;

/**
 * What a batch run did.
 *
 * @param events         valid events aggregated
 * @param malformed      refused input lines per reason (TSV input only)
 * @param examples       a few refused lines' messages
 * @param rows           rows upserted into each of the two batch views
 * @param watermarkHour  the last complete hour covered (epoch ms), as recorded for the serving layer
 */
public record BatchResult(long events, Map<CodecError.Reason, Long> malformed, List<String> examples, long rows,
                          long watermarkHour) {
}
