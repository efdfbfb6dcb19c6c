package lambdalab.course.serving;

import java.time.Instant;

/**
 * What the batch runs covered of one source, over all its hours (for {@code lab query}'s header).
 *
 * @param hours               hours a batch run aggregated
 * @param completeHours       of those, the ones it saw complete
 * @param newestCompleteHour  the newest complete hour (epoch ms); null when none
 * @param lastRun             when a batch run last wrote one of its hours
 */
public record SourceCoverage(String source, int hours, int completeHours, Long newestCompleteHour, Instant lastRun) {
}
