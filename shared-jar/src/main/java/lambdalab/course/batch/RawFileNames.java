package lambdalab.course.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of a raw dataset's files in one hour folder of one Kafka partition, and which of them a
 * reader takes.
 *
 * <p>The speed layer writes {@code batch-FROM-UNTIL-0.parquet}: its batch's offset range of the
 * partition. The batch layer's compaction merges an hour's files into
 * {@code compacted-FROM-UNTIL-gN.parquet}: the range its files spanned, and a generation one higher
 * than any compacted file the folder had. It swaps a new file in first and deletes what it replaces
 * after, so for a moment a folder can hold both: a reader then takes the compacted file of the
 * highest generation, drops any compacted file that overlaps it, and drops every file whose range
 * lies inside a compacted file it took. Files without an offset range in their name (events loaded
 * by `lab batch load`) are always taken.
 */
public final class RawFileNames {

    private static final Pattern BATCH = Pattern.compile("batch-(\\d+)-(\\d+)-\\d+\\.parquet");
    private static final Pattern COMPACTED = Pattern.compile("compacted-(\\d+)-(\\d+)-g(\\d+)\\.parquet");

    private RawFileNames() {
    }

    /** A file's offset range of its partition, [from, until); generation 0 for a stream batch's file. */
    public record Range(long from, long until, int generation) {
        public boolean compacted() {
            return generation > 0;
        }

        boolean within(Range other) {
            return from >= other.from && until <= other.until;
        }

        boolean overlaps(Range other) {
            return from < other.until && other.from < until;
        }
    }

    /** The offset range a file's name carries, if it is a stream batch's or a compaction's file. */
    public static Optional<Range> range(String fileName) {
        Matcher batch = BATCH.matcher(fileName);
        if (batch.matches()) {
            return Optional.of(new Range(Long.parseLong(batch.group(1)), Long.parseLong(batch.group(2)), 0));
        }
        Matcher compacted = COMPACTED.matcher(fileName);
        if (compacted.matches()) {
            return Optional.of(new Range(Long.parseLong(compacted.group(1)), Long.parseLong(compacted.group(2)),
                    Integer.parseInt(compacted.group(3))));
        }
        return Optional.empty();
    }

    /** The name a file being written ({@code .NAME.tmp}, hidden) will have; other names as they are. */
    public static String visibleName(String name) {
        return name.startsWith(".") && name.endsWith(".tmp") ? name.substring(1, name.length() - 4) : name;
    }

    /** The name of a compaction's file. */
    public static String compacted(long from, long until, int generation) {
        return "compacted-" + from + "-" + until + "-g" + generation + ".parquet";
    }

    /**
     * Of one hour folder's files, those a reader takes (see the class comment), in their order.
     *
     * @param name a file's name
     */
    public static <T> List<T> live(List<T> folderFiles, Function<T, String> name) {
        List<Range> taken = new ArrayList<>();
        folderFiles.stream().map(file -> range(name.apply(file))).flatMap(Optional::stream).filter(Range::compacted)
                .sorted(Comparator.comparingInt(Range::generation).reversed())
                .forEach(compacted -> {
                    if (taken.stream().noneMatch(compacted::overlaps)) {
                        taken.add(compacted);
                    }
                });
        List<T> live = new ArrayList<>();
        for (T file : folderFiles) {
            Optional<Range> range = range(name.apply(file));
            boolean replaced = range.isPresent() && (range.get().compacted() ? !taken.contains(range.get())
                    : taken.stream().anyMatch(range.get()::within));
            if (!replaced) {
                live.add(file);
            }
        }
        return live;
    }
}
