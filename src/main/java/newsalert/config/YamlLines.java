package newsalert.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where each key and list item of a YAML file stands: its 1-based line, looked up by JSON Pointer
 * ({@code /poll/interval}, {@code /feeds/0}). Lets the config loader name the line of a bad value, which the
 * merged tree it validates no longer knows.
 */
final class YamlLines {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final YamlLines NONE = new YamlLines(Map.of(), Map.of());
    private final Map<String, Integer> lines;
    /** JSON Pointer of a scalar value → the line the value itself starts on (may follow its key's line). */
    private final Map<String, Integer> valueLines;

    private YamlLines(Map<String, Integer> lines, Map<String, Integer> valueLines) {
        this.lines = lines;
        this.valueLines = valueLines;
    }

    /** @return the lines of a file that has no usable positions (none known) */
    static YamlLines none() {
        return NONE;
    }

    /**
     * @param file a YAML file that already parsed as a tree
     * @return the line of every key and list item in it; empty when the file cannot be read again
     */
    static YamlLines of(Path file) {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Integer> valueLines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonStreamContext ctx = p.getParsingContext();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    ctx = ctx.getParent(); // the new container sits at its parent's current key or index
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                if (ctx != null && !ctx.inRoot()) {
                    String pointer = ctx.pathAsPointer().toString();
                    int line = p.currentTokenLocation().getLineNr();
                    lines.putIfAbsent(pointer, line);
                    if (t.isScalarValue()) {
                        valueLines.putIfAbsent(pointer, line);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        return new YamlLines(lines, valueLines);
    }

    /**
     * @param pointer a JSON Pointer such as {@code /poll}
     * @return the line where the scalar value at that pointer starts ({@code poll:} followed by an indented
     *         {@code interval 5m} on line 2 gives 2), else {@link #lineOf} of the pointer
     */
    OptionalInt valueLineOf(String pointer) {
        Integer line = valueLines.get(pointer);
        return line != null ? OptionalInt.of(line) : lineOf(pointer);
    }

    /**
     * @param pointer a JSON Pointer such as {@code /feeds/2/interval}
     * @return the line of that key, else of its nearest enclosing key that the file has
     */
    OptionalInt lineOf(String pointer) {
        String p = pointer;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return OptionalInt.of(line);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return OptionalInt.empty();
    }
}
