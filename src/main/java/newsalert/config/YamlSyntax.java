package newsalert.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a YAML parser's syntax error ({@code while parsing a block mapping … expected <block end>}) into the
 * line it points at and a plain hint about the usual cause: indentation, a missing colon, a tab, an unclosed
 * bracket or quotation mark.
 */
final class YamlSyntax {
    /** SnakeYAML marks: the last one is where the problem was found, the first where the open construct began. */
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private YamlSyntax() {
    }

    /**
     * @param e the parser's exception
     * @return {@code "line 3: hint"}, or just the hint when no line is known
     */
    static String describe(JsonProcessingException e) {
        return describe(e, List.of());
    }

    /**
     * Like {@link #describe(JsonProcessingException)}, and when the parser stopped at a key because the line
     * above it, at the same indentation, has no colon ({@code interval 5m} above {@code max-age: 2h}), names that
     * line instead: the parser only notices the missing colon one line later.
     *
     * @param e    the parser's exception
     * @param file the file's lines, or an empty list when they are not known
     * @return {@code "line 4: hint"}, or just the hint when no line is known
     */
    static String describe(JsonProcessingException e, List<String> file) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.contains("mapping values are not allowed")) {
            Matcher at = MARK.matcher(original);
            if (at.find()) {
                int missing = keyWithoutColonAbove(file, Integer.parseInt(at.group(1)));
                if (missing > 0) {
                    // the line is not quoted: under telegram: or discord: it may hold a token
                    return "line " + missing + ": not valid YAML: a key is missing its colon; write key: value";
                }
            }
        }
        String text = original;
        Matcher m = MARK.matcher(text);
        String line = null;
        // an unclosed bracket or quote is reported at the end of the file: its start is the useful line
        boolean unclosed = text.contains("flow sequence") || text.contains("flow mapping")
                || text.contains("quoted scalar");
        while (m.find()) {
            line = m.group(1);
            if (unclosed) {
                break;
            }
        }
        if (line == null && e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            line = Integer.toString(e.getLocation().getLineNr());
        }
        String hint = hint(text);
        return (line == null ? "" : "line " + line + ": ")
                + (DUPLICATE.matcher(text).find() ? hint : "not valid YAML: " + hint);
    }

    /**
     * @param file the file's lines
     * @param line the 1-based line the parser stopped at
     * @return the 1-based line of the nearest non-blank, non-comment line above it when that line has the same
     *         indentation, is no {@code key:} line (no ": " and no colon at its end) and no list item (a key written without its colon); else 0
     */
    private static int keyWithoutColonAbove(List<String> file, int line) {
        if (line < 2 || line > file.size()) {
            return 0;
        }
        String here = file.get(line - 1);
        for (int i = line - 2; i >= 0; i--) {
            String above = file.get(i);
            String text = above.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            boolean sameIndent = indent(above) == indent(here);
            boolean key = text.contains(": ") || text.endsWith(":");
            return sameIndent && !key && !text.startsWith("-") ? i + 1 : 0;
        }
        return 0;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** @return what most likely causes a message of this kind, and how to fix it */
    static String hint(String message) {
        Matcher dup = DUPLICATE.matcher(message);
        if (dup.find()) {
            return "the key '" + dup.group(1) + "' appears twice in one section; keep one";
        }
        if (message.contains("TAB") || message.contains("\\t")) {
            return "a tab is used for indentation; indent with spaces only";
        }
        if (message.contains("could not find expected ':'")) {
            return "a key is missing its colon; write key: value";
        }
        if (message.contains("mapping values are not allowed")) {
            return "a colon where YAML expects none: check this line's indentation against the line above, that"
                    + " the key above ends with ':', and put a value containing ': ' in quotes";
        }
        if (message.contains("flow sequence") || message.contains("flow mapping")) {
            return "a '[' or '{' is not closed";
        }
        if (message.contains("quoted scalar")) {
            return "a quotation mark is not closed";
        }
        if (message.contains("expected <block end>") || message.contains("block mapping")
                || message.contains("block collection")) {
            return "the indentation is off: keys of one section start in the same column, keys under a section"
                    + " are indented further than it (with spaces), and list items start with '- '";
        }
        if (message.contains("found duplicate anchor") || message.contains("found undefined alias")
                || message.contains("anchor")) {
            return "an '&' or '*' starts a YAML anchor or alias; put the value in quotes";
        }
        return "check the indentation (spaces, keys of one section in the same column) and that every key ends"
                + " with ':'";
    }
}
