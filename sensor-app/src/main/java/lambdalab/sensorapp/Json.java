package lambdalab.sensorapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server's JSON answers: one mapper, and the {@code {"error": ...}} shape every failure uses. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(write(body));
    }

    /** {@code {"error": message}}, plus {@code "index"} when given. */
    static Map<String, Object> error(String message, Integer index) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (index != null) {
            body.put("index", index);
        }
        return body;
    }
}
