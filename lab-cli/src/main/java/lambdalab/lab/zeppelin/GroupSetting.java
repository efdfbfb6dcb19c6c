package lambdalab.lab.zeppelin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * An interpreter group as Zeppelin's server reads it from {@code interpreter/<group>/interpreter-setting.json}:
 * its interpreters (name, class, which is the default) and its properties with their default values,
 * merged over all interpreters, as one interpreter setting holds them.
 */
public record GroupSetting(String group, List<Member> interpreters, Map<String, String> defaults) {

    /** One interpreter of the group: {@code %<group>.<name>} runs {@code className}. */
    public record Member(String name, String className, boolean isDefault) {
    }

    public GroupSetting {
        interpreters = List.copyOf(interpreters);
        defaults = Map.copyOf(defaults);
    }

    public static GroupSetting read(Path json) throws IOException {
        JsonNode entries = new ObjectMapper().readTree(json.toFile());
        if (!entries.isArray() || entries.isEmpty()) {
            throw new IOException(json + " holds no interpreter (a JSON array of interpreter settings is expected)");
        }
        String group = entries.get(0).path("group").asText();
        List<Member> members = new ArrayList<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            members.add(new Member(entry.path("name").asText(), entry.path("className").asText(),
                    entry.path("defaultInterpreter").asBoolean(false)));
            entry.path("properties").fields().forEachRemaining(property ->
                    defaults.putIfAbsent(property.getKey(), property.getValue().path("defaultValue").asText("")));
        }
        return new GroupSetting(group, members, defaults);
    }

    /** The order Zeppelin creates a session's interpreters in: the default one first. */
    public List<Member> creationOrder() {
        return interpreters.stream().sorted(Comparator.comparing(member -> !member.isDefault())).toList();
    }

    /**
     * The properties Zeppelin's server sends with {@code createInterpreter}: the setting's properties with
     * their defaults, set to {@code values} where it has one (as a user sets them on the Interpreter page;
     * other keys of {@code values} are not the setting's and are left out), blank ones left out, plus the
     * three Zeppelin adds itself.
     */
    public Map<String, String> properties(Properties values, Path localRepository) {
        Map<String, String> properties = new LinkedHashMap<>(defaults);
        properties.replaceAll((key, value) -> values.getProperty(key, value));
        properties.values().removeIf(value -> value == null || value.isBlank());
        properties.putIfAbsent("zeppelin.interpreter.output.limit", "102400");
        properties.putIfAbsent("zeppelin.interpreter.connection.poolsize", "100");
        properties.put("zeppelin.interpreter.localRepo", localRepository.resolve(group).toString());
        return properties;
    }

    /**
     * The environment Zeppelin gives the interpreter process on top of its own: every property named
     * in UPPER_CASE (the rest become system properties inside the process, in {@code createInterpreter}).
     */
    public static Map<String, String> environment(Map<String, String> properties) {
        Map<String, String> environment = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (isEnvironmentName(key)) {
                environment.put(key, value);
            }
        });
        return environment;
    }

    static boolean isEnvironmentName(String key) {
        return !key.isEmpty() && key.matches("[A-Z_0-9]*");
    }

    /** The interpreter a paragraph names: {@code lab.java}, or {@code java} within the group. */
    public java.util.Optional<Member> member(String name) {
        String local = name.startsWith(group + ".") ? name.substring(group.length() + 1) : name;
        return interpreters.stream().filter(member -> member.name().equals(local)).findFirst();
    }
}
