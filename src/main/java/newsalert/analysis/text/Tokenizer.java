package newsalert.analysis.text;

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
    public static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            char folded = (char) (c | 0x20);
            return folded >= 'a' && folded <= 'z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    /** Same as {@link Character#isLetter(char)}, answering ASCII without the Unicode table. */
    public static boolean isLetter(char c) {
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
        return run(text, false).tokens();
    }

    /**
     * The tokens of {@link #tokenizeWithOffsets} with the {@link Vocabulary#DEFAULT} id of each word.
     *
     * @param tokens the tokens
     * @param ids    for each token, its id in {@link Vocabulary#DEFAULT} ({@code tokens.words()[k]} is then
     *               that table's shared string), or -1 when the table lacks the word
     * @param inPlace true when each word is exactly the characters of its text range with ASCII capitals
     *                lower-cased (the text lower-cased in place: every other character is its own lower
     *                case), so a reader of the same range can take the word without checking it
     */
    public record Lexed(Tokens tokens, int[] ids, boolean inPlace) {
        /** No tokens. */
        public static final Lexed EMPTY = new Lexed(Tokens.EMPTY, new int[0], true);
    }

    /**
     * Same tokens as {@link #tokenizeWithOffsets}, with their {@link Vocabulary} ids, so that later
     * look-ups can go by id (an array read) and skip the words no list holds without hashing them.
     *
     * @param text any text, may be {@code null} or empty
     * @return the tokens and ids; {@link Lexed#EMPTY} when there are none
     */
    public static Lexed lex(String text) {
        return run(text, true);
    }

    private static final Lexed NO_TOKENS = new Lexed(Tokens.EMPTY, null, true);

    private static Lexed run(String text, boolean withIds) {
        if (text == null || text.isEmpty()) {
            return withIds ? Lexed.EMPTY : NO_TOKENS;
        }
        int n = text.length();
        Scratch scratch = n <= Scratch.MAX_TEXT ? SCRATCH.get() : new Scratch(n / 4 + 4);
        // the characters are read from an array: String.charAt checks bounds and encoding on every call
        char[] cs = scratch.chars(n);
        text.getChars(0, n, cs, 0);
        // when only ASCII capitals change, the text is lower-cased in the array instead of as a new string
        boolean inPlace = lowersInPlace(cs, n);
        if (!inPlace) {
            String lower = text.toLowerCase(Locale.ROOT);
            n = lower.length();
            cs = scratch.chars(n);
            lower.getChars(0, n, cs, 0);
        }
        scratch.fit(n / 4 + 4);
        String[] out = scratch.words;
        int[] starts = scratch.starts;
        int[] ends = scratch.ends;
        int[] ids = scratch.ids;
        Vocabulary vocabulary = Vocabulary.DEFAULT;
        int count = 0;
        int start = -1;
        int hash = 0; // String.hashCode of the word so far, for the Vocabulary look-up
        for (int i = 0; i <= n; i++) {
            boolean word = false;
            char c = 0;
            if (i < n) {
                c = cs[i];
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                    cs[i] = c; // only when lower-casing in place: else none is left
                    word = true;
                } else {
                    word = isLetterOrDigit(c);
                }
            }
            if (word) {
                if (start < 0) {
                    start = i;
                    hash = c;
                } else {
                    hash = 31 * hash + c;
                }
                continue;
            }
            if (start >= 0) {
                boolean possessive = i - start == 1 && cs[start] == 's' && start > 0
                        && (cs[start - 1] == '\'' || cs[start - 1] == '\u2019');
                if (!possessive) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                        ids = Arrays.copyOf(ids, count * 2);
                    }
                    starts[count] = start;
                    ends[count] = i;
                    int id = vocabulary.findId(cs, start, i, hash);
                    ids[count] = id;
                    out[count++] = id >= 0 ? vocabulary.word(id) : new String(cs, start, i - start);
                }
                start = -1;
            }
        }
        if (count == 0) {
            return withIds ? Lexed.EMPTY : NO_TOKENS;
        }
        Tokens tokens = new Tokens(Arrays.copyOf(out, count), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
        return new Lexed(tokens, withIds ? Arrays.copyOf(ids, count) : null, inPlace);
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
        int[] ids;
        private char[] chars = new char[0];

        /** @return a character array of at least {@code n} elements (contents undefined) */
        char[] chars(int n) {
            if (chars.length < n) {
                chars = new char[Math.max(n, 1024)];
            }
            return chars;
        }

        Scratch(int capacity) {
            words = new String[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
            ids = new int[capacity];
        }

        /** @return this, with room for at least {@code capacity} tokens before growing */
        Scratch fit(int capacity) {
            if (words.length < capacity) {
                words = new String[capacity];
                starts = new int[capacity];
                ends = new int[capacity];
                ids = new int[capacity];
            }
            return this;
        }
    }

    /**
     * True when {@code text.toLowerCase(Locale.ROOT)} changes nothing but ASCII capitals: every other
     * character is its own lower case and none is half of a surrogate pair. Then the lower-cased text
     * has the same length and, outside ASCII capitals, the same characters, so the characters can be
     * lower-cased where they are.
     */
    private static boolean lowersInPlace(char[] text, int n) {
        for (int i = 0; i < n; i++) {
            char c = text[i];
            if (c >= 0x80 && (Character.isSurrogate(c) || Character.toLowerCase(c) != c)) {
                return false;
            }
        }
        return true;
    }
}
