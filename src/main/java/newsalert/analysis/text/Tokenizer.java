package newsalert.analysis.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits text into normalised word tokens for lexicon matching, keeping where each token sits in the
 * original text. The one tokenizer of the analysis: topics, casualties and the language check read its
 * tokens, and the casualty scan cuts its words by the same rule ({@link #wordEnd}, {@link #normalise}).
 *
 * <p>Rule: a token is a maximal run of word characters of the <em>original</em> text: letters and digits
 * (any script, read by code point, so a letter outside the Basic Multilingual Plane counts) and, after
 * one of them, combining marks (Mn, Mc, Me: "cafe" + U+0301, Devanagari vowel signs). Everything else
 * (spaces, punctuation, apostrophes, hyphens, quotation marks, emoji) separates tokens. A lone {@code s}
 * straight after an apostrophe (' or ’) is dropped, so "Russia's" gives {@code russia}. Each token is then
 * normalised alone ({@link #normalise}): NFKC (fullwidth letters, ligatures, NFD accents become their
 * plain composed forms), lower case by {@link Locale#ROOT}, and the Turkish İ and ı both become
 * {@code i}. Combining marks are kept (the word lists hold accented words such as "für", "não"). The
 * token's offsets are those of its run in the original text, so a word may be shorter or longer than its
 * range ("ﬁre" gives "fire" over 3 characters). The same rule is applied to lexicon phrases, so
 * "air-strike" in text matches "air strike" in the lexicon.
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
     * @param s any text
     * @param i an index in {@code s}
     * @return true when a word starts with the character (or surrogate pair) at {@code i}: a letter, by
     *         code point
     */
    public static boolean isLetterAt(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c < 128) {
            char folded = (char) (c | 0x20);
            return folded >= 'a' && folded <= 'z';
        }
        return Character.isLetter(Character.codePointAt(s, i));
    }

    /**
     * Where the run of word characters that starts at {@code i} ends (the rule of the class comment:
     * letters and digits by code point, combining marks after them).
     *
     * @param s any text
     * @param i an index in {@code s}, {@code 0 <= i <= s.length()}
     * @return the index just past the run; {@code i} when no letter or digit starts there
     */
    public static int wordEnd(CharSequence s, int i) {
        int n = s.length();
        int j = i;
        while (j < n) {
            char c = s.charAt(j);
            if (c < 128) {
                char folded = (char) (c | 0x20);
                if (folded >= 'a' && folded <= 'z' || c >= '0' && c <= '9') {
                    j++;
                    continue;
                }
                return j;
            }
            int cp = Character.codePointAt(s, j);
            if (!Character.isLetterOrDigit(cp) && (j == i || !isMark(cp))) {
                return j;
            }
            j += Character.charCount(cp);
        }
        return j;
    }

    /** @return true for a combining mark (general categories Mn, Mc, Me) */
    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * The word form of {@code s[from, to)}: NFKC, then lower case by {@link Locale#ROOT}, with the Turkish
     * capital İ and small dotless ı both made {@code i} (a locale-free lower case cannot tell Turkish I from
     * English I, so "DİYARBAKIR", "Diyarbakır" and "DIYARBAKIR" are one word). ASCII costs one copy.
     *
     * @param s    any text
     * @param from index of the first character
     * @param to   index just past the last character
     * @return the normalised word; may differ in length from {@code to - from}
     */
    public static String normalise(CharSequence s, int from, int to) {
        boolean ascii = true;
        boolean upper = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        String raw = s.subSequence(from, to).toString();
        if (ascii) {
            return upper ? raw.toLowerCase(Locale.ROOT) : raw;
        }
        return normaliseNonAscii(raw);
    }

    /**
     * Lower case that keeps every character where it was, for rules that match a pattern over the lower-cased
     * text and quote offsets into the original: each character (or surrogate pair) is replaced by its own
     * one-to-one lower case ({@link Character#toLowerCase(int)}), so "İ" becomes "i", not "i" + U+0307 as
     * {@code String.toLowerCase} makes it.
     *
     * @param text any text
     * @return a text of the same length, lower-cased character by character
     */
    public static String lowerKeepingOffsets(String text) {
        int n = text.length();
        int k = 0;
        while (k < n && text.charAt(k) < 0x80) {
            k++;
        }
        if (k == n) {
            return text.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(n).append(text.substring(0, k).toLowerCase(Locale.ROOT));
        while (k < n) {
            int cp = text.codePointAt(k);
            int lower = Character.toLowerCase(cp);
            if (Character.charCount(lower) == Character.charCount(cp)) {
                out.appendCodePoint(lower);
            } else {
                out.appendCodePoint(cp);
            }
            k += Character.charCount(cp);
        }
        return out.toString();
    }

    /** {@link #normalise} of a word holding at least one non-ASCII character. */
    private static String normaliseNonAscii(String raw) {
        String w = Normalizer.isNormalized(raw, Normalizer.Form.NFKC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        String lower = w;
        if (w.indexOf('\u0130') >= 0 || w.indexOf('\u0131') >= 0) {
            lower = w.replace('\u0130', 'i').replace('\u0131', 'i');
        }
        lower = lower.toLowerCase(Locale.ROOT);
        // a mark after a replaced or lower-cased letter may now compose with it ("İ" + U+0301 gives "í")
        if (!lower.equals(w) && !Normalizer.isNormalized(lower, Normalizer.Form.NFKC)) {
            lower = Normalizer.normalize(lower, Normalizer.Form.NFKC);
        }
        return lower;
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
     * @param starts for each token, the index of its first character in the original text
     * @param ends   for each token, the index just past its last character in the original text (the
     *               word's length may differ: "İstanbul" spans 8 characters and is "istanbul")
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
     * Same rule as {@link #tokenize(String)}, keeping character offsets: each token's start and end are
     * those of its run in {@code text} as given, whatever its normalised word's length.
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
     *                lower-cased (normalising changed nothing else), so a reader of the same range can take
     *                the word without checking it
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
        // the characters are read from an array: String.charAt checks bounds and encoding on every call;
        // ASCII capitals are lower-cased in this copy, the offsets stay those of the text
        char[] cs = scratch.chars(n);
        text.getChars(0, n, cs, 0);
        scratch.fit(n / 4 + 4);
        String[] out = scratch.words;
        int[] starts = scratch.starts;
        int[] ends = scratch.ends;
        int[] ids = scratch.ids;
        Vocabulary vocabulary = Vocabulary.DEFAULT;
        boolean inPlace = true;
        int count = 0;
        int i = 0;
        while (i < n) {
            char c = cs[i];
            int start = i;
            int hash;
            boolean ascii = true;
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                    cs[i] = c;
                } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                    i++;
                    continue;
                }
                hash = c;
                i++;
            } else {
                int cp = Character.codePointAt(cs, i, n);
                if (!Character.isLetterOrDigit(cp)) {
                    i += Character.charCount(cp);
                    continue;
                }
                ascii = false;
                hash = 0;
                i += Character.charCount(cp);
            }
            // the rest of the run: ASCII letters and digits hashed as they are read (String.hashCode of the
            // lower-cased word, for the Vocabulary look-up); the first other character ends the fast path
            while (i < n) {
                c = cs[i];
                if (c < 128) {
                    if (c >= 'A' && c <= 'Z') {
                        c = (char) (c + ('a' - 'A'));
                        cs[i] = c;
                    } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                        break;
                    }
                    hash = 31 * hash + c;
                    i++;
                } else {
                    int end = wordEnd(text, i);
                    if (end == i) {
                        // not a letter, digit or mark: a mark is a word character here, after a letter or digit
                        int cp = Character.codePointAt(cs, i, n);
                        if (isMark(cp)) {
                            i += Character.charCount(cp);
                            ascii = false;
                            continue;
                        }
                        break;
                    }
                    ascii = false;
                    i = end;
                }
            }
            boolean possessive = i - start == 1 && cs[start] == 's' && start > 0
                    && (cs[start - 1] == '\'' || cs[start - 1] == '\u2019');
            if (possessive) {
                continue;
            }
            if (count == out.length) {
                out = Arrays.copyOf(out, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                ids = Arrays.copyOf(ids, count * 2);
            }
            starts[count] = start;
            ends[count] = i;
            int id;
            String word;
            if (ascii) {
                id = vocabulary.findId(cs, start, i, hash);
                word = id >= 0 ? vocabulary.word(id) : new String(cs, start, i - start);
            } else {
                String raw = new String(cs, start, i - start);
                word = normaliseNonAscii(raw);
                inPlace &= word.equals(raw);
                id = vocabulary.id(word);
                if (id >= 0) {
                    word = vocabulary.word(id);
                }
            }
            ids[count] = id;
            out[count++] = word;
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
}
