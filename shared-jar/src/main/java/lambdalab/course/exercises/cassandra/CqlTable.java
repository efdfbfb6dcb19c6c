package lambdalab.course.exercises.cassandra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a {@code CREATE TABLE} statement a table design is judged by: its columns and types,
 * partition key, clustering columns and their order. Read without a Cassandra, so that exercise
 * 07.table-for-a-query is checked in an IDE too; the note also runs the statement on the lab's.
 */
public record CqlTable(String keyspace, String name, Map<String, String> columns, List<String> partitionKey,
                       List<String> clustering, Map<String, String> clusteringOrder) {

    private static final Pattern HEAD = Pattern.compile(
            "(?is)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w\"]+)\\.([\\w\"]+)\\s*\\(");
    private static final Pattern ORDER = Pattern.compile("(?is)CLUSTERING\\s+ORDER\\s+BY\\s*\\(([^)]*)\\)");
    private static final Pattern PRIMARY_KEY = Pattern.compile("(?is)^PRIMARY\\s+KEY\\s*\\((.*)\\)$");

    /** @throws IllegalArgumentException saying what is not as {@code CREATE TABLE ks.table (...)} expects */
    public static CqlTable parse(String statement) {
        Matcher head = HEAD.matcher(statement == null ? "" : statement);
        if (!head.find()) {
            throw new IllegalArgumentException("expected `CREATE TABLE <keyspace>.<table> (<columns>, PRIMARY KEY (...))`");
        }
        int open = head.end() - 1;
        int close = closing(statement, open);
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> key = null;
        for (String part : splitTopLevel(statement.substring(open + 1, close))) {
            Matcher primaryKey = PRIMARY_KEY.matcher(part);
            if (primaryKey.matches()) {
                key = splitTopLevel(primaryKey.group(1));
                continue;
            }
            String[] words = part.split("\\s+", 2);
            if (words.length < 2) {
                throw new IllegalArgumentException("`" + part + "` is not a column: write `<name> <type>`");
            }
            String type = words[1].toLowerCase(Locale.ROOT);
            if (type.endsWith("primary key")) {
                type = type.substring(0, type.length() - "primary key".length()).strip();
                key = List.of(words[0]);
            }
            columns.put(name(words[0]), type);
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("no PRIMARY KEY: every Cassandra table needs one");
        }
        List<String> partition = key.get(0).startsWith("(")
                ? splitTopLevel(key.get(0).substring(1, key.get(0).length() - 1)).stream().map(CqlTable::name).toList()
                : List.of(name(key.get(0)));
        List<String> clustering = key.subList(1, key.size()).stream().map(CqlTable::name).toList();
        return new CqlTable(name(head.group(1)), name(head.group(2)), columns, partition, clustering,
                order(statement.substring(close + 1)));
    }

    private static Map<String, String> order(String options) {
        Map<String, String> order = new LinkedHashMap<>();
        Matcher matcher = ORDER.matcher(options);
        if (matcher.find()) {
            for (String column : splitTopLevel(matcher.group(1))) {
                String[] words = column.split("\\s+");
                order.put(name(words[0]), words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "ASC");
            }
        }
        return order;
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            depth += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("a parenthesis is not closed");
    }

    /** Splits at commas outside parentheses and angle brackets (types such as map<int, bigint>). */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (char c : text.toCharArray()) {
            depth += c == '(' || c == '<' ? 1 : c == ')' || c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(part.toString().strip());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (!part.toString().isBlank()) {
            parts.add(part.toString().strip());
        }
        return parts;
    }

    private static String name(String word) {
        String stripped = word.strip();
        return stripped.startsWith("\"") ? stripped.replace("\"", "") : stripped.toLowerCase(Locale.ROOT);
    }
}
