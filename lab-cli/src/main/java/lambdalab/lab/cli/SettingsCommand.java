package lambdalab.lab.cli;

import java.util.concurrent.Callable;
import lambdalab.lab.settings.LabSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "List every setting with its current value, its environment variable and what it means. "
                + "Override in $LAB_HOME/lab.properties, by environment variable, or with --set KEY=VALUE.")
final class SettingsCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() {
        LabSettings settings = options.settings();
        System.out.println("Lab home: " + settings.home());
        for (LabSettings.Definition d : LabSettings.DEFINITIONS) {
            System.out.printf("%-24s %-10s %-30s %s%n", d.key(), settings.get(d.key()), d.environmentVariable(),
                    d.description());
        }
        return 0;
    }
}
