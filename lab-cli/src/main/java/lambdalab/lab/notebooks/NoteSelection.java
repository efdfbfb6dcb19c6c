package lambdalab.lab.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The notes a {@code lab notebooks run} runs: every {@code .zpln} of the course's notebooks folder in
 * file-name order (the course's module order), or the ones named: a file path, or the start of a
 * note's file name there ({@code 02}, {@code "03 The batch"}).
 */
public final class NoteSelection {

    static final String EXTENSION = ".zpln";

    private NoteSelection() {
    }

    /** @throws IllegalArgumentException when a name matches no note or several (it says which exist) */
    public static List<Path> select(Path notebooks, List<String> names) {
        List<Path> shipped = shipped(notebooks);
        if (names.isEmpty()) {
            if (shipped.isEmpty()) {
                throw new IllegalArgumentException("No notes (*" + EXTENSION + ") in " + notebooks + ".");
            }
            return shipped;
        }
        List<Path> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(resolve(name, shipped));
        }
        return selected;
    }

    private static Path resolve(String name, List<Path> shipped) {
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            return file.toAbsolutePath().normalize();
        }
        String prefix = name.toLowerCase(Locale.ROOT);
        List<Path> matches = shipped.stream()
                .filter(note -> note.getFileName().toString().toLowerCase(Locale.ROOT).startsWith(prefix))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String known = String.join(", ", shipped.stream().map(note -> "'" + note.getFileName() + "'").toList());
        throw new IllegalArgumentException((matches.isEmpty() ? "No note file or note starting with '" + name + "'"
                : "'" + name + "' matches several notes") + "; the course's notes are " + known
                + ". Give a .zpln file or the start of one of these names, e.g. 01 (troubleshooting.md#no-such-note).");
    }

    private static List<Path> shipped(Path notebooks) {
        if (!Files.isDirectory(notebooks)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(notebooks)) {
            return files.filter(file -> file.getFileName().toString().endsWith(EXTENSION)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the notes in " + notebooks, e);
        }
    }
}
