package newsalert.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;
import newsalert.story.Quote;
import newsalert.story.Topic;

/**
 * Reads labelled items, one JSON object per line (UTF-8, a leading byte-order mark skipped; blank lines
 * skipped; see {@link InputText} and {@link JsonLine} for what makes a line unreadable). Required keys:
 * {@code id}, {@code title}, {@code body}, {@code topics}, {@code casualties}, {@code quotes};
 * {@code tags} is optional. Any other key is an error naming the known ones (a misspelt
 * {@code casualites} would otherwise drop the labels silently); so is an unknown key in a quote
 * ({@code speaker}, {@code role}, {@code text}) or a count ({@code min}, {@code max}, {@code qualifier}).
 * Ids must be unique within a file.
 */
public final class LabeledReader {
    private static final List<String> KEYS = List.of("id", "title", "body", "topics", "casualties", "quotes", "tags");
    private static final List<String> QUOTE_KEYS = List.of("speaker", "role", "text");
    private static final List<String> COUNT_KEYS = List.of("min", "max", "qualifier");
    private static final List<String> CASUALTY_KEYS = List.of("killed", "injured", "missing");

    private LabeledReader() {
    }

    /**
     * @param file a {@code .jsonl} file
     * @return its items in file order
     * @throws EvalInputException when the file cannot be read ({@code "<file>: ..."}) or a line is bad
     *                            ({@code "<file>:<line>: ..."}, {@link EvalInputException#aboutFormat()} true)
     */
    public static List<LabeledItem> read(Path file) {
        return JsonLine.items(file, LabeledReader::parse, LabeledItem::id, "labelled items");
    }

    /**
     * @param line one JSON object
     * @return the item
     * @throws IllegalArgumentException naming the bad, missing or unknown key, or the JSON problem
     */
    static LabeledItem parse(String line) {
        JsonNode n = JsonLine.object(line);
        JsonLine.onlyKeys(n, "", KEYS);
        String id = text(n, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (JsonNode t : array(n, "topics")) {
            if (!t.isTextual()) {
                throw new IllegalArgumentException("topics must hold strings");
            }
            topics.add(Topic.fromWireName(t.asText()));
        }
        List<Quote> quotes = new ArrayList<>();
        for (JsonNode q : array(n, "quotes")) {
            if (!q.isObject()) {
                throw new IllegalArgumentException("quotes must hold objects");
            }
            JsonLine.onlyKeys(q, " in a quote", QUOTE_KEYS);
            JsonNode role = q.get("role");
            quotes.add(new Quote(text(q, "speaker"), role == null || role.isNull() ? null : role.asText(),
                    text(q, "text")));
        }
        List<String> tags = new ArrayList<>();
        if (n.has("tags")) {
            array(n, "tags").forEach(t -> tags.add(t.asText()));
        }
        return new LabeledItem(id, text(n, "title"), text(n, "body"), topics, casualties(n), quotes, tags);
    }

    /** @return the {@code casualties} object of a labelled line; errors as {@link #parse} */
    static Casualties casualties(JsonNode n) {
        JsonNode c = n.get("casualties");
        if (c == null || !c.isObject()) {
            throw new IllegalArgumentException("casualties must be an object");
        }
        for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!CASUALTY_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown casualty key '" + key + "' (known keys: "
                        + String.join(", ", CASUALTY_KEYS) + ")");
            }
        }
        return new Casualties(count(c, "killed"), count(c, "injured"), count(c, "missing"));
    }

    private static CasualtyCount count(JsonNode c, String key) {
        JsonNode v = c.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException(key + " must be an object {min, max, qualifier}");
        }
        JsonLine.onlyKeys(v, " in " + key, COUNT_KEYS);
        JsonNode min = v.get("min");
        JsonNode max = v.get("max");
        if (min == null || !min.canConvertToInt() || !min.isIntegralNumber()) {
            throw new IllegalArgumentException(key + ".min must be an integer");
        }
        if (max != null && !max.isNull() && !max.isIntegralNumber()) {
            throw new IllegalArgumentException(key + ".max must be an integer or null");
        }
        String q = text(v, "qualifier");
        Qualifier qualifier;
        try {
            qualifier = Qualifier.valueOf(q.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ".qualifier '" + q + "' is not one of exact, at_least,"
                    + " more_than, about, range");
        }
        Integer maxValue = max == null || max.isNull() ? null : max.intValue();
        if ((qualifier == Qualifier.RANGE) != (maxValue != null)) {
            throw new IllegalArgumentException(key + ".max is set exactly when the qualifier is range");
        }
        try {
            return new CasualtyCount(min.intValue(), maxValue, qualifier);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' must be a string");
        }
        return v.asText();
    }

    static JsonNode array(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be an array");
        }
        return v;
    }
}
