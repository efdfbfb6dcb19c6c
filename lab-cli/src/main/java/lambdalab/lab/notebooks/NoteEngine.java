package lambdalab.lab.notebooks;

import java.io.IOException;
import lambdalab.interpreter.NoteRunner;

/** Where notes' paragraphs run: each note gets a runner of its own, all share what the engine holds. */
public interface NoteEngine extends AutoCloseable {

    /** A runner for the next note, with fresh interpreters (a learner who opens just that note). */
    NoteRunner runnerForNote() throws IOException;

    /** For the report's first line, e.g. "in this JVM". */
    String description();

    @Override
    void close();
}
