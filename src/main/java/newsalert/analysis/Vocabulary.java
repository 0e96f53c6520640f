package newsalert.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words the analysis knows, as shared {@link String} instances, so that a token equal to one of them
 * is neither copied out of the text nor hashed again: {@link Tokenizer} asks {@link #find} before it cuts
 * a new string, and the later set and map probes of the rules then meet an identical string whose hash
 * is already cached.
 *
 * <p>Rule: the words are every run of letters or digits ({@link Tokenizer#isLetterOrDigit}), lower-cased
 * with {@link Locale#ROOT}, in the embedded resources {@value LexiconLoader#DEFAULT_RESOURCE},
 * {@value WordLists#CASUALTY_RESOURCE} and {@value WordLists#QUOTE_RESOURCE} (keys included; a word too
 * many costs nothing), with the lexicon's suffix groups expanded ("strike{,s}" gives strike, strikes). It is only a cache of strings: a token missing here is cut from the text as
 * before and equals the same word, so results never depend on what the table holds (a lexicon loaded
 * from a file works unchanged).
 *
 * <p>Each word also has an id, 0 to {@link #size()} − 1 in the order the words were given
 * ({@link #findId}, {@link #id}, {@link #word}), so that tables built on the same words can be arrays
 * indexed by id ({@link CasualtyBits#of(int, String)}, {@link PhraseIndex}) and a word with no id can be
 * passed over without hashing it wherever such a table holds only words with ids.
 *
 * <p>The table is open addressing with linear probing, keyed on {@link String#hashCode()}; a look-up
 * reads the text range directly, lower-casing ASCII capitals on the fly, and allocates nothing.
 * Immutable after class initialisation; safe to share across threads.
 */
final class Vocabulary {
    private static final String[] RESOURCES = {
        LexiconLoader.DEFAULT_RESOURCE, WordLists.CASUALTY_RESOURCE, WordLists.QUOTE_RESOURCE,
    };
    /** The table for the embedded resources. */
    static final Vocabulary DEFAULT = new Vocabulary(resourceWords());

    private final String[] keys;
    private final int[] hashes;
    /** For each slot, the id of its word (index into {@link #words}); undefined for an empty slot. */
    private final int[] slotIds;
    /** The words by id, in the order they were given. */
    private final String[] words;
    private final int mask;

    /** @param words the words to share (lower case; no nulls) */
    Vocabulary(Set<String> words) {
        int size = Integer.highestOneBit(Math.max(16, words.size() * 4 - 1)) << 1;
        keys = new String[size];
        hashes = new int[size];
        slotIds = new int[size];
        this.words = words.toArray(new String[0]);
        mask = size - 1;
        for (int id = 0; id < this.words.length; id++) {
            String w = this.words[id];
            int h = w.hashCode();
            int slot = h & mask;
            while (keys[slot] != null && !keys[slot].equals(w)) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = w;
            hashes[slot] = h;
            slotIds[slot] = id;
        }
    }

    /**
     * @param word any word (lower case to be found)
     * @return its id, {@code 0 <= id < size()}, or -1 when the table lacks it
     */
    int id(String word) {
        return findId(word, 0, word.length());
    }

    /** @return the word with id {@code id} ({@code 0 <= id < size()}) */
    String word(int id) {
        return words[id];
    }

    private int findId(String text, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            h = 31 * h + asciiLower(text.charAt(k));
        }
        int len = to - from;
        for (int slot = h & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == h && keys[slot].length() == len && sameLower(keys[slot], text, from)) {
                return slotIds[slot];
            }
        }
        return -1;
    }

    /**
     * @param text the text
     * @param from index of the token's first character
     * @param to   index just past its last character
     * @return the shared string equal to {@code text.substring(from, to)} with ASCII capitals ('A'–'Z')
     *         lower-cased and every other character kept, or {@code null} when the table lacks it
     */
    String find(String text, int from, int to) {
        int id = findId(text, from, to);
        return id < 0 ? null : words[id];
    }

    /**
     * Same as {@link #find(String, int, int)} on characters already lower-cased.
     *
     * @return the shared string equal to {@code new String(chars, from, to - from)}, or {@code null}
     */
    String find(char[] chars, int from, int to) {
        int id = findId(chars, from, to);
        return id < 0 ? null : words[id];
    }

    /**
     * Same as {@link #find(char[], int, int)}, answering the id.
     *
     * @param chars lower-case characters
     * @param from  index of the token's first character
     * @param to    index just past its last character
     * @return the id of the word equal to {@code new String(chars, from, to - from)} ({@link #word} gives
     *         the shared string), or -1 when the table lacks it
     */
    int findId(char[] chars, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            h = 31 * h + chars[k];
        }
        return findId(chars, from, to, h);
    }

    /**
     * Same as {@link #findId(char[], int, int)} with the range's hash already computed while reading it.
     *
     * @param hash {@code new String(chars, from, to - from).hashCode()}
     */
    int findId(char[] chars, int from, int to, int hash) {
        int h = hash;
        int len = to - from;
        for (int slot = h & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (hashes[slot] == h && key.length() == len && same(key, chars, from)) {
                return slotIds[slot];
            }
        }
        return -1;
    }

    private static boolean same(String key, char[] chars, int from) {
        for (int k = 0, n = key.length(); k < n; k++) {
            if (key.charAt(k) != chars[from + k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameLower(String key, String text, int from) {
        for (int k = 0, n = key.length(); k < n; k++) {
            if (key.charAt(k) != asciiLower(text.charAt(from + k))) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** @return how many words the table holds; their ids are 0 to {@code size() - 1} */
    int size() {
        return words.length;
    }

    private static Set<String> resourceWords() {
        Set<String> words = new LinkedHashSet<>();
        for (String r : RESOURCES) {
            try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    continue; // the loaders report a missing resource; the table only loses words
                }
                addWords(new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT), words);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + r, e);
            }
        }
        return words;
    }

    /**
     * Adds the runs of letters or digits of {@code text}; a run glued to a brace group, the lexicon's
     * suffix shorthand {@code "bomb{,s,ing}"}, also gives each expanded word (bomb, bombs, bombing).
     */
    private static void addWords(String text, Set<String> out) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && Tokenizer.isLetterOrDigit(text.charAt(i))) {
                start = start < 0 ? i : start;
                continue;
            }
            if (start >= 0) {
                String run = text.substring(start, i);
                out.add(run);
                int close = i < text.length() && text.charAt(i) == '{' ? text.indexOf('}', i) : -1;
                if (close > 0) {
                    for (String suffix : text.substring(i + 1, close).split(",", -1)) {
                        addWords(run + suffix, out);
                    }
                }
                start = -1;
            }
        }
    }
}
