package lambdalab.lab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lab test}'s help. The launcher script runs the suite itself ({@code ./mvnw verify}), before
 * it builds anything: Maven's verify builds every module, and building first would do it twice.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the whole test suite through the Maven wrapper (./mvnw verify -Pzeppelin: the interpreter "
                + "group is also packaged as Zeppelin loads it, for the tests over Zeppelin's protocol). Maven builds "
                + "every module first, so ./lab does not build before it.",
                "The tests start their own lab instance (temporary home, free ports) and stop it at the end, "
                        + "so this works while your lab is up.",
                "The whole suite needs a Chromium browser for the Lambda+ dashboard test (Debian: `apt-get install "
                        + "chromium`; LAB_CHROMIUM names another binary); without one it stops at once saying so."})
final class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MAVEN_ARGS", arity = "0..*",
            description = "Extra Maven arguments, e.g. -Dtest=KafkaServiceIT -Dsurefire.failIfNoSpecifiedTests=false")
    List<String> mavenArguments = new ArrayList<>();

    @Override
    public Integer call() {
        System.err.println("ERROR: the suite runs from the launcher script: ./lab test " + String.join(" ", mavenArguments));
        return 2;
    }
}
