package lambdalab.lab.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a Chromium browser is: the suite drives a real headless one to test the Lambda+ dashboard.
 * Debian's {@code chromium} by default; {@code LAB_CHROMIUM} names another Chrome/Chromium binary.
 */
public final class Chromium {

    public static final String INSTALL_HINT = "The suite's dashboard test needs a Chromium browser: install "
            + "Debian's with `sudo apt-get update && sudo apt-get install -y chromium` (or set LAB_CHROMIUM to a "
            + "Chrome/Chromium binary). .ci/run installs it when it is missing.";
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private Chromium() {
    }

    /** The browser binary, or empty when none is installed. */
    public static Optional<Path> find() {
        String configured = System.getenv("LAB_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
