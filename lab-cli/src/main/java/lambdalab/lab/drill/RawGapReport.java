package lambdalab.lab.drill;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.batch.RawFileNames;
import lambdalab.course.batch.RawSnapshot;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * When the raw dataset misses events: which offsets, and every file on HDFS whose name's offset
 * range touches the first run of missing ones (hidden and replaced files too, which readers skip),
 * so that the table shows whether a file is gone, was never written, or is skipped by readers.
 */
final class RawGapReport {

    private static final int GAPS_SHOWN = 3;
    private static final int FILES_SHOWN = 8;

    private RawGapReport() {
    }

    static List<String> lines(Configuration conf, String topicRoot, List<RawSnapshot.OffsetGap> gaps) {
        List<String> lines = new ArrayList<>();
        gaps.stream().limit(GAPS_SHOWN).forEach(gap -> lines.add(String.format(Locale.ROOT,
                "partition %d: offsets %,d to %,d missing (%,d)", gap.partition(), gap.from(), gap.until() - 1,
                gap.size())));
        if (gaps.size() > GAPS_SHOWN) {
            lines.add(String.format(Locale.ROOT, "... and %d more runs of missing offsets", gaps.size() - GAPS_SHOWN));
        }
        if (!gaps.isEmpty()) {
            lines.addAll(filesAround(conf, topicRoot, gaps.get(0)));
        }
        return lines;
    }

    private static List<String> filesAround(Configuration conf, String topicRoot, RawSnapshot.OffsetGap gap) {
        Path partitionDir = new Path(topicRoot, RawEvents.KAFKA_PARTITION + "=" + gap.partition());
        List<String> files = new ArrayList<>();
        try {
            FileSystem fs = partitionDir.getFileSystem(conf);
            RemoteIterator<LocatedFileStatus> listing = fs.listFiles(partitionDir, true);
            while (listing.hasNext()) {
                LocatedFileStatus file = listing.next();
                Optional<RawFileNames.Range> range =
                        RawFileNames.range(RawFileNames.visibleName(file.getPath().getName()));
                if (range.isPresent() && range.get().from() <= gap.until() && range.get().until() >= gap.from()) {
                    files.add(String.format(Locale.ROOT, "  file %s/%s (%,d bytes)",
                            file.getPath().getParent().getName(), file.getPath().getName(), file.getLen()));
                }
            }
        } catch (IOException e) {
            return List.of("  (cannot list " + partitionDir + ": " + e.getMessage() + ")");
        }
        if (files.isEmpty()) {
            return List.of("  no file of partition " + gap.partition() + " is named after an offset range touching it");
        }
        return files.size() <= FILES_SHOWN ? files : files.subList(0, FILES_SHOWN);
    }
}
