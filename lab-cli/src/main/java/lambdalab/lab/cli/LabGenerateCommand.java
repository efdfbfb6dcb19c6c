package lambdalab.lab.cli;

import lambdalab.generator.GenerateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `lab generate`: the generator's command line, sending to this lab's Kafka unless told otherwise. */
@Command(name = "generate")
final class LabGenerateCommand extends GenerateCommand {

    @Mixin
    LabOptions options;

    @Override
    protected String defaultBootstrapServers() {
        return options.lab().services().kafkaBootstrapServers();
    }
}
