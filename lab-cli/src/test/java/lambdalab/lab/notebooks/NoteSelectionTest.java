package lambdalab.lab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoteSelectionTest {

    @TempDir
    Path notebooks;

    @Test
    void allNotesInFileNameOrderOrTheOnesNamedByTheStartOfTheirName() throws IOException {
        Path second = Files.createFile(notebooks.resolve("02 Generating_2B.zpln"));
        Path first = Files.createFile(notebooks.resolve("01 Tour_2A.zpln"));
        Files.createFile(notebooks.resolve("README.md"));

        assertThat(NoteSelection.select(notebooks, List.of())).containsExactly(first, second);
        assertThat(NoteSelection.select(notebooks, List.of("02", "01 tour"))).containsExactly(second, first);
        assertThat(NoteSelection.select(notebooks, List.of(second.toString()))).containsExactly(second);
    }

    @Test
    void aNameMatchingNoneOrSeveralIsRefusedWithTheNotesThatExist() throws IOException {
        Files.createFile(notebooks.resolve("01 Tour_2A.zpln"));
        Files.createFile(notebooks.resolve("02 Generating_2B.zpln"));

        assertThatThrownBy(() -> NoteSelection.select(notebooks, List.of("03")))
                .hasMessageContaining("No note file or note starting with '03'")
                .hasMessageContaining("'01 Tour_2A.zpln', '02 Generating_2B.zpln'");
        assertThatThrownBy(() -> NoteSelection.select(notebooks, List.of("0")))
                .hasMessageContaining("'0' matches several notes");
    }

    @Test
    void aFolderWithoutNotesIsAnError() {
        assertThatThrownBy(() -> NoteSelection.select(notebooks.resolve("missing"), List.of()))
                .hasMessageContaining("No notes (*.zpln)");
    }
}
