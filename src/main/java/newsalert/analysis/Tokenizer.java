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
        boolean inPlace = lowersInPlace(text);
        // when only ASCII capitals change, the text is lower-cased one token at a time instead
        String lower = inPlace ? text : text.toLowerCase(Locale.ROOT);
        int n = lower.length();
        Scratch scratch = n <= Scratch.MAX_TEXT ? SCRATCH.get().fit(n / 4 + 4) : new Scratch(n / 4 + 4);
        String[] out = scratch.words;
        int[] starts = scratch.starts;
        int[] ends = scratch.ends;
        Vocabulary vocabulary = Vocabulary.DEFAULT;
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
                // an 'S' is left in "lower" only when tokens are lower-cased one by one
                boolean possessive = i - start == 1 && (lower.charAt(start) | 0x20) == 's' && start > 0
                        && (lower.charAt(start - 1) == '\'' || lower.charAt(start - 1) == '\u2019');
                if (!possessive) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                    }
                    starts[count] = start;
                    ends[count] = i;
                    String known = vocabulary.find(lower, start, i);
                    out[count++] = known != null ? known : inPlace ? asciiLower(text, start, i) : lower.substring(start, i);
                }
                start = -1;
            }
        }
        if (count == 0) {
            return Tokens.EMPTY;
        }
        return new Tokens(Arrays.copyOf(out, count), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> new Scratch(512));

    /**
     * Per-thread work arrays for {@link #tokenizeWithOffsets}: the tokens are collected here and copied out
     * at their exact count, so a story costs one right-sized set of arrays instead of two. Texts longer
     * than {@link #MAX_TEXT} characters get fresh arrays, so a thread never keeps large ones.
     */
    private static final class Scratch {
        static final int MAX_TEXT = 1 << 16;
        String[] words;
        int[] starts;
        int[] ends;

        Scratch(int capacity) {
            words = new String[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }

        /** @return this, with room for at least {@code capacity} tokens before growing */
        Scratch fit(int capacity) {
            if (words.length < capacity) {
                words = new String[capacity];
                starts = new int[capacity];
                ends = new int[capacity];
            }
            return this;
        }
    }

    /**
     * True when {@code text.toLowerCase(Locale.ROOT)} changes nothing but ASCII capitals: every other
     * character is its own lower case and none is half of a surrogate pair. Then the lower-cased text
     * has the same length and, outside ASCII capitals, the same characters, so tokens can be cut from
     * {@code text} and lower-cased one by one ({@link #asciiLower}).
     */
    private static boolean lowersInPlace(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (Character.isSurrogate(c) || Character.toLowerCase(c) != c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code text.substring(from, to)} with ASCII capitals lower-cased; no copy when it has none. */
    private static String asciiLower(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = new char[to - from];
                text.getChars(from, to, chars, 0);
                for (int m = k - from; m < chars.length; m++) {
                    char d = chars[m];
                    if (d >= 'A' && d <= 'Z') {
                        chars[m] = (char) (d + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return text.substring(from, to);
    }
}
