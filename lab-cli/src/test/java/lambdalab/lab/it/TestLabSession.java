package lambdalab.lab.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the run's lab (and deletes its home, close to a gigabyte) once the last test has run. A JVM
 * shutdown hook alone was not enough: Surefire ends its test JVM soon after the tests, and a lab's
 * stop takes longer than that, so every run left its home behind in the temporary folder.
 */
public final class TestLabSession implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestLab.stopShared();
    }
}
