package newsalert.platform.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake Bot API's check of a message text, strict where Telegram's documentation is: in HTML parse mode
 * only the documented tags, properly nested and closed; {@code <}, {@code >} and {@code &} in text only as
 * entities ({@code &lt; &gt; &amp; &quot;} or numeric); at most 4,096 UTF-16 units after entity parsing.
 */
final class FakeHtml {
    static final int MAX_LENGTH = 4096;
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)((?:\\s+[a-z-]+(?:=\"[^\"<>]*\")?)*)\\s*>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    private FakeHtml() {
    }

    /**
     * @param text      the message text as sent
     * @param parseMode the parse_mode sent, or {@code null}
     * @return Telegram's error description for a bad text, or {@code null} when it would be accepted
     */
    static String problem(String text, String parseMode) {
        if (text == null || text.isBlank()) {
            return "Bad Request: message text is empty";
        }
        int length;
        if (parseMode != null && parseMode.toLowerCase(Locale.ROOT).equals("html")) {
            StringBuilder visible = new StringBuilder();
            String error = parse(text, visible);
            if (error != null) {
                return "Bad Request: can't parse entities: " + error;
            }
            length = visible.toString().strip().length();
        } else {
            length = text.strip().length();
        }
        return length > MAX_LENGTH ? "Bad Request: message is too long" : null;
    }

    /** Parses HTML into its visible text; @return an error, or {@code null} */
    private static String parse(String html, StringBuilder visible) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(html).region(i, html.length());
                if (!m.lookingAt() || !TAGS.contains(m.group(2))) {
                    return "Unsupported start tag at offset " + i;
                }
                if (m.group(1).isEmpty()) {
                    open.push(m.group(2));
                } else if (open.isEmpty() || !open.pop().equals(m.group(2))) {
                    return "Unmatched end tag \"" + m.group(2) + "\" at offset " + i;
                }
                i = m.end();
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html).region(i, html.length());
                if (!m.lookingAt()) {
                    return "Character '&' is reserved and must be escaped at offset " + i;
                }
                String name = m.group(1);
                if (name.startsWith("#")) {
                    int cp = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                            : Integer.parseInt(name.substring(1));
                    visible.appendCodePoint(Character.isValidCodePoint(cp) ? cp : '?');
                } else {
                    visible.append(switch (name) {
                        case "lt" -> '<';
                        case "gt" -> '>';
                        case "amp" -> '&';
                        default -> '"';
                    });
                }
                i = m.end();
            } else if (c == '>') {
                return "Character '>' is reserved and must be escaped at offset " + i;
            } else {
                visible.append(c);
                i++;
            }
        }
        return open.isEmpty() ? null : "Can't find end tag corresponding to start tag \"" + open.peek() + "\"";
    }
}
