package lambdalab.lab.service;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import lambdalab.lab.system.Pause;

/**
 * Application class-data sharing for a lab JVM: a start without an archive lists the classes it
 * loads, and a JVM of its own writes the archive from that list while it runs
 * ({@link #optionsListingClasses}, {@link #dumpLater}); later starts map it instead of loading and
 * verifying thousands of classes again, which is most of a service's start-up CPU.
 *
 * <p>Where archives live is the caller's choice: the lab's are in the build, shared by every home
 * of it. An archive's
 * name carries a hash of what it was made from (classpath with each jar's size and time, main class),
 * so a rebuilt JVM makes a new one instead of being refused an outdated one; older archives of the
 * same JVM are then deleted. A dump writes under a name of its own and renames the file once
 * complete, so no JVM ever maps half an archive (the JVM also validates an archive and ignores one
 * that does not fit).
 *
 * <p>Measured on the speed layer: written at its exit, the archive made the first stop take 12 to
 * 18 s instead of about 1 s; written beside it from the list, it also starts it sooner (ready in
 * 5.7-5.9 s against 6.5-6.9 s), at about 23 s of CPU beside the job.
 */
public final class ClassDataSharing {

    /** The end of a JVM's list of the classes it loads, for its archive: {@code NAME-classes.lst}. */
    public static final String CLASS_LIST_SUFFIX = "-classes.lst";
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /**
     * At the machine's idle priority a dump takes minutes while the lab is busy (a minute of CPU is
     * the most one took here), and any time left when the machine is idle; a lab's stop ends it sooner.
     */
    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(30);
    /** A ready JVM's class archive is written a little later, so that it holds its first work's classes too. */
    private static final Duration ARCHIVE_AFTER = Duration.ofSeconds(10);
    /** The dump JVM's heap: it holds the classes' mirrors and names while it links them, not a job's data. */
    private static final String DUMP_HEAP = "-Xmx256m";
    /** The archives a thread of this JVM is writing now. */
    private static final Set<Path> DUMPING = ConcurrentHashMap.newKeySet();
    /** Their dumping JVMs, which a stopping lab ends ({@link #stopDumps()}). */
    private static final Set<Process> DUMPERS = ConcurrentHashMap.newKeySet();
    /**
     * A dump only makes later starts faster: it runs at the lowest CPU priority, so it takes the cores
     * only when the job beside it (whose first batches warm up then) and the rest of the machine leave
     * them. How, see {@link IdlePriority}.
     */
    private static final List<String> LOWEST_PRIORITY = IdlePriority.commandPrefix();
    /** The dump lists every class it cannot archive (old bytecode, signed jars): only errors matter. */
    private static final String ERRORS_ONLY = "-Xlog:cds*=error";

    private final Path dir;
    private final String name;
    private final Path archive;

    /** @param name which JVM (e.g. {@code kafka}); @param key what the archive is made from */
    public ClassDataSharing(Path dir, String name, String key) {
        this.dir = dir;
        this.name = name;
        this.archive = dir.resolve(name + "-" + Integer.toHexString(key.hashCode()) + ".jsa");
    }

    /**
     * The classpath with each entry's size and modification time: the JVM refuses an archive once a
     * jar changed, so a rebuilt jar must lead to a new archive name. (Only jars can be archived:
     * callers keep folders off such classpaths.)
     */
    public static String describe(List<String> classpath) {
        StringBuilder description = new StringBuilder();
        for (String entry : classpath) {
            File file = new File(entry);
            description.append(entry).append('@').append(file.length()).append('/').append(file.lastModified()).append(';');
        }
        return description.toString();
    }

    /** Whether a JVM on this classpath can have an archive: the JVM cannot archive classes from folders. */
    public static boolean canArchive(List<String> classpath) {
        return classpath.stream().allMatch(entry -> entry.endsWith(".jar"));
    }

    /** The archive's file. */
    public Path archive() {
        return archive;
    }

    /** Whether the archive exists (then JVMs of it map it). */
    public boolean exists() {
        return Files.isRegularFile(archive);
    }

    /**
     * JVM options that map the archive or, when there is none yet, list the classes the JVM loads in
     * {@code classList}, from which {@link #dumpLater} writes the archive while it runs.
     */
    public List<String> optionsListingClasses(Path classList) {
        return exists() ? List.of("-XX:SharedArchiveFile=" + archive, ERRORS_ONLY)
                : List.of("-XX:DumpLoadedClassList=" + classList);
    }

