package newsalert.platform.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A message as styled spans of plain text, rendered to Telegram HTML only at the end. Because text is cut
 * while it is still plain, a cut can never fall inside a tag or an entity, and every tag stays balanced.
 *
 * <p>Cost: a span's cost is its length in the rendered HTML (escaped text plus its tags), in UTF-16 units.
 * The HTML length bounds the length Telegram counts after entity parsing, so a message whose cost is at
 * most 4,096 is within the limit whichever of the two Telegram checks.
 */
final class HtmlText {
    /** How a span is marked up. */
    enum Style { PLAIN, BOLD, ITALIC, LINK }

    /**
     * @param style    markup
     * @param text     plain text, unescaped
     * @param href     the link target for {@link Style#LINK}, else {@code null}
     * @param trimRank 0 when the span is kept whole; otherwise spans of higher rank are cut first
     */
    record Span(Style style, String text, String href, int trimRank) {
        int cost() {
            return switch (style) {
                case PLAIN -> escapedLength(text, false);
                case BOLD, ITALIC -> text.isEmpty() ? 0 : escapedLength(text, false) + 7;
                case LINK -> escapedLength(text, false) + escapedLength(href, true) + 15;
            };
        }
    }

    private static final String ELLIPSIS = "…";
    /** A cut looks this far back for a space, to end on a word. */
    private static final int WORD_LOOKBACK = 30;

    private final List<Span> spans = new ArrayList<>();

    HtmlText plain(String text) {
        return add(Style.PLAIN, text, null, 0);
    }

    HtmlText plain(String text, int trimRank) {
        return add(Style.PLAIN, text, null, trimRank);
    }

    HtmlText bold(String text, int trimRank) {
        return add(Style.BOLD, text, null, trimRank);
    }

    HtmlText italic(String text, int trimRank) {
        return add(Style.ITALIC, text, null, trimRank);
    }

    HtmlText link(String text, String href) {
        return add(Style.LINK, text, href, 0);
    }

    /** Appends the other text's spans. */
    HtmlText append(HtmlText other) {
        spans.addAll(other.spans);
        return this;
    }

    HtmlText newline() {
        return plain("\n");
    }

    private HtmlText add(Style style, String text, String href, int trimRank) {
        if (text != null && !text.isEmpty()) {
            spans.add(new Span(style, text, href, trimRank));
        }
        return this;
    }

    /** @return the length of {@link #html()} */
    int cost() {
        return spans.stream().mapToInt(Span::cost).sum();
    }

    /**
     * @return the text as Telegram shows it: no tags, no entities; a link shows as "text: url" (still no
     *         longer than {@link #cost()})
     */
    String plainText() {
        StringBuilder sb = new StringBuilder();
        spans.forEach(s -> sb.append(s.text()).append(s.style() == Style.LINK ? ": " + s.href() : ""));
        return sb.toString().strip();
    }

    /** @return the message in Telegram HTML parse mode */
    String html() {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            switch (s.style()) {
                case PLAIN -> sb.append(escape(s.text(), false));
                case BOLD -> sb.append("<b>").append(escape(s.text(), false)).append("</b>");
                case ITALIC -> sb.append("<i>").append(escape(s.text(), false)).append("</i>");
                case LINK -> sb.append("<a href=\"").append(escape(s.href(), true)).append("\">")
                        .append(escape(s.text(), false)).append("</a>");
            }
        }
        return sb.toString().strip();
    }

    /**
     * Cuts trimmable spans, highest rank first (later spans first within a rank), until the cost is at most
     * {@code limit}. A cut span ends on a word when one ends within the last 30 characters, never splits a
     * surrogate pair, and ends with "…"; a span with no room left is dropped. Spans of rank 0 are kept.
     *
     * @return this, for chaining
     */
    HtmlText fit(int limit) {
        int excess = cost() - limit;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).trimRank() > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingInt((Integer i) -> spans.get(i).trimRank()).reversed()
                .thenComparing(Comparator.<Integer>reverseOrder()));
        for (int i : order) {
            if (excess <= 0) {
                break;
            }
            Span s = spans.get(i);
            int textCost = escapedLength(s.text(), false);
            String cut = cut(s.text(), Math.max(0, textCost - excess));
            Span replaced = new Span(s.style(), cut, s.href(), s.trimRank());
            excess -= s.cost() - (cut.isEmpty() ? 0 : replaced.cost());
            spans.set(i, cut.isEmpty() ? new Span(Style.PLAIN, "", null, 0) : replaced);
        }
        spans.removeIf(s -> s.text().isEmpty());
        return this;
    }

    /**
     * @param text    plain text
     * @param maxCost the most escaped length the result may have
     * @return {@code text} when it fits; else its longest prefix that fits with "…" appended (see
     *         {@link #fit}); {@code ""} when not even one character and "…" fit
     */
    static String cut(String text, int maxCost) {
        if (escapedLength(text, false) <= maxCost) {
            return text;
        }
        int budget = maxCost - ELLIPSIS.length();
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int c = charCost(text.charAt(end), false);
            if (used + c > budget) {
                break;
            }
            used += c;
            end++;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        for (int i = end; i > 0 && i > end - WORD_LOOKBACK; i--) {
            if (Character.isWhitespace(text.charAt(i - 1)) || Character.isWhitespace(text.charAt(i))) {
                end = i;
                break;
            }
        }
        String head = text.substring(0, end).stripTrailing();
        return head.isEmpty() ? "" : head + ELLIPSIS;
    }

    /**
     * Escapes for Telegram HTML: {@code &}, {@code <}, {@code >} always, {@code "} inside attributes.
     *
     * @param attribute whether the text goes inside a double-quoted attribute value
     */
    static String escape(String text, boolean attribute) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** @return the length of {@link #escape(String, boolean)} of {@code text} */
    static int escapedLength(String text, boolean attribute) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += charCost(text.charAt(i), attribute);
        }
        return n;
    }

    private static int charCost(char ch, boolean attribute) {
        return switch (ch) {
            case '&' -> 5;
            case '<', '>' -> 4;
            case '"' -> attribute ? 6 : 1;
            default -> 1;
        };
    }
}
