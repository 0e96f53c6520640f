package newsalert.analysis.topic;

import newsalert.analysis.text.NextOf;
import newsalert.analysis.text.Tokenizer;
import newsalert.analysis.text.WordLists;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the quoted titles of books, games, films and the like, so that the words inside them
 * ("The Bombing of Dresden", "Drone Strike Tactics") are not read as news of an attack.
 *
 * <p>Rule: a span between matching quotation marks ({@code "…"}, {@code “…”}, {@code '…'},
 * {@code ‘…’}; a single quote only opens after a space, start or punctuation and only closes
 * before a space, end or punctuation, so apostrophes are left alone) is a work title when it
 * holds 1–{@value #MAX_WORDS} words, every word of four or more letters starts with a capital
 * letter, and one of the {@link #WORK_NOUNS} (book, game, film, album…) is among the
 * {@value #LOOK_BACK} tokens just before the opening mark. Thread-safe; no state.
 */
public final class WorkTitles {
    /** The most words a quoted title may have. */
    static final int MAX_WORDS = 7;
    /** How many tokens before the opening mark are searched for a work noun. */
    static final int LOOK_BACK = 3;
    /** Nouns that announce the title of a work. */
    public static final Set<String> WORK_NOUNS = WordLists.QUOTE.set("work_nouns");

    private WorkTitles() {
    }

    /**
     * A quoted work title found in a text.
     *
     * @param text  the title as written, without its marks
     * @param first index of its first token
     * @param last  index just past its last token
     */
    record Title(String text, int first, int last) {
    }

    /**
     * @param text   the text that was tokenized
     * @param tokens its tokens with offsets
     * @return the work titles, in text order; empty when there are none
     */
    static List<Title> find(String text, Tokenizer.Tokens tokens) {
        List<Title> out = new ArrayList<>();
        int n = text.length();
        NextOf marks = new NextOf(text, '"', '\u201C', '\'', '\u2018');
        for (int i = marks.from(0); i < n; i = marks.from(i + 1)) {
            char open = text.charAt(i);
            char close = closerFor(open);
            if (close == 0 || isSingle(open) && !boundary(text, i - 1)) {
                continue;
            }
            int j = findClose(text, i + 1, close);
            if (j < 0) {
                continue;
            }
            Title t = asTitle(text, tokens, i, j);
            if (t != null) {
                out.add(t);
            }
            i = j;
        }
        return out;
    }

    private static Title asTitle(String text, Tokenizer.Tokens tokens, int open, int close) {
        int first = firstAfter(tokens.starts(), tokens.length(), open);
        int last = first;
        while (last < tokens.length() && tokens.ends()[last] <= close) {
            last++;
        }
        int words = last - first;
        if (words < 1 || words > MAX_WORDS) {
            return null;
        }
        for (int k = first; k < last; k++) {
            int s = tokens.starts()[k];
            if (tokens.ends()[k] - s >= 4 && !Character.isUpperCase(text.charAt(s))) {
                return null;
            }
        }
        for (int k = Math.max(0, first - LOOK_BACK); k < first; k++) {
            if (WORK_NOUNS.contains(tokens.words()[k])) {
                return new Title(text.substring(open + 1, close), first, last);
            }
        }
        return null;
    }

    /** @return how many of the ascending {@code starts[0..n)} are at most {@code pos} (a binary search) */
    private static int firstAfter(int[] starts, int n, int pos) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int findClose(String text, int from, char close) {
        for (int j = from; j < text.length() && j < from + 120; j++) {
            char c = text.charAt(j);
            if (c == close && (!isSingle(close) || boundary(text, j + 1))) {
                return j;
            }
            if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isSingle(char c) {
        return c == '\'' || c == '\u2018' || c == '\u2019';
    }

    /** @return true when position {@code i} is outside the text, white space or punctuation */
    private static boolean boundary(String text, int i) {
        return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }

    private static char closerFor(char c) {
        return switch (c) {
            case '"' -> '"';
            case '\u201C' -> '\u201D';
            case '\'' -> '\'';
            case '\u2018' -> '\u2019';
            default -> 0;
        };
    }
}
