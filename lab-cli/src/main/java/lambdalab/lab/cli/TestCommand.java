package lambdalab.lab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lambdalab.lab.settings.RepoLayout;
import lambdalab.lab.system.Chromium;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the whole test suite through the Maven wrapper (./mvnw verify -Pzeppelin: the interpreter "
                + "group is also packaged as Zeppelin loads it, for the tests over Zeppelin's protocol).",
                "The tests start their own lab instance (temporary home, free ports) and stop it at the end, "
                        + "so this works while your lab is up.",
                "The whole suite needs a Chromium browser for the Lambda+ dashboard test (Debian: `apt-get install "
                        + "chromium`; LAB_CHROMIUM names another binary); without one it stops at once saying so."})
final class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MAVEN_ARGS", arity = "0..*",
            description = "Extra Maven arguments, e.g. -Dtest=KafkaServiceIT -Dsurefire.failIfNoSpecifiedTests=false")
    List<String> mavenArguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        boolean wholeSuite = mavenArguments.stream().noneMatch(argument -> argument.startsWith("-Dtest="));
        if (wholeSuite && Chromium.find().isEmpty()) {
            System.err.println("ERROR: " + Chromium.INSTALL_HINT);
            return 1;
        }
        Path root = RepoLayout.fromSystemProperty().root();
        // the exercise tests record nothing: the suite's results are not the learner's progress;
        // -Pzeppelin packages the interpreter group as Zeppelin loads it, for the Zeppelin-protocol tests
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "verify", "-Pzeppelin",
                "-Dlab.progress.file="));
        command.addAll(mavenArguments);
        return new ProcessBuilder(command).directory(root.toFile()).inheritIO().start().waitFor();
    }
}
