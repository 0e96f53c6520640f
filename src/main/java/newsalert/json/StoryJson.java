package newsalert.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;

/**
 * Converts a story with its assessment to and from one JSON object.
 *
 * <p>Shape: {@code id, source, title, link, published} (ISO-8601 UTC or null), {@code topics}
 * (array of "attack"/"diplomacy"), {@code severity} (0–100), {@code reasons} (array of strings),
 * {@code casualties} (object with optional {@code killed/injured/missing}, each
 * {@code {"min": int, "max": int|null, "qualifier": "exact"|"at_least"|"more_than"|"about"|"range"}}
 * plus {@code "evidence"}: the sentence it was read from, when known), {@code quotes} (array of
 * {@code {"speaker", "role"|null, "text"}} plus {@code "evidence"} when known), {@code alert} (boolean),
 * {@code language} (ISO 639-1 code or null; JSON written before it existed reads as null).
 * The store adds {@code body}, which {@code scan --json} leaves out. {@code image} (the feed's picture URL) comes
 * after the fields above and only when the entry has one; JSON stored before it existed reads as a story without
 * a picture. {@code author} (who wrote it, as the feed names them: JSON Feed authors) comes last and only when
 * known; older JSON reads as a story without one. {@code update} ({@code {"at", "change"}}: an event view's
 * revision, its time ISO-8601 UTC) comes after and only on a revised event's view; older views carried the
 * revision as a line at the top of {@code body} and read as views without one.
 */
public final class StoryJson {
    /** Shared mapper; thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private StoryJson() {
    }

    /**
     * @param story      the story
     * @param assessment its assessment
     * @param withBody   whether to include the plain-text {@code body} field
     * @return a new JSON object in the documented shape, fields in a fixed order
     */
    public static ObjectNode toJson(Story story, Assessment assessment, boolean withBody) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", story.id());
        o.put("source", story.source());
        o.put("title", story.title());
        o.put("link", story.link());
        o.put("published", time(story.published()));
        putTopics(o, assessment.topics());
        o.put("severity", assessment.severity());
        ArrayNode reasons = o.putArray("reasons");
        assessment.reasons().forEach(reasons::add);
        ObjectNode cas = o.putObject("casualties");
        putCount(cas, "killed", assessment.casualties().killed());
        putCount(cas, "injured", assessment.casualties().injured());
        putCount(cas, "missing", assessment.casualties().missing());
        putQuotes(o, assessment.quotes(), true);
        o.put("alert", assessment.alert());
        o.put("language", assessment.language());
        if (withBody) {
            o.put("body", story.body());
        }
        if (story.image() != null) {
            o.put("image", story.image());
        }
        if (story.author() != null) {
            o.put("author", story.author());
        }
        if (story.update() != null) {
            ObjectNode u = o.putObject("update");
            u.put("at", time(story.update().at()));
            u.put("change", story.update().change());
        }
        return o;
    }

    /** @return the object as one line of JSON (no trailing newline) */
    public static String toLine(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize story JSON", e);
        }
    }

    /**
     * @param o JSON written by {@link #toJson} with {@code withBody = true}
     * @return the story (body included when present)
     * @throws IllegalArgumentException when the text is not such JSON
     */
    public static Story storyFrom(JsonNode o) {
        String published = text(o, "published");
        return new Story(o.path("id").asText(), text(o, "source"), text(o, "title"), text(o, "link"),
                published == null ? null : Instant.parse(published), text(o, "body"), text(o, "image"),
                text(o, "author"), update(o.get("update")));
    }

    private static Story.Update update(JsonNode u) {
        String at = u == null ? null : text(u, "at");
        return at == null ? null : new Story.Update(Instant.parse(at), text(u, "change"));
    }

    /**
     * @param o JSON written by {@link #toJson}
     * @return the assessment it holds
     */
    public static Assessment assessmentFrom(JsonNode o) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        o.path("topics").forEach(t -> topics.add(Topic.fromWireName(t.asText())));
        List<String> reasons = new ArrayList<>();
        o.path("reasons").forEach(r -> reasons.add(r.asText()));
        JsonNode c = o.path("casualties");
        Casualties cas = new Casualties(count(c.get("killed")), count(c.get("injured")), count(c.get("missing")));
        List<Quote> quotes = new ArrayList<>();
        o.path("quotes").forEach(q -> quotes.add(new Quote(q.path("speaker").asText(), text(q, "role"),
                q.path("text").asText(), text(q, "evidence"))));
        return new Assessment(topics, o.path("severity").asInt(), reasons, cas, quotes, o.path("alert").asBoolean(),
                text(o, "language"));
    }

    /** @return the node parsed from one line of JSON */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code topics}: the wire names in {@link Topic} order. */
    static void putTopics(ObjectNode o, Set<Topic> topics) {
        ArrayNode array = o.putArray("topics");
        for (Topic t : Topic.values()) {
            if (topics.contains(t)) {
                array.add(t.wireName());
            }
        }
    }

    /** Writes {@code quotes}: speaker, role, text, and the evidence when asked for and present. */
    static void putQuotes(ObjectNode o, List<Quote> quotes, boolean withEvidence) {
        ArrayNode array = o.putArray("quotes");
        for (Quote q : quotes) {
            ObjectNode qn = array.addObject();
            qn.put("speaker", q.speaker());
            qn.put("role", q.role());
            qn.put("text", q.text());
            if (withEvidence && q.evidence() != null) {
                qn.put("evidence", q.evidence());
            }
        }
    }

    /** @return ISO-8601 UTC, or {@code null} */
    static String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /**
     * Writes one count under {@code key} ({@code min}, {@code max} or null, {@code qualifier}, {@code evidence}
     * when present); nothing when {@code c} is null.
     *
     * @return the written object, or {@code null}
     */
    static ObjectNode putCount(ObjectNode parent, String key, CasualtyCount c) {
        if (c == null) {
            return null;
        }
        ObjectNode n = parent.putObject(key);
        n.put("min", c.min());
        if (c.max() == null) {
            n.putNull("max");
        } else {
            n.put("max", c.max());
        }
        n.put("qualifier", c.qualifier().wireName());
        if (c.evidence() != null) {
            n.put("evidence", c.evidence());
        }
        return n;
    }

    private static CasualtyCount count(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        Integer max = n.path("max").isNumber() ? n.get("max").asInt() : null;
        Qualifier q = Qualifier.valueOf(n.path("qualifier").asText().toUpperCase(Locale.ROOT));
        return new CasualtyCount(n.path("min").asInt(), max, q, text(n, "evidence"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
