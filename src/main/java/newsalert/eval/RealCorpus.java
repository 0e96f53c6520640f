package newsalert.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unlabelled real text that real-text labels point into: a folder (normally {@code ../shared/corpus/news})
 * holding {@code huffpost_dev.jsonl} (ids {@code hp-…}) and {@code wikinews_dev.jsonl} (ids {@code wn-…}),
 * JSON Lines with string fields {@code id}, {@code title} and {@code body}; other fields ({@code url},
 * {@code published}…) are not ours and are ignored. A corpus file is read the first time a label needs it.
 * Not thread-safe.
 */
final class RealCorpus {
    /** Id prefix → source name → corpus file name, in report order. */
    static final Map<String, String[]> SOURCES = sources();

    /** One corpus item's text. */
    record Text(String id, String title, String body) {
    }

    private final Path dir;
    private final Map<String, Map<String, Text>> loaded = new HashMap<>();

    /**
     * @param dir the corpus folder
     * @throws EvalInputException {@code "<dir>: corpus folder not found; …"} when it is not a folder
     */
    RealCorpus(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new EvalInputException(dir + ": corpus folder not found; the real-text labels hold ids only and"
                    + " are joined with its text (give --corpus DIR, the folder holding huffpost_dev.jsonl and"
                    + " wikinews_dev.jsonl)");
        }
        this.dir = dir;
    }

    /**
     * @param id a label's id
     * @return the source name ({@code huffpost}, {@code wikinews})
     * @throws IllegalArgumentException when the prefix names no source
     */
    static String source(String id) {
        int dash = id.indexOf('-');
        String[] s = dash < 0 ? null : SOURCES.get(id.substring(0, dash + 1));
        if (s == null) {
            throw new IllegalArgumentException("id '" + id + "' names no corpus (ids start with "
                    + String.join(" or ", SOURCES.keySet()) + ")");
        }
        return s[0];
    }

    /**
     * @param id a label's id
     * @return the item's text
     * @throws IllegalArgumentException when the corpus file has no such id or the prefix names no source
     * @throws EvalInputException       when the corpus file cannot be read or has a bad line
     */
    Text text(String id) {
        source(id);
        String file = SOURCES.get(id.substring(0, id.indexOf('-') + 1))[1];
        Map<String, Text> items = loaded.computeIfAbsent(file, f -> {
            Map<String, Text> m = new HashMap<>();
            JsonLine.items(dir.resolve(f), RealCorpus::parse, Text::id, "corpus items").forEach(t -> m.put(t.id(), t));
            return m;
        });
        Text t = items.get(id);
        if (t == null) {
            throw new IllegalArgumentException("id " + id + " is not in " + dir.resolve(file));
        }
        return t;
    }

    private static Text parse(String line) {
        JsonNode n = JsonLine.object(line);
        return new Text(LabeledReader.text(n, "id"), LabeledReader.text(n, "title"), LabeledReader.text(n, "body"));
    }

    private static Map<String, String[]> sources() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("hp-", new String[] {"huffpost", "huffpost_dev.jsonl"});
        m.put("wn-", new String[] {"wikinews", "wikinews_dev.jsonl"});
        return java.util.Collections.unmodifiableMap(m);
    }

    /** @return the source names in report order */
    static List<String> sourceNames() {
        return SOURCES.values().stream().map(s -> s[0]).toList();
    }
}
