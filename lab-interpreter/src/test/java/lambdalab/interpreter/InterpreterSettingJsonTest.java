package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.zeppelin.interpreter.Interpreter;
import org.junit.jupiter.api.Test;

/** interpreter-setting.json, which Zeppelin reads at start: group, classes, properties, editors. */
class InterpreterSettingJsonTest {

    @Test
    void declaresTheLabGroupWithJavaAsDefault() throws Exception {
        JsonArray settings;
        try (Reader in = new InputStreamReader(
                getClass().getResourceAsStream("/interpreter-setting.json"), StandardCharsets.UTF_8)) {
            settings = JsonParser.parseReader(in).getAsJsonArray();
        }
        List<String> names = new ArrayList<>();
        for (JsonElement element : settings) {
            JsonObject setting = element.getAsJsonObject();
            assertThat(setting.get("group").getAsString()).isEqualTo("lab");
            names.add(setting.get("name").getAsString());
            Class<?> type = Class.forName(setting.get("className").getAsString());
            assertThat(Interpreter.class).isAssignableFrom(type);
            assertThat(type.getConstructor(Properties.class)).isNotNull();
            JsonObject properties = setting.getAsJsonObject("properties");
            for (String property : List.of(LabInterpreterSettings.CASSANDRA_HOST, LabInterpreterSettings.MAX_ROWS)) {
                assertThat(properties.getAsJsonObject(property).get("propertyName").getAsString()).isEqualTo(property);
            }
        }
        assertThat(names).containsExactly("java", "sql", "cql");
        assertThat(settings.get(0).getAsJsonObject().get("defaultInterpreter").getAsBoolean()).isTrue();
        assertThat(settings.get(0).getAsJsonObject().getAsJsonObject("editor").get("language").getAsString())
                .isEqualTo("java");
        assertThat(settings.get(2).getAsJsonObject().getAsJsonObject("editor").get("language").getAsString())
                .isEqualTo("sql");
    }
}
