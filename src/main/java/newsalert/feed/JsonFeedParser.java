package newsalert.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import newsalert.story.Story;

/**
 * Reads JSON Feed 1.0 and 1.1 documents (<a href="https://www.jsonfeed.org/version/1.1/">jsonfeed.org</a>)
 * into the same {@link Story} values as RSS and Atom. Thread-safe and stateless.
 *
 * <p>Mapping of an item: {@code id} (a string, or a number as some 1.0 feeds write it) is the story id, else
 * the link, else the SHA-256 of title and date as for RSS; {@code url} (else {@code external_url}) made
 * absolute against {@code home_page_url}, {@code feed_url} and the address the feed came from; {@code title}
 * as one line of plain text; the body from {@code content_html} (as HTML), else {@code content_text}, else
 * {@code summary} (as text); {@code published} is the first plausible ({@link DatePolicy}) of
 * {@code date_published} and {@code date_modified} (RFC 3339; a date-only value is that day 00:00 UTC).
 * The author ({@link Story#author()}) is the item's {@code authors} (1.1), else its {@code author} (1.0), else
 * the feed's own {@code authors}/{@code author} (the spec: the feed's author stands for items that name none):
 * each author's {@code name} as one line of plain text, names joined with ", " (an author without a name is left
 * out). RSS and Atom authors are read by {@link StoryMapper#author}.
 *
 * <p>A document is a JSON Feed when its root is an object with an {@code items} array and a {@code version}
 * that is a {@code https://jsonfeed.org/version/…} URL (the spec requires it; other JSON is refused with that
 * reason). Nesting is bounded at
 * {@value #MAX_DEPTH} levels (JSON Feed needs 4), so a hostile document fails fast.
 */
final class JsonFeedParser {
    static final int MAX_DEPTH = 64;
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private JsonFeedParser() {
    }

    /**
     * @return whether the bytes look like JSON rather than XML: the first character after an optional
     *         UTF-8 byte order mark and white space is {@code '{'}
     */
    static boolean looksLikeJson(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
            i++;
        }
        return i < body.length && body[i] == '{';
    }

    /**
     * Parses one JSON Feed document.
     *
     * @param body      the raw bytes (UTF-8 as the spec requires; a UTF-8 byte order mark is skipped)
     * @param feedUrl   where it came from, or {@code null}; the last base for relative links
     * @param firstSeen when we fetched it; dates later than this plus 10 minutes are dropped
     * @return the feed title and its stories in document order (items with no title, body or link skipped)
     * @throws FeedException with a one-line plain reason when it is not a readable JSON Feed
     */
    static ParsedFeed parse(byte[] body, String feedUrl, Instant firstSeen) throws FeedException {
        JsonNode root = read(body);
        if (!root.isObject() || !root.path("items").isArray()) {
            throw new FeedException("not a feed: JSON without an \"items\" list is not a JSON Feed");
        }
        JsonNode version = root.get("version");
        if (version == null) {
            throw new FeedException("not a feed: JSON without a \"version\" (" + VERSION_PREFIX
                    + "1.1) is not a JSON Feed");
        }
        if (!version.asText("").startsWith(VERSION_PREFIX)) {
            throw new FeedException("not a feed: JSON Feed version \"" + FeedException.oneLine(version.asText(""))
                    + "\" is not one of jsonfeed.org's");
        }
        String source = PlainText.line(text(root, "title"));
        String home = text(root, "home_page_url");
        String self = text(root, "feed_url");
        String feedAuthor = authors(root);
        List<Story> stories = new ArrayList<>();
        for (JsonNode item : root.get("items")) {
            if (item.isObject()) {
                Story story = story(item, source, feedAuthor, firstSeen, home, self, feedUrl);
                if (!story.title().isEmpty() || !story.body().isEmpty() || story.link() != null) {
                    stories.add(story);
                }
            }
        }
        return new ParsedFeed(source, stories);
    }

    private static JsonNode read(byte[] body) throws FeedException {
        int skip = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            JsonNode root = JSON.readTree(body, skip, body.length - skip);
            if (root == null || root.isMissingNode()) {
                throw new FeedException("not a feed: the document is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr();
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String why = original.contains("nesting depth") ? "nested more than " + MAX_DEPTH + " levels deep"
                    // tester17f: an id of 100,000 digits was "malformed"
                    : original.startsWith("Number value length") ? "holding a number longer than "
                            + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits" + where
                    : original.startsWith("String value length") ? "holding a text longer than "
                            + StreamReadConstraints.DEFAULT_MAX_STRING_LEN + " characters" + where
                    : e instanceof JsonEOFException ? "cut short" + where : "malformed" + where;
            throw new FeedException("not a feed: JSON is " + why, e);
        } catch (IOException e) {
            throw new FeedException("not a feed: cannot read JSON", e);
        }
    }

    /**
     * @param node an item or the feed's root
     * @return the names of its {@code authors} (1.1), else of its {@code author} (1.0), joined with ", "; {@code
     *         null} when it names none
     */
    static String authors(JsonNode node) {
        List<String> names = new ArrayList<>();
        JsonNode many = node.get("authors");
        if (many != null && many.isArray()) {
            for (JsonNode a : many) {
                addName(names, a);
            }
        }
        if (names.isEmpty()) {
            addName(names, node.get("author"));
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static void addName(List<String> names, JsonNode author) {
        if (author != null && author.isObject() && names.size() < 20) {
            String name = PlainText.line(text(author, "name"));
            if (!name.isBlank() && !names.contains(name)) {
                names.add(name);
            }
        }
    }

    private static Story story(JsonNode item, String source, String feedAuthor, Instant firstSeen,
                               String... bases) {
        String title = PlainText.line(text(item, "title"));
        String rawLink = firstNonBlank(text(item, "url"), text(item, "external_url"));
        String link = Links.absolute(rawLink, bases);
        Instant published = date(text(item, "date_published"));
        Instant modified = date(text(item, "date_modified"));
        Instant when = DatePolicy.firstPlausible(firstSeen, toDate(published), toDate(modified));
        String id = firstNonBlank(text(item, "id"), link, rawLink);
        if (id == null) {
            Instant own = published != null ? published : modified;
            id = StoryMapper.sha256(title + "\n" + (own == null ? "" : own.toString()));
        }
        String body = PlainText.fromHtml(text(item, "content_html"));
        if (body.isEmpty()) {
            body = PlainText.fromText(firstNonBlank(text(item, "content_text"), text(item, "summary")));
        }
        String image = FeedImages.usable(firstNonBlank(text(item, "image"), text(item, "banner_image")), bases);
        String author = authors(item);
        return new Story(id.trim(), source, title, link, when, body, image, author == null ? feedAuthor : author);
    }

    /** @return the value of a string (or number) field, else {@code null} */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && (v.isTextual() || v.isNumber()) ? v.asText() : null;
    }

    /**
     * @return an RFC 3339 date-time, or a date alone as that day 00:00 UTC; {@code null} when unreadable or
     *         outside the years 1–9999 (java.time reads years up to ±999,999,999, which no date of the platform's
     *         {@code Date} can hold: one such value must not make the whole feed unreadable)
     */
    static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        Instant t;
        try {
            t = OffsetDateTime.parse(v.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                t = LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
        return t.isBefore(YEAR_1) || !t.isBefore(YEAR_10000) ? null : t;
    }

    private static final Instant YEAR_1 = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");

    private static Date toDate(Instant t) {
        return t == null ? null : Date.from(t);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
