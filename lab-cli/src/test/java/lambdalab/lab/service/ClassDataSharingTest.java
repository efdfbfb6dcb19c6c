package lambdalab.lab.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class archives written beside a running JVM from the classes it listed, and the clean-up that spares a dump in progress. */
class ClassDataSharingTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void aRunningJvmWritesTheArchiveThatTheNextStartMaps() throws Exception {
        Path jar = waitingProgram();
        ClassDataSharing sharing = new ClassDataSharing(dir.resolve("cds"), "waits", "key of " + jar);
        sharing.deleteOutdatedArchives();
        Path classList = dir.resolve("waits-classes.lst");
        assertThat(sharing.optionsListingClasses(classList)).containsExactly("-XX:DumpLoadedClassList=" + classList);

        Process running = start(jar, sharing.optionsListingClasses(classList), "60");
        try {
            assertThat(new BufferedReader(new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))
                    .readLine()).isEqualTo("ready");

            assertThat(sharing.dumpFromClassList(classList, List.of("-Xmx64m"), List.of(jar.toString()))).isTrue();
        } finally {
            running.destroyForcibly().waitFor();
        }

        assertThat(sharing.exists()).isTrue();
        assertThat(classList).as("the list, deleted once its archive exists (what `lab prepare` waits for)")
                .doesNotExist();
        try (var files = Files.list(dir.resolve("cds"))) {
            assertThat(files.map(file -> file.getFileName().toString())).as("no part left behind")
                    .allMatch(name -> name.endsWith(".jsa"));
        }
        List<String> mapping = new ArrayList<>(sharing.optionsListingClasses(classList));
        assertThat(mapping).anyMatch(option -> option.startsWith("-XX:SharedArchiveFile="));
        mapping.add("-Xshare:on"); // a start that cannot map the archive fails instead of going on without it
        mapping.add("-Xlog:class+load=info");
        Process next = start(jar, mapping, "0");
        String output = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).as(output).isZero();
        assertThat(output).as("the program's own class comes from the archive").contains("Waits source: shared objects file");
    }

    @Test
    void theCleanUpAtAStartKeepsAPartThatALiveJvmIsWritingAndDeletesADeadOnesPart() throws Exception {
        String key = "some jars";
        String archive = "job-" + Integer.toHexString(key.hashCode()) + ".jsa";
        Path cds = Files.createDirectories(dir.resolve("cds"));
        Path beingWritten = Files.writeString(cds.resolve(archive + "." + ProcessHandle.current().pid() + ".part"), "x");
        Process ended = new ProcessBuilder(JAVA, "-version").start();
        ended.waitFor();
        Path leftOver = Files.writeString(cds.resolve(archive + "." + ended.pid() + ".part"), "x");
        Path outdated = Files.writeString(cds.resolve("job-0badcafe.jsa"), "x");

        new ClassDataSharing(cds, "job", key).deleteOutdatedArchives();

        assertThat(beingWritten).exists();
        assertThat(leftOver).doesNotExist();
        assertThat(outdated).doesNotExist();
    }

    private Process start(Path jar, List<String> options, String seconds) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), "Waits", seconds));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** A jar (archives hold classes of jars only) with a program that says "ready" and waits N seconds. */
    private Path waitingProgram() throws IOException {
        Path source = Files.writeString(dir.resolve("Waits.java"), """
                public class Waits {
                    public static void main(String[] args) throws Exception {
                        System.out.println("ready");
                        Thread.sleep(Long.parseLong(args[0]) * 1000);
                    }
                }
                """);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString()))
                .isZero();
        Path jar = dir.resolve("waits.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("Waits.class"));
            Files.copy(dir.resolve("Waits.class"), out);
            out.closeEntry();
        }
        return jar;
    }
}
