package newsalert.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import newsalert.story.Story;

/**
 * Reads a labelled grouping set: one JSON object per line (UTF-8; blank lines skipped) with the string
 * keys {@code id}, {@code event} (the happening's label), {@code source}, {@code published} (ISO-8601
 * UTC instant), {@code title}, {@code body}, optional {@code link} and optional {@code tags} (array of
 * strings). Any other key is an error naming the known ones. Ids must be unique within a file. A leading
 * byte-order mark is skipped; bad JSON, a repeated key or text after the object is an error (see
 * {@link JsonLine}). Format: {@code src/test/resources/eval/README.md}.
 */
public final class EventSetReader {
    private static final List<String> KEYS = List.of("id", "event", "source", "published", "title", "body",
            "link", "tags");

    private EventSetReader() {
    }

    /**
     * @param file a {@code .jsonl} file
     * @return its items in file order
     * @throws EvalInputException when the file cannot be read or a line is bad ({@code "<file>:<line>: ..."},
     *                            {@link EvalInputException#aboutFormat()} true)
     */
    public static List<EventItem> read(Path file) {
        return JsonLine.items(file, EventSetReader::parse, EventItem::id, "labelled stories");
    }

    static EventItem parse(String line) {
        JsonNode n = JsonLine.object(line);
        JsonLine.onlyKeys(n, "", KEYS);
        String id = text(n, "id", true);
        String event = text(n, "event", true);
        Instant published;
        try {
            published = Instant.parse(text(n, "published", true));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'published' is not an ISO-8601 instant: " + n.get("published").asText());
        }
        List<String> tags = new ArrayList<>();
        JsonNode t = n.get("tags");
        if (t != null && !t.isNull()) {
            if (!t.isArray()) {
                throw new IllegalArgumentException("'tags' must be an array");
            }
            t.forEach(x -> tags.add(x.asText()));
        }
        Story story = new Story(id, text(n, "source", true), text(n, "title", true), text(n, "link", false),
                published, text(n, "body", true));
        return new EventItem(story, event, tags);
    }

    private static String text(JsonNode n, String key, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("'" + key + "' is required");
            }
            return null;
        }
        if (!v.isTextual() || required && v.asText().isBlank()) {
            throw new IllegalArgumentException("'" + key + "' must be a non-empty string");
        }
        return v.asText();
    }
}
