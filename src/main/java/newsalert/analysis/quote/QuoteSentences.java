package newsalert.analysis.quote;

import newsalert.analysis.text.NextOf;
import newsalert.analysis.text.WordLists;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sentence starts within a paragraph. A sentence ends at {@code . ! ?} or an ellipsis, optionally followed
 * by closing marks, then white space and a capital letter, digit or opening mark. A full stop after a known
 * abbreviation (Gen., Dr., Jan.), a single capital initial (J.) or a dotted acronym (U.S., U.N.) ends no
 * sentence.
 */
public final class QuoteSentences {
    private static final Set<String> ABBREVIATIONS = WordLists.QUOTE.set("abbreviations");
    private static final Pattern ACRONYM = Pattern.compile("(?:\\p{L}\\.)*\\p{L}");

    private QuoteSentences() {
    }

    /** @return indices where sentences start, ascending, always beginning with 0 */
    static List<Integer> starts(String p) {
        List<Integer> out = new ArrayList<>();
        out.add(0);
        int n = p.length();
        NextOf stops = new NextOf(p, '.', '!', '?', '…');
        for (int i = stops.from(0); i < n; i = stops.from(i + 1)) {
            char c = p.charAt(i);
            int j = i + 1;
            while (j < n && "'\"”’)]".indexOf(p.charAt(j)) >= 0) {
                j++;
            }
            int k = j;
            while (k < n && Character.isWhitespace(p.charAt(k))) {
                k++;
            }
            if (k == j || k >= n) {
                continue;
            }
            boolean opensQuote = p.charAt(k) == '“' || p.charAt(k) == '"'; // “[...] Rather …” opens a sentence too
            int first = "\"“‘'([".indexOf(p.charAt(k)) >= 0 ? k + 1 : k;
            if (first < n && (opensQuote || Character.isUpperCase(p.charAt(first)) || Character.isDigit(p.charAt(first)))
                    && !(c == '.' && isAbbreviation(p, i))) {
                out.add(k);
            }
            i = j - 1;
        }
        return out;
    }

    private static boolean isAbbreviation(String p, int dot) {
        int s = dot;
        while (s > 0 && !Character.isWhitespace(p.charAt(s - 1)) && "(\"“‘".indexOf(p.charAt(s - 1)) < 0) {
            s--;
        }
        String word = p.substring(s, dot);
        if (ABBREVIATIONS.contains(word)) {
            return true;
        }
        // the cheap tests first: most words are longer, or lack a capital or an inner dot
        return !word.isEmpty() && word.length() <= 4 && Character.isUpperCase(word.charAt(0))
                && (word.length() == 1 || word.indexOf('.') > 0) && ACRONYM.matcher(word).matches();
    }

    /** @return the start of the sentence holding {@code pos} */
    static int startBefore(List<Integer> starts, int pos) {
        int best = 0;
        for (int s : starts) {
            if (s <= pos) {
                best = s;
            } else {
                break;
            }
        }
        return best;
    }

    /** @return the start of the first sentence after {@code pos}, or {@code limit} */
    static int endAfter(List<Integer> starts, int pos, int limit) {
        for (int s : starts) {
            if (s > pos) {
                return Math.min(s, limit);
            }
        }
        return limit;
    }

    /** @return how many sentence starts lie in (from, to] */
    static int countBetween(List<Integer> starts, int from, int to) {
        int n = 0;
        for (int s : starts) {
            if (s > from && s <= to) {
                n++;
            }
        }
        return n;
    }
}
