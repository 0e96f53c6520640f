package newsalert.analysis;

import java.util.Arrays;
import java.util.Locale;

/**
 * Splits text into lower-case word tokens for lexicon matching.
 *
 * <p>Rule: a token is a maximal run of letters or digits; everything else (spaces, punctuation,
 * hyphens, quotes) separates tokens. A lone {@code s} straight after an apostrophe (' or ’) is
 * dropped, so "Russia's" gives {@code russia}. Lower-casing is locale-independent. The same
 * rule is applied to lexicon phrases, so "air-strike" in text matches "air strike" in the lexicon.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** Same as {@link Character#isLetterOrDigit(char)}, answering ASCII without the Unicode table. */
    static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            char folded = (char) (c | 0x20);
            return folded >= 'a' && folded <= 'z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    /** Same as {@link Character#isLetter(char)}, answering ASCII without the Unicode table. */
    static boolean isLetter(char c) {
        if (c < 128) {
            char folded = (char) (c | 0x20);
            return folded >= 'a' && folded <= 'z';
        }
        return Character.isLetter(c);
    }

    /**
     * @param text any text, may be {@code null} or empty
     * @return the tokens in text order; an empty array when there are none
     */
    public static String[] tokenize(String text) {
        return tokenizeWithOffsets(text).words();
    }

    /**
     * Tokens with where each one sits in the text, for quoting evidence.
     *
     * @param words  the tokens, as {@link #tokenize(String)} gives them
     * @param starts for each token, the index of its first character in the text
     * @param ends   for each token, the index just past its last character
     */
    public record Tokens(String[] words, int[] starts, int[] ends) {
        /** No tokens. */
        public static final Tokens EMPTY = new Tokens(new String[0], new int[0], new int[0]);

        /** @return how many tokens there are */
        public int length() {
            return words.length;
        }
    }

    /**
     * Same rule as {@link #tokenize(String)}, keeping character offsets. Lower-casing keeps
     * offsets aligned for the scripts news uses; an offset past the text is clamped by callers.
     *
     * @param text any text, may be {@code null} or empty
     * @return the tokens and their offsets; {@link Tokens#EMPTY} when there are none
     */
    public static Tokens tokenizeWithOffsets(String text) {
        if (text == null || text.isEmpty()) {
            return Tokens.EMPTY;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int n = lower.length();
        int cap = n / 4 + 4;
        String[] out = new String[cap];
        int[] starts = new int[cap];
        int[] ends = new int[cap];
        int count = 0;
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean word = i < n && isLetterOrDigit(lower.charAt(i));
            if (word) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (start >= 0) {
                boolean possessive = i - start == 1 && lower.charAt(start) == 's' && start > 0
                        && (lower.charAt(start - 1) == '\'' || lower.charAt(start - 1) == '\u2019');
                if (!possessive) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                    }
                    starts[count] = start;
                    ends[count] = i;
                    out[count++] = lower.substring(start, i);
                }
                start = -1;
            }
        }
        if (count == 0) {
            return Tokens.EMPTY;
        }
        return new Tokens(Arrays.copyOf(out, count), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }
}
