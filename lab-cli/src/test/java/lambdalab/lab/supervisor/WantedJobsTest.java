package lambdalab.lab.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WantedJobsTest {

    @TempDir
    Path run;

    @Test
    void aRequestIsAFileWhoseTextTheSupervisorCanReport() {
        WantedJobs wanted = WantedJobs.in(run);
        assertThat(wanted.current("stream")).isEmpty();
        String request = wanted.request("stream");
        assertThat(run.resolve("jobs/stream.wanted")).exists();
        assertThat(wanted.current("stream")).hasValue(request);
        assertThat(run.resolve("jobs")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void everyRequestIsDistinctSoARepeatedStartIsSeen() {
        WantedJobs wanted = WantedJobs.in(run);
        String first = wanted.request("stream");
        String second = wanted.request("stream");
        assertThat(second).isNotEqualTo(first);
        assertThat(wanted.current("stream")).hasValue(second);
    }

    @Test
    void aDrillsArgumentsLastWhileTheRequestStandsAndGoWithIt() {
        WantedJobs wanted = WantedJobs.in(run);
        wanted.requestWithDrill("stream", java.util.List.of("--drill-lose-percent", "5"));
        assertThat(wanted.drillArguments("stream")).containsExactly("--drill-lose-percent", "5");
        wanted.withdraw("stream");
        assertThat(wanted.drillArguments("stream")).isEmpty();

        wanted.requestWithDrill("stream", java.util.List.of("--job-version", "2"));
        wanted.withdrawAll();
        assertThat(wanted.drillArguments("stream")).isEmpty();
        assertThat(wanted.current("stream")).isEmpty();
    }

    @Test
    void aFileCreatedByHandCountsAsARequest() throws IOException {
        Files.createDirectories(run.resolve("jobs"));
        Files.createFile(run.resolve("jobs/stream.wanted"));
        assertThat(WantedJobs.in(run).current("stream")).hasValue("");
    }

    @Test
    void withdrawingRemovesOneOrAllRequests() {
        WantedJobs wanted = WantedJobs.in(run);
        wanted.request("stream");
        wanted.request("other");
        wanted.withdraw("stream");
        assertThat(wanted.current("stream")).isEmpty();
        assertThat(wanted.current("other")).isPresent();
        wanted.withdraw("stream"); // twice is fine
        wanted.withdrawAll();
        assertThat(wanted.current("other")).isEmpty();
        WantedJobs.in(run.resolve("never-used")).withdrawAll();
    }
}
