package newsalert.config;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        String text = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
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
