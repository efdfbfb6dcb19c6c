package lambdalab.lab.zeppelin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import lambdalab.lab.settings.RepoLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupSettingTest {

    @TempDir
    Path temp;

    @Test
    void theLabGroupsSettingAsZeppelinReadsIt() throws IOException {
        GroupSetting setting = GroupSetting.read(RepoLayout.fromSystemProperty().root()
                .resolve("lab-interpreter/src/main/resources/interpreter-setting.json"));

        assertThat(setting.group()).isEqualTo("lab");
        assertThat(setting.creationOrder()).extracting(GroupSetting.Member::className).containsExactly(
                "lambdalab.interpreter.JavaInterpreter", "lambdalab.interpreter.SqlInterpreter",
                "lambdalab.interpreter.CqlInterpreter");
        assertThat(setting.member("lab.sql")).map(GroupSetting.Member::name).hasValue("sql");
        assertThat(setting.member("md")).isEmpty();
        assertThat(setting.defaults()).containsEntry("lab.spark.master", "local[2]").containsKey("lab.plus.url");
    }

    @Test
    void theSettingsValuesReplaceItsDefaultsAndZeppelinAddsItsOwn() throws IOException {
        Path json = temp.resolve("interpreter-setting.json");
        Files.writeString(json, """
                [{"group": "g", "name": "a", "className": "A", "defaultInterpreter": false,
                  "properties": {"g.host": {"defaultValue": "127.0.0.1"}, "g.blank": {"defaultValue": ""},
                                 "JAVA_HOME": {"defaultValue": "/jdk17"}}},
                 {"group": "g", "name": "b", "className": "B", "defaultInterpreter": true,
                  "properties": {"g.host": {"defaultValue": "ignored: the first interpreter's default counts"}}}]
                """);
        GroupSetting setting = GroupSetting.read(json);
        Properties values = new Properties();
        values.setProperty("g.host", "10.0.0.1");
        values.setProperty("lab.sh.PATH", "/bin"); // not the setting's: not sent

        Map<String, String> properties = setting.properties(values, temp.resolve("local-repo"));

        assertThat(setting.creationOrder()).extracting(GroupSetting.Member::className).containsExactly("B", "A");
        assertThat(properties).containsEntry("g.host", "10.0.0.1").containsEntry("JAVA_HOME", "/jdk17")
                .containsEntry("zeppelin.interpreter.output.limit", "102400")
                .containsEntry("zeppelin.interpreter.localRepo", temp.resolve("local-repo/g").toString())
                .doesNotContainKeys("g.blank", "lab.sh.PATH");
        assertThat(GroupSetting.environment(properties)).containsExactly(Map.entry("JAVA_HOME", "/jdk17"));
    }
}
