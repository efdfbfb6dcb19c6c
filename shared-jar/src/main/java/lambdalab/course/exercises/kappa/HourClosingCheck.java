package lambdalab.course.exercises.kappa;

import java.time.Instant;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;

/**
 * Checks an {@link HourClosing} on the hour 12:00 with a lateness of 60 minutes: watermarks inside the
 * hour, a millisecond before its end, at its end and hours later. Names a rule on the hour's start, a
 * strict comparison at the end, and an inverted rule.
 */
public final class HourClosingCheck implements Check<HourClosing> {

    private static final long HOUR = Instant.parse("2024-03-01T12:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    @Override
    public String verify(HourClosing attempt) {
        expect(attempt, HOUR + 30 * MINUTE, false, "the hour is still open: an event of 12:45 is not late yet (the newest "
                + "event seen is 13:30, minus 60 minutes of lateness). Closing at the hour's START would count on-time "
                + "events as late: compare the watermark with the hour's END");
        expect(attempt, HOUR + ClickEvent.HOUR_MS - 1, false, "one millisecond before 13:00 an event of 12:59:59.999 is "
                + "not older than the watermark yet");
        expect(attempt, HOUR + ClickEvent.HOUR_MS, true, "at 13:00 the hour is closed: every time it holds (12:00 to "
                + "12:59:59.999) is before the watermark, so the test is end <= watermark, not end < watermark");
        expect(attempt, HOUR + 3 * ClickEvent.HOUR_MS, true, "three hours later the hour is long closed");
        return "the hour 12:00 under watermarks at 12:30, 12:59:59.999, 13:00 and 15:00";
    }

    private static void expect(HourClosing attempt, long watermark, boolean closed, String why) {
        boolean got = attempt.closed(HOUR, watermark);
        if (got != closed) {
            throw new WrongAnswer("hour " + Instant.ofEpochMilli(HOUR) + " under watermark " + Instant.ofEpochMilli(watermark)
                    + ": " + (got ? "closed" : "open") + ", but " + why);
        }
    }
}
