package lambdalab.lab.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes one setting into {@code $LAB_HOME/lab.properties}, keeping the file's other lines as they are. */
public final class SettingsFile {

    private SettingsFile() {
    }

    public static void set(Path home, String key, String value) {
        Path file = home.resolve("lab.properties");
        try {
            List<String> lines = Files.isRegularFile(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
            String line = key + "=" + value;
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().matches(java.util.regex.Pattern.quote(key) + "\\s*[=:].*")) {
                    lines.set(i, line);
                    replaced = true;
                }
            }
            if (!replaced) {
                lines.add(line);
            }
            Files.createDirectories(home);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
