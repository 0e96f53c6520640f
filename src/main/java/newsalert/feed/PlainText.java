package newsalert.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reduces feed HTML to plain text.
 *
 * <p>Rules: tags are removed and entities decoded; a second, double-escaped layer such as
 * {@code l&amp;#39;uomo} (which arrives here as {@code l&#39;uomo}) is decoded once more; runs of
 * whitespace become one space; block elements ({@code p}, {@code br}, {@code div}, {@code li},
 * headings, {@code blockquote}, table rows and the like) and blank lines in the text end a
 * paragraph; paragraphs are joined with {@code "\n\n"}; {@code script}/{@code style} are dropped.
 */
final class PlainText {
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\u0000-\\u0008\\u000B\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Set<String> BLOCKS = Set.of("p", "br", "div", "li", "ul", "ol", "dl", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "hr", "section",
            "article", "header", "footer", "figure", "figcaption", "aside", "address", "main", "nav");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template");
    private static final Pattern LEFTOVER_ENTITY =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");

    private PlainText() {
    }

    /** Longest text read without jsoup when it has no markup: far above a feed's usual description. */
    private static final int PLAIN_LIMIT = 8_192;

    /**
     * Plain text of an HTML fragment, paragraphs separated by a blank line; never {@code null}. Text with no
     * {@code <}, {@code &}, carriage return or NUL, up to 8 KB, is not given to jsoup: its result would be the
     * same as {@link #fromText} (one text node, split at blank lines, spacing collapsed), at several times the cost.
     */
    static String fromHtml(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return hasNoMarkup(html) ? fromText(html) : viaJsoup(html);
    }

    /** Whether jsoup would see {@code s} as one run of text with nothing to decode. */
    static boolean hasNoMarkup(String s) {
        if (s.length() > PLAIN_LIMIT) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '&' || c == '\r' || c == 0) {
                return false;
            }
        }
        return true;
    }

    /** {@link #fromHtml} through jsoup, whatever the text. */
    static String viaJsoup(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Collector c = new Collector();
        NodeTraversor.traverse(c, Jsoup.parseBodyFragment(html).body());
        c.endParagraph();
        return String.join("\n\n", c.paragraphs);
    }

    /** Like {@link #fromHtml} but for text that is not markup: only entities and spacing change. */
    static String fromText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> paragraphs = new ArrayList<>();
        for (String part : BLANK_LINE.split(text)) {
            String p = collapse(decodeLeftovers(part));
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** One line of plain text from HTML (for titles): paragraph breaks become single spaces. */
    static String line(String html) {
        return collapse(fromHtml(html));
    }

    /**
     * Collapses white space and drops invisible controls: C0/C1 control characters and the Unicode
     * bidirectional embedding, override and isolate marks (U+202A–U+202E, U+2066–U+2069), which a
     * hostile feed could use to make a title display differently from what it says.
     */
    static String collapse(String s) {
        // by hand, as INVISIBLE.matcher(s).replaceAll("") then replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ")
        // then trim() would do (the regex was compiled on every call)
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || (c >= 0x7F && c <= 0x9F)
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                continue; // invisible
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0xA0 || c == 0x2007
                    || c == 0x202F) {
                space = true;
                continue;
            }
            if (space && b.length() > 0) {
                b.append(' ');
            }
            space = false;
            b.append(c);
        }
        return b.toString();
    }

    private static String decodeLeftovers(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = LEFTOVER_ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Parser.unescapeEntities(m.group(), false)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final class Collector implements NodeVisitor {
        final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int skipDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element el) {
                String tag = el.normalName();
                if (SKIPPED.contains(tag)) {
                    skipDepth++;
                } else if (BLOCKS.contains(tag)) {
                    endParagraph();
                }
            } else if (node instanceof TextNode text && skipDepth == 0) {
                String[] parts = BLANK_LINE.split(text.getWholeText(), -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        endParagraph();
                    }
                    current.append(parts[i]);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element el) {
                String tag = el.normalName();
                if (SKIPPED.contains(tag)) {
                    skipDepth--;
                } else if (BLOCKS.contains(tag)) {
                    endParagraph();
                }
            }
        }

        void endParagraph() {
            String p = collapse(decodeLeftovers(current.toString()));
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
            current.setLength(0);
        }
    }
}
