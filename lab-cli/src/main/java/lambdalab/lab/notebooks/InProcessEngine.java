package lambdalab.lab.notebooks;

import java.util.Properties;
import lambdalab.interpreter.LabInterpreterSettings;
import lambdalab.interpreter.NoteRunner;
import lambdalab.interpreter.SharedSpark;

/** The interpreter classes called in this JVM, on one SparkSession kept for all notes. */
public final class InProcessEngine implements NoteEngine {

    private final Properties properties;

    public InProcessEngine(Properties properties) {
        this.properties = properties;
        // one SparkSession for all notes: the REPLs come and go, the session stays
        SharedSpark.acquire(LabInterpreterSettings.from(properties));
    }

    @Override
    public NoteRunner runnerForNote() {
        return new NoteRunner(properties);
    }

    @Override
    public String description() {
        return "in this JVM";
    }

    @Override
    public void close() {
        SharedSpark.release();
    }
}
