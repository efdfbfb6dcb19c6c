package lambdalab.lab.progress;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lambdalab.course.exercises.CourseModules;
import lambdalab.course.exercises.Exercise;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.ProgressLog.Entry;
import lambdalab.course.exercises.ProgressLog.Result;

/**
 * The learner's progress from the progress file: per module, each exercise's state (solved, the
 * reference solution ran in its place, wrong, not run) and how many of the note's checks passed
 * when last run.
 */
public final class ProgressReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One line of the table. */
    public record Line(String module, String what, String status, String when) {
    }

    private ProgressReport() {
    }

    public static List<Line> of(List<Entry> entries) {
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Integer, String> module : CourseModules.titles().entrySet()) {
            String name = String.format(Locale.ROOT, "%02d %s", module.getKey(), module.getValue());
            List<Entry> ofModule = entries.stream().filter(entry -> entry.module() == module.getKey()).toList();
            for (Exercise<?> exercise : Exercises.all()) {
                if (exercise.module() == module.getKey()) {
                    lines.add(exerciseLine(name, exercise, ofModule));
                    name = "";
                }
            }
            lines.add(checksLine(name, ofModule));
        }
        return lines;
    }

    /** The learner's latest own attempt counts over a fallback to the solution that came after it. */
    private static Line exerciseLine(String module, Exercise<?> exercise, List<Entry> entries) {
        List<Entry> runs = entries.stream().filter(entry -> entry.what().equals(exercise.id()))
                .sorted(Comparator.comparing(Entry::at)).toList();
        Optional<Entry> ownAttempt = runs.stream().filter(entry -> entry.result() != Result.SOLUTION_RAN)
                .reduce((first, second) -> second);
        Optional<Entry> shown = ownAttempt.or(() -> runs.stream().reduce((first, second) -> second));
        String what = exercise.id() + ": " + exercise.title();
        if (shown.isEmpty()) {
            return new Line(module, what, "not run yet", "");
        }
        Entry entry = shown.get();
        String status = switch (entry.result()) {
            case SOLVED -> "solved";
            case SOLUTION_RAN -> "not attempted: the reference solution ran";
            case WRONG -> "wrong: " + entry.detail();
            default -> entry.result().name();
        };
        return new Line(module, what, status + " (" + entry.where() + ")", WHEN.format(entry.at()));
    }

    /** The latest result of each check of the module's note. */
    private static Line checksLine(String module, List<Entry> entries) {
        Map<String, Entry> latest = new LinkedHashMap<>();
        entries.stream().filter(entry -> entry.result() == Result.PASSED || entry.result() == Result.FAILED)
                .sorted(Comparator.comparing(Entry::at)).forEach(entry -> latest.put(entry.what(), entry));
        if (latest.isEmpty()) {
            return new Line(module, "checks of the note", "not run yet", "");
        }
        List<String> failed = latest.values().stream().filter(entry -> entry.result() == Result.FAILED)
                .map(Entry::what).toList();
        Instant last = latest.values().stream().map(Entry::at).max(Comparator.naturalOrder()).orElseThrow();
        String status = (latest.size() - failed.size()) + " of " + latest.size() + " passed"
                + (failed.isEmpty() ? "" : "; failed: " + String.join("; ", failed));
        return new Line(module, "checks of the note", status, WHEN.format(last));
    }

    /** The table as text, each column as wide as its widest cell (the status column last, unbounded). */
    public static String table(List<Line> lines) {
        int module = width(lines.stream().map(Line::module).toList(), "MODULE");
        int what = width(lines.stream().map(Line::what).toList(), "EXERCISE OR CHECKS");
        String format = "%-" + module + "s  %-" + what + "s  %-16s  %s%n";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, format, "MODULE", "EXERCISE OR CHECKS", "WHEN (UTC)",
                "STATUS"));
        for (Line line : lines) {
            table.append(String.format(Locale.ROOT, format, line.module(), line.what(), line.when(), line.status()));
        }
        return table.toString();
    }

    private static int width(List<String> cells, String header) {
        return Math.max(header.length(), cells.stream().mapToInt(String::length).max().orElse(0));
    }

    /** An instance's progress file (the notes write it; the exercises module's tests write the default lab's). */
    public static Path file(Path labHome) {
        return labHome.resolve("progress.tsv");
    }
}
