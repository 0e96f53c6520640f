package newsalert.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;

/**
 * Says in plain words what kind of value a config key takes and what was written instead, in place of the
 * mapper's message (which names Java classes and constructors).
 */
final class ValueKinds {
    private ValueKinds() {
    }

    /**
     * @param e     the mapper's error
     * @param value the value at the error's place in the merged tree (possibly missing)
     * @return e.g. {@code expected a whole number, got 'many'}
     */
    static String mismatch(JsonMappingException e, JsonNode value) {
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        String expected = target == null ? "a value of another kind" : expected(target);
        String hint = "";
        if (target != null && (target.isRecord() || Map.class.isAssignableFrom(target)) && value != null
                && value.isTextual()) {
            hint = value.asText().contains(":") ? "; put a space after each ':'" : "; is a ':' missing after a key?";
        }
        return "expected " + expected + ", got " + got(value) + hint;
    }

    private static String expected(Class<?> t) {
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "a whole number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a plain text value";
        }
        if (Collection.class.isAssignableFrom(t)) {
            return "a list (one '- ' line per item)";
        }
        if (t.isRecord() || Map.class.isAssignableFrom(t)) {
            return "a section of keys (key: value lines below it, indented)";
        }
        return "a value of another kind";
    }

    private static String got(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "a section of keys";
        }
        if (v.isArray()) {
            return "a list";
        }
        String text = v.asText();
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
    }
}