    /**
     * Unless the archive exists, writes it from the classes the JVM listed ({@link #optionsListingClasses}),
     * in a thread of its own, {@link #ARCHIVE_AFTER} from now if that JVM still runs then. Does not block.
     */
    public void dumpLater(ProcessHandle listing, Path classList, List<String> jvmOptions, List<String> classpath) {
        if (exists()) {
            return;
        }
        Thread dump = new Thread(() -> {
            Pause.of(ARCHIVE_AFTER);
            if (listing.isAlive()) {
                dumpFromClassList(classList, jvmOptions, classpath);
            }
        }, name + "-class-archive");
        dump.setDaemon(true);
        dump.start();
    }

    /**
     * Writes the archive from the classes a running JVM has listed so far ({@link #optionsListingClasses}):
     * a JVM of its own ({@code java -Xshare:dump}, with the listing JVM's options and classpath) loads
     * and links them, so the running one neither pauses nor takes longer to stop. Written under a name
     * of its own and then renamed: a JVM starting meanwhile never maps half a file. One dump at a time
     * per archive in this JVM. Returns whether the archive exists afterwards; the list, no longer
     * needed then, is deleted.
     */
    public boolean dumpFromClassList(Path classList, List<String> jvmOptions, List<String> classpath) {
        // exists already: another JVM made from the same jars wrote it
        boolean written = exists() || dump(classList, jvmOptions, classpath);
        if (written) {
            deleteQuietly(classList);
        }
        return written;
    }

    private boolean dump(Path classList, List<String> jvmOptions, List<String> classpath) {
        if (!DUMPING.add(archive)) {
            return false;
        }
        String own = archive.getFileName() + "." + ProcessHandle.current().pid() + ".";
        Path listed = archive.resolveSibling(own + "classlist");
        Path partial = archive.resolveSibling(own + "part");
        try {
            copyCompleteLines(classList, listed);
            List<String> command = new ArrayList<>(LOWEST_PRIORITY);
            command.add(JAVA);
            // the dump loads classes, it needs no heap of the listing JVM's size (nor the JVM's default
            // of a quarter of the machine's memory: a Spark job's dump took 1 GB on a 24 GB machine)
            jvmOptions.stream().filter(option -> !option.startsWith("-Xms") && !option.startsWith("-Xmx")
                    && !option.equals("-XX:+AlwaysPreTouch") && !option.startsWith("-Xshare:")).forEach(command::add);
            command.add(DUMP_HEAP);
            command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + listed,
                    "-XX:SharedArchiveFile=" + partial, ERRORS_ONLY, "-cp", String.join(File.pathSeparator, classpath)));
            Process dump = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            DUMPERS.add(dump);
            boolean done = dump.waitFor(DUMP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            DUMPERS.remove(dump);
            if (!done) {
                dump.destroyForcibly();
                return false;
            }
            if (dump.exitValue() == 0 && Files.isRegularFile(partial) && Files.size(partial) > 0) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            }
            return exists();
        } catch (IOException e) {
            return false; // no archive: the next start lists its classes again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            deleteQuietly(listed);
            deleteQuietly(partial);
            DUMPING.remove(archive);
        }
    }

    /**
     * Ends the dumps this JVM runs (when the lab stops, after its jobs: a dump outliving the lab would
     * be a process of it left running); their archives are written by a later run of their JVMs.
     */
    public static void stopDumps() {
        for (Process dump : DUMPERS) {
            dump.destroyForcibly();
            try {
                dump.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The list as far as its last complete line: the listing JVM may be writing the next one. */
    private static void copyCompleteLines(Path classList, Path copy) throws IOException {
        String listed = Files.readString(classList, StandardCharsets.UTF_8);
        Files.writeString(copy, listed.substring(0, listed.lastIndexOf('\n') + 1), StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover part is deleted by the next start's clean-up, a list rewritten by the next listing JVM
        }
    }

    /** Drops the same JVM's archives of an earlier build, and parts left by dumps that died. */
    public void deleteOutdatedArchives() {
        try {
            Files.createDirectories(dir);
            deleteOutdated();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the class archive " + archive, e);
        }
    }

    private void deleteOutdated() throws IOException {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(dir, name + "-*.jsa*")) {
            for (Path other : archives) {
                boolean current = other.equals(archive) || beingWritten(other);
                // "kafka-*" must not match the archives of kafka's tools ("kafka-kafka.tools...-*")
                boolean sameJvm = other.getFileName().toString().substring(name.length() + 1).matches("[0-9a-f]+\\.jsa.*");
                if (!current && sameJvm) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    /** A file of this archive's dump that a running JVM is writing now ({@link #dumpFromClassList}). */
    private boolean beingWritten(Path file) {
        String name = file.getFileName().toString();
        String prefix = archive.getFileName() + ".";
        int end = name.lastIndexOf('.');
        if (!name.startsWith(prefix) || end <= prefix.length()) {
            return false;
        }
        try {
            long pid = Long.parseLong(name.substring(prefix.length(), end));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
