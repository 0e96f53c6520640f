package newsalert.eval;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one line of a JSON Lines file strictly: the line must hold exactly one JSON object (only
 * whitespace after it), and no object in it may repeat a key. Errors are {@link IllegalArgumentException}s
 * in plain words, without Jackson's wording or source excerpts; the caller adds the file and line.
 */
final class JsonLine {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");
    private static final Pattern CHARACTER = Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)[^)]*\\)\\)");
    private static final Pattern WORD = Pattern.compile("^Unrecognized token '(.*?)'");
    private static final Pattern CONTROL = Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

    static {
        MAPPER.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private JsonLine() {
    }

    /**
     * Reads a labelled JSON Lines file: blank lines are skipped, every other line is parsed, ids must be
     * unique in the file.
     *
     * @param file  the file ({@link InputText#lines} reads it)
     * @param parse one line to one item; throws {@link IllegalArgumentException} for a bad line
     * @param id    an item's id
     * @param none  what the file holds none of, e.g. "labelled items"
     * @return the items in file order
     * @throws EvalInputException {@code "<file>:<line>: <problem>"} for a bad line or a repeated id (about the
     *                            format), {@code "<file>: no <none>"} for a file without items, or what
     *                            {@link InputText#lines} throws
     */
    static <T> List<T> items(Path file, Function<String, T> parse, Function<T, String> id, String none) {
        List<String> lines = InputText.lines(file);
        List<T> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                T item = parse.apply(lines.get(i));
                if (!ids.add(id.apply(item))) {
                    throw new IllegalArgumentException("duplicate id " + id.apply(item));
                }
                items.add(item);
            } catch (IllegalArgumentException e) {
                throw new EvalInputException(file + ":" + (i + 1) + ": " + e.getMessage(), true);
            }
        }
        if (items.isEmpty()) {
            throw new EvalInputException(file + ": no " + none);
        }
        return items;
    }

    /**
     * @param line one line of text
     * @return the object on it
     * @throws IllegalArgumentException {@code "not valid JSON: <problem>"}, {@code "not a JSON object (each line
     *                                  holds one {...} object)"}, {@code "key 'K' appears twice in one object"}
     *                                  or {@code "text after the object at column N: 'T' (one object per line)"}
     */
    static JsonNode object(String line) {
        try (JsonParser parser = MAPPER.getFactory().createParser(line)) {
            JsonNode n = MAPPER.readTree(parser);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("not a JSON object (each line holds one {...} object)");
            }
            int end = (int) parser.currentLocation().getCharOffset();
            String rest = line.substring(Math.min(end, line.length())).strip();
            if (!rest.isEmpty()) {
                int column = line.indexOf(rest, end) + 1;
                throw new IllegalArgumentException("text after the object at column " + column + ": '"
                        + (rest.length() > 20 ? rest.substring(0, 20) + "…" : rest) + "' (one object per line)");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(plain(e));
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
    }

    /**
     * @param n     an object
     * @param what  where it sits, for the message: {@code ""} for the line's object, else e.g. {@code " in a quote"}
     * @param known the keys allowed, in the order the message lists them
     * @throws IllegalArgumentException {@code "unknown key 'K'<what> (known keys: a, b, c)"}
     */
    static void onlyKeys(JsonNode n, String what, List<String> known) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "'" + what + " (known keys: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    private static String plain(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        String at = column > 0 ? " at column " + column : "";
        Matcher m = DUPLICATE.matcher(original);
        if (e instanceof JsonParseException && m.find()) {
            return "key '" + m.group(1) + "' appears twice in one object";
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return "not valid JSON: unexpected end of input (an object must close on its line)";
        }
        m = CHARACTER.matcher(original);
        if (m.find()) {
            int code = Integer.parseInt(m.group(2));
            String shown = code < 32 || code == 0xFEFF || Character.isWhitespace(code)
                    ? String.format(java.util.Locale.ROOT, "U+%04X", code) : "'" + m.group(1) + "'";
            return "not valid JSON: unexpected character " + shown + at;
        }
        m = WORD.matcher(original);
        if (m.find()) {
            // Jackson's location is just past the word; name the column where it starts
            int start = column - m.group(1).length();
            return "not valid JSON: unknown word '" + m.group(1) + "'" + (start > 0 ? " at column " + start : "")
                    + " (text must be in double quotes)";
        }
        m = CONTROL.matcher(original);
        if (m.find()) {
            return "not valid JSON: control character U+" + String.format(java.util.Locale.ROOT, "%04X", Integer.parseInt(m.group(1)))
                    + at + " inside a string (write it as an escape such as \\t)";
        }
        String first = original.lines().findFirst().orElse("unreadable");
        int cut = first.indexOf(" (start marker");
        if (cut < 0) {
            cut = first.indexOf(" at [Source");
        }
        if (cut >= 0) {
            first = first.substring(0, cut);
        }
        return "not valid JSON: " + (first.isEmpty() ? first : Character.toLowerCase(first.charAt(0)) + first.substring(1))
                + at;
    }
}
