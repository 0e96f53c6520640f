package newsalert.platform.discord;

import newsalert.platform.Links;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes untrusted text (feed titles, bodies, speakers, command replies) safe to show in Discord markdown.
 *
 * <p>Rule: the characters Discord's markdown gives a meaning to anywhere ({@code \ * _ ~ | > < ` [ ]}) get a
 * backslash in front, which Discord removes when it renders; so do {@code #} and {@code -} when they open a line
 * (headings, subtext, lists) and the dot of a number opening a line ("12. " would start a list). The reader
 * sees the text as written and nothing becomes bold, a spoiler, a quote, a heading, a list, a masked link or a
 * mention chip ({@code <@123>} renders as text). {@code @everyone} and {@code @here} get a zero-width space after the
 * {@code @}, so even a client that ignored allowed-mentions would not ping anyone. Sends also carry
 * allowed mentions "none" (see {@link DiscordPlatform}).
 */
public final class DiscordText {
    private static final String SPECIAL = "\\*_~|><`[]";
    private static final String LINE_START = "#-";
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s<>]+");
    private static final char ZWSP = '\u200B';
    private static final java.util.regex.Pattern MASS_MENTION =
            java.util.regex.Pattern.compile("@(everyone|here)", java.util.regex.Pattern.CASE_INSENSITIVE);

    private DiscordText() {
    }

    /**
     * @param text untrusted text, or {@code null}
     * @return the text with markdown characters escaped and mass mentions broken; {@code ""} for {@code null}
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        boolean lineStart = true;
        boolean digits = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean numberDot = c == '.' && digits && i + 1 < text.length() && text.charAt(i + 1) == ' ';
            if (SPECIAL.indexOf(c) >= 0 || lineStart && LINE_START.indexOf(c) >= 0 || numberDot) {
                sb.append('\\');
            }
            digits = (lineStart || digits) && c >= '0' && c <= '9';
            lineStart = c == '\n' || lineStart && (c == ' ' || c == '\t');
            sb.append(c);
            if (c == '@' && (text.startsWith("everyone", i + 1) || text.startsWith("here", i + 1))) {
                sb.append(ZWSP);
            }
        }
        return sb.toString();
    }

    /**
     * Like {@link #escape} but leaves http(s) URLs (up to the next whitespace or angle bracket) as they are,
     * so that Discord still links them; for command replies, whose links come from our own rendering.
     */
    public static String escapeKeepingLinks(String text) {
        if (text == null) {
            return "";
        }
        java.util.regex.Matcher m = LINK.matcher(text);
        StringBuilder sb = new StringBuilder();
        int at = 0;
        while (m.find()) {
            sb.append(escape(text.substring(at, m.start()))).append(m.group());
            at = m.end();
        }
        return sb.append(escape(text.substring(at))).toString();
    }

    /**
     * Cuts text to at most {@code max} characters, ending in "…" when cut, never splitting a surrogate pair
     * or leaving a lone escaping backslash at the end.
     *
     * @param max at least 1
     */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int slashes = 0;
        for (int i = end - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            slashes++;
        }
        if (slashes % 2 == 1) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * @param original a story link, or {@code null}
     * @return the link written in ASCII ({@link Links#ascii}: host in punycode, spaces, angle brackets,
     *         {@code | { } ^} and non-ASCII characters percent-encoded; safe as an embed URL and inside {@code <…>})
     *         when it is an absolute http(s) URL, with every {@code @} after the host written {@code %40} (the same address
     *         to a web server, but never a Discord {@code @everyone} or {@code @here} in a message that may ping
     *         them), of at most {@value #MAX_LINK} characters so written; {@code null} when not such a URL, when its
     *         user and host part itself spells {@code @everyone} or {@code @here}, or when it is longer (the alert
     *         then goes without that link or picture)
     */
    public static String safeLink(String original) {
        String link = Links.ascii(original); // an IDN host in punycode, | { } ^ and non-ASCII percent-encoded
        if (link == null || link.length() > 2000 || !link.matches("(?i)https?://[^\\s<>]+")) {
            return null;
        }
        try {
            URI uri = URI.create(link);
            if (uri.getHost() == null) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        int authorityStart = link.indexOf("//") + 2;
        int pathStart = authorityStart;
        while (pathStart < link.length() && "/?#".indexOf(link.charAt(pathStart)) < 0) {
            pathStart++;
        }
        String authority = link.substring(authorityStart, pathStart);
        if (MASS_MENTION.matcher(authority).find()) {
            return null;
        }
        String safe = link.substring(0, pathStart) + link.substring(pathStart).replace("@", "%40");
        // each %40 is three characters: an address full of @ can grow past what Discord takes (tester18d)
        return safe.length() > MAX_LINK ? null : safe;
    }

    /** The longest link or picture address Discord takes in an embed (JDA's {@code URL_MAX_LENGTH}), in chars. */
    static final int MAX_LINK = 2000;

    /**
     * Splits text into messages of at most {@code max} characters, preferring line breaks, then spaces, as
     * cut points (a piece with neither is cut hard, never inside a surrogate pair or after a lone backslash).
     *
     * @return the pieces, in order; one empty piece for empty text
     */
    public static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut <= 0) {
                cut = max;
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
                int slashes = 0;
                for (int i = cut - 1; i >= 0 && rest.charAt(i) == '\\'; i--) {
                    slashes++;
                }
                if (slashes % 2 == 1) {
                    cut--;
                }
                parts.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            } else {
                parts.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1);
            }
        }
        parts.add(rest);
        return parts;
    }
}
