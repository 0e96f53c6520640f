package newsalert.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Words a config problem the same way wherever it is found: {@code config file FILE, line N: what is wrong},
 * with the line of the key in the user's file, or the environment variable the value came from, and values
 * quoted as the user wrote them ({@code 2s}, not {@code PT2S}).
 */
final class ConfigErrors {
    private final Path file;
    private final YamlLines lines;
    /** JSON Pointer of a value set from the environment → the variable's name. */
    private final Map<String, String> fromEnv;
    private final JsonNode tree;

    /**
     * @param file    the user's file, or {@code null}
     * @param lines   where its keys stand
     * @param fromEnv pointers whose value came from an environment variable, with its name
     * @param tree    the merged tree (defaults, file, environment) the config is read from
     */
    ConfigErrors(Path file, YamlLines lines, Map<String, String> fromEnv, JsonNode tree) {
        this.file = file;
        this.lines = lines;
        this.fromEnv = fromEnv;
        this.tree = tree;
    }

    /**
     * @param pointer where the bad value is ({@code /poll/interval}); "" for the whole file
     * @param what    what is wrong and what to write instead
     * @return the exception to throw, its message prefixed with where
     */
    ConfigException at(String pointer, String what) {
        return new ConfigException(where(pointer) + ": " + what);
    }

    /**
     * @param pointer where a value is ({@code /feeds/2})
     * @return how a message names that place: {@code config file my.yml, line 7}, {@code environment variable
     *         NEWSALERT_STORE_URL}, or {@code config} without a file
     */
    String where(String pointer) {
        String env = fromEnv.get(pointer);
        if (env != null) {
            return "environment variable " + env;
        }
        if (file == null) {
            return "config";
        }
        // a scalar where something else was expected: its own line, which is where the mistake is written
        // ("poll:" then "  interval 5m" on the next line names line 2)
        OptionalInt line = line(pointer);
        return "config file " + file + (line.isPresent() ? ", line " + line.getAsInt() : "");
    }

    /** @return the line of the value at {@code pointer} in the user's file, when known */
    OptionalInt line(String pointer) {
        return tree.at(pointer).isValueNode() ? lines.valueLineOf(pointer) : lines.lineOf(pointer);
    }

    /**
     * @param pointer a value's place
     * @return the value as written in the file ({@code 2s}, {@code 10000d}), or "" when absent
     */
    String written(String pointer) {
        JsonNode n = tree.at(pointer);
        if (n.isMissingNode() || n.isNull()) {
            return "";
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }
}
