package newsalert.analysis.quote;

import newsalert.analysis.text.NextOf;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds quotation spans in one paragraph.
 *
 * <p>Double marks first: curly “ ” (also « »), and straight {@code "} paired in order. A straight mark
 * opens only when it is not followed by white space. A double quote still open at the end of the
 * paragraph runs to the paragraph end ({@link QuoteSpan#closed()} false), which is how wire copy
 * continues a quote into the next paragraph.
 *
 * <p>Then single marks (‘ ’ and straight {@code '}) outside the double spans, told apart from apostrophes:
 * an opening mark must follow white space, the paragraph start or an opening bracket/dash and be followed
 * by a letter or digit; a closing mark must follow a non-space character and be followed by the end, white
 * space or punctuation, never a letter (so O'Hara, Russia’s and don't are not marks). Single quotes left
 * open are dropped, never run on. Single marks inside a double span are nested quotes and are left alone.
 */
final class QuoteSpans {
    private QuoteSpans() {
    }

    /** @return spans in order of their opening mark; never overlapping */
    static List<QuoteSpan> find(String p) {
        List<QuoteSpan> doubles = doubles(p);
        List<QuoteSpan> singles = singles(p, doubles);
        if (singles.isEmpty()) {
            return doubles;
        }
        List<QuoteSpan> all = new ArrayList<>(doubles);
        all.addAll(singles);
        all.sort((a, b) -> Integer.compare(a.open(), b.open()));
        return all;
    }

    private static List<QuoteSpan> doubles(String p) {
        List<QuoteSpan> out = new ArrayList<>();
        int open = -1;
        NextOf marks = new NextOf(p, '“', '«', '"', '”', '»');
        for (int i = marks.from(0); i < p.length(); i = marks.from(i + 1)) {
            char c = p.charAt(i);
            if (open < 0) {
                boolean opens = c == '“' || c == '«'
                        || (c == '"' && i + 1 < p.length() && !Character.isWhitespace(p.charAt(i + 1)));
                if (opens) {
                    open = i;
                }
            } else if (c == '”' || c == '"' || c == '»') {
                out.add(new QuoteSpan(open, i, true));
                open = -1;
            }
        }
        if (open >= 0 && open + 1 < p.length()) {
            out.add(new QuoteSpan(open, p.length(), false));
        }
        return out;
    }

    private static List<QuoteSpan> singles(String p, List<QuoteSpan> doubles) {
        List<QuoteSpan> out = new ArrayList<>();
        int open = -1;
        int d = 0;
        int n = p.length();
        NextOf marks = new NextOf(p, '‘', '’', '\'');
        int i = 0;
        while (i < n) {
            while (d < doubles.size() && doubles.get(d).end() <= i) {
                d++;
            }
            int doubleOpen = d < doubles.size() ? doubles.get(d).open() : n;
            if (doubleOpen <= i) {
                open = -1; // a double quote starts: any single open before it was an apostrophe
                i = doubles.get(d).end();
                continue;
            }
            int m = marks.from(i);
            if (m >= doubleOpen) {
                i = doubleOpen; // no single mark before the next double quote
                continue;
            }
            char c = p.charAt(m);
            char prev = m == 0 ? ' ' : p.charAt(m - 1);
            char next = m + 1 < n ? p.charAt(m + 1) : ' ';
            if (open < 0) {
                boolean opener = c != '’' && (Character.isWhitespace(prev) || "([—–-".indexOf(prev) >= 0 || m == 0)
                        && Character.isLetterOrDigit(next);
                if (opener) {
                    open = m;
                }
            } else if (c != '‘' && !Character.isWhitespace(prev) && !Character.isLetterOrDigit(next)) {
                if (m - open > 1) {
                    out.add(new QuoteSpan(open, m, true));
                }
                open = -1;
            }
            i = m + 1;
        }
        return out;
    }

    /** @return {@code p} with every character of each span (marks included) replaced by a space */
    static String masked(String p, List<QuoteSpan> spans) {
        if (spans.isEmpty()) {
            return p;
        }
        // pieces appended to a builder keep a Latin-1 text in one byte a character (no char[] copy)
        StringBuilder b = new StringBuilder(p.length());
        int from = 0;
        for (QuoteSpan s : spans) {
            int open = Math.max(s.open(), from);
            b.append(p, from, open);
            for (int i = open; i < s.end(); i++) {
                b.append(' ');
            }
            from = Math.max(from, s.end());
        }
        return b.append(p, from, p.length()).toString();
    }
}
