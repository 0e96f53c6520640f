package newsalert.analysis.text;


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
 * <p>Rule: the words are every word of the embedded resources as {@link Tokenizer} cuts and normalises it
 * (runs of letters, digits and combining marks; NFKC, lower case by {@link Locale#ROOT}), in {@value WordLists#LEXICON_RESOURCE},
 * {@value WordLists#CASUALTY_RESOURCE}, {@value WordLists#QUOTE_RESOURCE}, and the topic model's
 * {@value #TOPIC_MODEL_RESOURCE} and {@value #TOPIC_MODEL_STOP_WORDS} (keys, feature prefixes and weights' digits included; a word too
 * many costs nothing), with the lexicon's suffix groups expanded ("strike{,s}" gives strike, strikes). It is only a cache of strings: a token missing here is cut from the text as
 * before and equals the same word, so results never depend on what the table holds (a lexicon loaded
 * from a file works unchanged).
 *
 * <p>Each word also has an id, 0 to {@link #size()} − 1 in the order the words were given
 * ({@link #findId}, {@link #id}, {@link #word}), so that tables built on the same words can be arrays
 * indexed by id ({@link newsalert.analysis.casualty.CasualtyBits#of(int, String)}, {@link PhraseIndex}) and a word with no id can be
 * passed over without hashing it wherever such a table holds only words with ids.
 *
 * <p>The table is open addressing with linear probing, keyed on {@link String#hashCode()}; a look-up
 * reads the text range directly, lower-casing ASCII capitals on the fly, and allocates nothing.
 * Immutable after class initialisation; safe to share across threads.
 */
public final class Vocabulary {
    /** The shipped topic model's weights: its features' words get ids too. */
    static final String TOPIC_MODEL_RESOURCE = "newsalert/topic-model.tsv";
    /** The topic model's settings, with the stop words its features skip. */
    static final String TOPIC_MODEL_STOP_WORDS = "newsalert/topic-model.yml";
    private static final String[] RESOURCES = {
        WordLists.LEXICON_RESOURCE, WordLists.CASUALTY_RESOURCE, WordLists.QUOTE_RESOURCE,
        // the topic model's weights and stop words (analysis.topic.TopicModel finds its words by these ids)
        TOPIC_MODEL_RESOURCE, TOPIC_MODEL_STOP_WORDS,
    };
    /** The table for the embedded resources. */
    public static final Vocabulary DEFAULT = new Vocabulary(resourceWords());

    /**
     * The open-addressing table, two ints a slot: the word's {@link String#hashCode()} and its id (-1 for
     * an empty slot). Primitive arrays only, so a probe reads one cache line and then the word's characters
     * in {@link #pool}, instead of following a reference to a {@link String} and then to its bytes.
     */
    private final int[] slots;
    /** The characters of every word, one after the other in id order. */
    private final char[] pool;
    /** For each id, where its word starts in {@link #pool}; {@code starts[id + 1]} is where it ends. */
    private final int[] starts;
    /** The words by id, in the order they were given. */
    private final String[] words;
    private final int mask;

    /** @param words the words to share (lower case; no nulls) */
    Vocabulary(Set<String> words) {
        int size = Integer.highestOneBit(Math.max(16, words.size() * 4 - 1)) << 1;
        this.words = words.toArray(new String[0]);
        slots = new int[size * 2];
        java.util.Arrays.fill(slots, -1);
        starts = new int[this.words.length + 1];
        StringBuilder chars = new StringBuilder();
        mask = size - 1;
        for (int id = 0; id < this.words.length; id++) {
            String w = this.words[id];
            starts[id] = chars.length();
            chars.append(w);
            int h = w.hashCode();
            int slot = h & mask;
            while (slots[2 * slot + 1] >= 0) {
                slot = (slot + 1) & mask; // the words of a set are distinct: no need to look for w itself
            }
            slots[2 * slot] = h;
            slots[2 * slot + 1] = id;
        }
        starts[this.words.length] = chars.length();
        pool = chars.toString().toCharArray();
    }

    /**
     * @param word any word (lower case to be found)
     * @return its id, {@code 0 <= id < size()}, or -1 when the table lacks it
     */
    public int id(String word) {
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
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int id = slots[2 * slot + 1];
            if (id < 0) {
                return -1;
            }
            if (slots[2 * slot] == h && starts[id + 1] - starts[id] == len && sameLower(starts[id], text, from, len)) {
               return id;
            }
        }
    }

    /**
     * @param text the text
     * @param from index of the token's first character
     * @param to   index just past its last character
     * @return the shared string equal to {@code text.substring(from, to)} with ASCII capitals ('A'–'Z')
     *         lower-cased and every other character kept, or {@code null} when the table lacks it
     */
    public String find(String text, int from, int to) {
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
        int len = to - from;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int id = slots[2 * slot + 1];
            if (id < 0) {
                return -1;
            }
            if (slots[2 * slot] == hash && starts[id + 1] - starts[id] == len && same(starts[id], chars, from, len)) {
               return id;
            }
        }
    }

    private boolean same(int at, char[] chars, int from, int len) {
        for (int k = 0; k < len; k++) {
            if (pool[at + k] != chars[from + k]) {
                return false;
            }
        }
        return true;
    }

    private boolean sameLower(int at, String text, int from, int len) {
        for (int k = 0; k < len; k++) {
            if (pool[at + k] != asciiLower(text.charAt(from + k))) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** @return how many words the table holds; their ids are 0 to {@code size() - 1} */
    public int size() {
        return words.length;
    }

    private static Set<String> resourceWords() {
        Set<String> words = new LinkedHashSet<>();
        for (String r : RESOURCES) {
            try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    continue; // the loaders report a missing resource; the table only loses words
                }
                addWords(new String(in.readAllBytes(), StandardCharsets.UTF_8), words);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + r, e);
            }
        }
        return words;
    }

    /**
     * Adds the words of {@code text}, cut and normalised as {@link Tokenizer} cuts and normalises a text's
     * ({@link Tokenizer#wordEnd}, {@link Tokenizer#normalise}); a word glued to a brace group, the lexicon's
     * suffix shorthand {@code "bomb{,s,ing}"}, also gives each expanded word (bomb, bombs, bombing).
     */
    private static void addWords(String text, Set<String> out) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = Tokenizer.wordEnd(text, i);
            if (end == i) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            String run = Tokenizer.normalise(text, i, end);
            out.add(run);
            int close = end < n && text.charAt(end) == '{' ? text.indexOf('}', end) : -1;
            if (close > 0) {
                for (String suffix : text.substring(end + 1, close).split(",", -1)) {
                    addWords(run + suffix, out);
                }
            }
            i = end;
        }
    }
}
