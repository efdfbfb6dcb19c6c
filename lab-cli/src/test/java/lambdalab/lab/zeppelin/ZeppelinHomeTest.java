package lambdalab.lab.zeppelin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZeppelinHomeTest {

    @TempDir
    Path temp;

    @Test
    void aZeppelinFolderAndTheCommandLineOfInterpreterSh() throws Exception {
        Path packaged = Files.createDirectories(temp.resolve("target/interpreter/lab"));
        Files.writeString(packaged.resolve("lab-interpreter-0.1.0-SNAPSHOT.jar"), "jar");
        Files.writeString(packaged.resolve("interpreter-setting.json"), "[]");
        Path api = Files.writeString(temp.resolve("zeppelin-interpreter-shaded-0.11.1.jar"), "api");

        ZeppelinHome home = ZeppelinHome.layOut(temp.resolve("zeppelin"), packaged, api);
        ZeppelinHome again = ZeppelinHome.layOut(temp.resolve("zeppelin"), packaged, api); // a rerun replaces it

        assertThat(again.interpreterDir()).isEqualTo(temp.resolve("zeppelin/interpreter/lab"));
        assertThat(Files.readString(again.interpreterDir().resolve("lab-interpreter-0.1.0-SNAPSHOT.jar"))).isEqualTo("jar");
        assertThat(again.classPath()).isEqualTo(temp.resolve("zeppelin/interpreter/lab") + "/*:"
                + temp.resolve("zeppelin/interpreter/zeppelin-interpreter-shaded-0.11.1.jar"));
        List<String> command = InterpreterProcess.command(home, Map.of("JAVA_HOME", "/jdk17",
                "ZEPPELIN_INTP_JAVA_OPTS", "--add-opens=a=b  -Dx=y", "ZEPPELIN_INTP_MEM", "-Xmx1g"), 12320,
                "lab-shared_process", "12321:12340");
        assertThat(command.get(0)).isEqualTo("/jdk17/bin/java");
        assertThat(command).containsSubsequence("--add-opens=a=b", "-Dx=y", "-Dfile.encoding=UTF-8", "-Xmx1g", "-cp",
                again.classPath(), InterpreterProcess.SERVER_CLASS, "127.0.0.1", "12320", "lab-shared_process",
                "12321:12340");
        assertThat(command.subList(command.size() - 4, command.size()))
                .containsExactly("127.0.0.1", "12320", "lab-shared_process", "12321:12340");
    }
}
