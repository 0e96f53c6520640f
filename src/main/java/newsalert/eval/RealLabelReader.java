package newsalert.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import newsalert.story.Quote;
import newsalert.story.Topic;

/**
 * Reads a real-text label file (format: {@code src/test/resources/eval/README.md}, "Real-text labels"): JSON
 * Lines with {@code id}, {@code topics}, {@code casualties}, {@code quotes} ({@code [{speaker, role, start,
 * end}]}), {@code ambiguous} and optional {@code tags}, and joins each label with its text in a
 * {@link RealCorpus}. A quote's {@code start}/{@code end} are UTF-16 offsets into the body (end exclusive) of
 * the text between the quotation marks: a quotation mark must come before {@code start} and after
 * {@code end}, with only white space between (and, after {@code end}, at most one of {@code , . ; : ! ?}, a
 * fragment's dropped stop). Unknown keys, repeated keys and repeated ids are refused as in the other eval inputs.
 */
final class RealLabelReader {
    private static final List<String> KEYS = List.of("id", "topics", "casualties", "quotes", "ambiguous", "tags");
    private static final List<String> QUOTE_KEYS = List.of("speaker", "role", "start", "end");
    private static final String MARKS = "\"'\u201C\u201D\u2018\u2019\u00AB\u00BB\u201E\u201A\u2039\u203A";
    private static final String STOPS = ",.;:!?";

    /**
     * One label joined with its text.
     *
     * @param item      the label as a labelled item (title and body from the corpus, quote text resolved)
     * @param source    {@code huffpost} or {@code wikinews}
     * @param blind     true for the blind half ({@link #blind(String)})
     * @param ambiguous true when the topic is in doubt (left out of the topic measures)
     */
    record RealItem(LabeledItem item, String source, boolean blind, boolean ambiguous) {
    }

    private RealLabelReader() {
    }

    /**
     * @param file   a label file
     * @param corpus the text the ids point into
     * @return the joined items in file order
     * @throws EvalInputException {@code "<file>:<line>: <problem>"} for a bad line (bad JSON, unknown or
     *                            repeated key, an id not in the corpus, a quote span outside the body or not
     *                            between quotation marks, a repeated id), or what {@link InputText} throws
     */
    static List<RealItem> read(Path file, RealCorpus corpus) {
        return JsonLine.items(file, line -> parse(line, corpus), r -> r.item().id(), "labels");
    }

    /**
     * @param id a corpus id
     * @return true when the first byte of SHA-256(id as UTF-8) is odd: the item is in the blind half
     */
    static boolean blind(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 1) == 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static RealItem parse(String line, RealCorpus corpus) {
        JsonNode n = JsonLine.object(line);
        JsonLine.onlyKeys(n, "", KEYS);
        String id = LabeledReader.text(n, "id");
        String source = RealCorpus.source(id);
        RealCorpus.Text text = corpus.text(id);
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (JsonNode t : LabeledReader.array(n, "topics")) {
            if (!t.isTextual()) {
                throw new IllegalArgumentException("topics must hold strings");
            }
            topics.add(Topic.fromWireName(t.asText()));
        }
        List<Quote> quotes = new ArrayList<>();
        int k = 0;
        for (JsonNode q : LabeledReader.array(n, "quotes")) {
            k++;
            if (!q.isObject()) {
                throw new IllegalArgumentException("quotes must hold objects");
            }
            JsonLine.onlyKeys(q, " in a quote", QUOTE_KEYS);
            JsonNode role = q.get("role");
            String span = span(text.body(), k, offset(q, "start", k), offset(q, "end", k));
            quotes.add(new Quote(LabeledReader.text(q, "speaker"),
                    role == null || role.isNull() ? null : role.asText(), span));
        }
        JsonNode ambiguous = n.get("ambiguous");
        if (ambiguous == null || !ambiguous.isBoolean()) {
            throw new IllegalArgumentException("'ambiguous' must be true or false");
        }
        List<String> tags = new ArrayList<>();
        if (n.has("tags")) {
            LabeledReader.array(n, "tags").forEach(t -> tags.add(t.asText()));
        }
        LabeledItem item = new LabeledItem(id, text.title(), text.body(), topics, LabeledReader.casualties(n),
                quotes, tags);
        return new RealItem(item, source, blind(id), ambiguous.booleanValue());
    }

    private static int skipSpace(String body, int i) {
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int offset(JsonNode q, String key, int k) {
        JsonNode v = q.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("quote " + k + ": '" + key + "' must be a whole number");
        }
        return v.intValue();
    }

    /** @return {@code body[start, end)}, checked to sit inside the body and between quotation marks */
    static String span(String body, int k, int start, int end) {
        String where = "quote " + k + " (start " + start + ", end " + end + ")";
        if (start < 0 || end <= start || end > body.length()) {
            throw new IllegalArgumentException(where + " is outside the body (" + body.length()
                    + " characters; start must be below end)");
        }
        String s = body.substring(start, end);
        int open = start - 1;
        while (open >= 0 && Character.isWhitespace(body.charAt(open))) {
            open--;
        }
        int close = skipSpace(body, end);
        if (close < body.length() && STOPS.indexOf(body.charAt(close)) >= 0) {
            close = skipSpace(body, close + 1);
        }
        boolean opens = open >= 0 && MARKS.indexOf(body.charAt(open)) >= 0;
        boolean closes = close < body.length() && MARKS.indexOf(body.charAt(close)) >= 0;
        if (!opens || !closes) {
            throw new IllegalArgumentException(where + " does not match the body: "
                    + (opens ? "no quotation mark after end" : "no quotation mark before start")
                    + " (the span reads '" + QuoteScorer.brief(s) + "'; offsets count UTF-16 units)");
        }
        return s;
    }
}
