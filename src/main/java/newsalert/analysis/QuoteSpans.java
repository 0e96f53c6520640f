package newsalert.analysis;

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
        for (int i = 0; i < p.length(); i++) {
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
        for (int i = 0; i < p.length(); i++) {
            while (d < doubles.size() && doubles.get(d).end() <= i) {
                d++;
            }
            if (d < doubles.size() && doubles.get(d).open() <= i) {
                open = -1; // a double quote starts: any single open before it was an apostrophe
                i = doubles.get(d).end() - 1;
                continue;
            }
            char c = p.charAt(i);
            if (c != '‘' && c != '’' && c != '\'') {
                continue;
            }
            char prev = i == 0 ? ' ' : p.charAt(i - 1);
            char next = i + 1 < p.length() ? p.charAt(i + 1) : ' ';
            if (open < 0) {
                boolean opener = c != '’' && (Character.isWhitespace(prev) || "([—–-".indexOf(prev) >= 0 || i == 0)
                        && Character.isLetterOrDigit(next);
                if (opener) {
                    open = i;
                }
            } else if (c != '‘' && !Character.isWhitespace(prev) && !Character.isLetterOrDigit(next)) {
                if (i - open > 1) {
                    out.add(new QuoteSpan(open, i, true));
                }
                open = -1;
            }
        }
        return out;
    }
}
