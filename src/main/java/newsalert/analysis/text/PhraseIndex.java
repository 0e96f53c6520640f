package newsalert.analysis.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lexicon phrases in a token array: phrases are indexed by their first token in a
 * {@link HashMap}, so matching costs one map look-up per token plus a short comparison for each
 * phrase that starts with that token. No regular expressions are involved.
 *
 * <p>Matching rule: {@link Entry.Kind#TERM} and {@link Entry.Kind#NEGATION} entries
 * <em>consume</em> the words they cover: at each position the longest such entry wins (all
 * entries of that length are reported, so a phrase shared by two topics counts for both) and
 * scanning resumes after it. A winning negation therefore hides every term it overlaps from its
 * first word on. Support and context phrases are reported only outside the spans of earlier
 * terms and negations (so "union" inside the term "African Union" is no labour context); notable
 * phrases are reported anywhere outside negated spans (so "security council" can be both a term
 * and notable). A phrase word {@value #NUMBER} after the first stands for any number token, so
 * "swap 0 prisoners" matches "swap 390 prisoners".
 */
public final class PhraseIndex {

    /**
     * One lexicon phrase (one expanded variant of an entry).
     *
     * @param entryId the YAML entry it came from (shared by all its variants)
     * @param key     the same for every phrase with equal kind, topic and text
     */
    public record Entry(String[] tokens, Kind kind, newsalert.story.Topic topic, double weight, int entryId, int key,
                 String text) {
        public enum Kind { TERM, NEGATION, SUPPORT, CONTEXT, NOTABLE }

        boolean consumes() {
            return kind == Kind.TERM || kind == Kind.NEGATION;
        }
    }

    /** Receives matches in text order. */
    public interface Listener {
        void onMatch(Entry entry, int start);
    }

    private final Map<String, Entry[]> byFirst;
    /**
     * For each first word, its phrases narrowed by the second word ({@link Narrowed}). Only a shortcut:
     * {@link #matchesAt} still checks each phrase.
     */
    private final Map<String, Narrowed> narrowedByFirst;
    /** Rejects most tokens that start no entry before {@link #narrowedByFirst} is consulted. */
    private final WordFilter firstWords;
    /**
     * {@link #narrowedByFirst} by {@link Vocabulary#DEFAULT} id, or null when some first word has no id
     * (a lexicon loaded from a file may hold words the embedded resources lack).
     */
    private final Narrowed[] narrowedById;
    /** True when every second word of {@link Narrowed#bySecond} has a {@link Vocabulary#DEFAULT} id. */
    private final boolean secondsKnown;

    /**
     * One phrase made ready for matching: its entry, its words, and for each word its {@link Vocabulary#DEFAULT}
     * id ({@link #ANY_NUMBER} for {@value #NUMBER}, -1 for a word the table lacks).
     */
    private record Phrase(Entry entry, String[] words, int[] ids, boolean consumes, boolean negation) {
        Phrase(Entry e) {
            this(e, e.tokens(), wordIds(e.tokens()), e.consumes(), e.kind() == Entry.Kind.NEGATION);
        }

        private static int[] wordIds(String[] words) {
            int[] ids = new int[words.length];
            for (int k = 0; k < words.length; k++) {
                ids[k] = k > 0 && NUMBER.equals(words[k]) ? ANY_NUMBER : idOf(words[k]);
            }
            return ids;
        }
    }

    /** The id of a phrase word {@value #NUMBER} after the first (any number token matches it). */
    private static final int ANY_NUMBER = -2;

    /**
     * The phrases of one first word, narrowed by the second word.
     *
     * @param bySecond   for each second word: every phrase of one word, every phrase whose second word is
     *                   {@value #NUMBER}, and those whose second word is the key, in {@link #byFirst} order
     * @param secondIds  the {@link Vocabulary#DEFAULT} ids of the keys of {@code bySecond} that have one, ascending
     * @param bySecondId the value of {@code bySecond} for each of {@code secondIds}
     * @param any        the phrases that need no particular second word (one word, or {@value #NUMBER})
     */
    private record Narrowed(Map<String, Phrase[]> bySecond, int[] secondIds, Phrase[][] bySecondId, Phrase[] any) {
        static Narrowed of(Map<String, Phrase[]> bySecond, Phrase[] any) {
            int[] ids = bySecond.keySet().stream().mapToInt(PhraseIndex::idOf).filter(id -> id >= 0).sorted().toArray();
            Phrase[][] values = new Phrase[ids.length][];
            for (Map.Entry<String, Phrase[]> me : bySecond.entrySet()) {
                int k = Arrays.binarySearch(ids, idOf(me.getKey()));
                if (k >= 0) {
                    values[k] = me.getValue();
                }
            }
            return new Narrowed(bySecond.isEmpty() ? Map.of() : bySecond, ids, values, any);
        }
    }

    /** @return the {@link Vocabulary#DEFAULT} id of {@code word}, or -1 when the table lacks it */
    private static int idOf(String word) {
        int id = Vocabulary.DEFAULT.id(word);
        return id >= 0 && Vocabulary.DEFAULT.word(id).equals(word) ? id : -1;
    }

    public PhraseIndex(List<Entry> entries) {
        Map<String, List<Entry>> tmp = new HashMap<>();
        for (Entry e : entries) {
            tmp.computeIfAbsent(e.tokens()[0], k -> new ArrayList<>()).add(e);
        }
        byFirst = new HashMap<>(tmp.size() * 2);
        for (Map.Entry<String, List<Entry>> me : tmp.entrySet()) {
            Entry[] arr = me.getValue().toArray(new Entry[0]);
            // longest first; among equal lengths negations first so they win ties
            Arrays.sort(arr, (a, b) -> a.tokens().length != b.tokens().length
                    ? Integer.compare(b.tokens().length, a.tokens().length)
                    : Boolean.compare(b.kind() == Entry.Kind.NEGATION, a.kind() == Entry.Kind.NEGATION));
            byFirst.put(me.getKey(), arr);
        }
        narrowedByFirst = new HashMap<>(byFirst.size() * 2);
        for (Map.Entry<String, Entry[]> me : byFirst.entrySet()) {
            Phrase[] arr = Arrays.stream(me.getValue()).map(Phrase::new).toArray(Phrase[]::new);
            Map<String, Phrase[]> bySecond = new HashMap<>();
            for (Phrase ph : arr) {
                if (!needsNoSecond(ph.entry())) {
                    bySecond.putIfAbsent(ph.words()[1], null);
                }
            }
            for (Map.Entry<String, Phrase[]> second : bySecond.entrySet()) {
                second.setValue(Arrays.stream(arr)
                        .filter(ph -> needsNoSecond(ph.entry()) || ph.words()[1].equals(second.getKey()))
                        .toArray(Phrase[]::new));
            }
            Phrase[] any = Arrays.stream(arr).filter(ph -> needsNoSecond(ph.entry())).toArray(Phrase[]::new);
            narrowedByFirst.put(me.getKey(), Narrowed.of(bySecond, any));
        }
        firstWords = new WordFilter(narrowedByFirst.keySet(), 4096);
        Narrowed[] byId = new Narrowed[Vocabulary.DEFAULT.size()];
        boolean known = true;
        boolean seconds = true;
        for (Map.Entry<String, Narrowed> me : narrowedByFirst.entrySet()) {
            int id = idOf(me.getKey());
            if (id < 0) {
                known = false;
            } else {
                byId[id] = me.getValue();
            }
            seconds &= me.getValue().secondIds().length == me.getValue().bySecond().size();
        }
        narrowedById = known ? byId : null;
        secondsKnown = seconds;
    }

    private static boolean needsNoSecond(Entry e) {
        return e.tokens().length == 1 || NUMBER.equals(e.tokens()[1]);
    }

    /**
     * The phrases starting with {@code tokens[i]} that can match there; null when none starts with it.
     * With the tokens' ids, a word goes by id ({@link #narrowedById}) and a word without one is passed
     * over unhashed where the index holds only words with ids.
     */
    private Phrase[] candidates(String[] tokens, int[] ids, int i) {
        Narrowed narrowed;
        if (ids != null && narrowedById != null) {
            int id = ids[i];
            narrowed = id < 0 ? null : narrowedById[id];
        } else {
            narrowed = firstWords.mayContain(tokens[i]) ? narrowedByFirst.get(tokens[i]) : null;
        }
        if (narrowed == null) {
            return null;
        }
        Phrase[] hit = null;
        if (i + 1 < tokens.length && !narrowed.bySecond().isEmpty()) {
            if (ids != null && secondsKnown) {
                int k = ids[i + 1] < 0 ? -1 : Arrays.binarySearch(narrowed.secondIds(), ids[i + 1]);
                hit = k < 0 ? null : narrowed.bySecondId()[k];
            } else {
                hit = narrowed.bySecond().get(tokens[i + 1]);
            }
        }
        return hit != null ? hit : narrowed.any();
    }

    /** @return how many distinct first words the index holds */
    int size() {
        return byFirst.size();
    }

    /**
     * Reports every match in {@code tokens} to {@code listener}, following the class rule.
     *
     * @param tokens   tokens from {@link Tokenizer#tokenize(String)}
     * @param listener receives each match with its start index
     */
    public void scan(String[] tokens, Listener listener) {
        scan(tokens, null, listener);
    }

    /**
     * Same as {@link #scan(String[], Listener)}, with the tokens' ids to look them up by.
     *
     * @param ids for each token, its {@link Vocabulary#DEFAULT} id ({@code tokens[k]} is that word), or -1
     *            for a word the table lacks (or a blanked one); null to look every token up by its string
     */
    public void scan(String[] tokens, int[] ids, Listener listener) {
        int consumedUntil = 0;
        int negatedUntil = 0;
        for (int i = 0; i < tokens.length; i++) {
            Phrase[] candidates = candidates(tokens, ids, i);
            if (candidates == null) {
                continue;
            }
            int bestLen = 0;
            boolean bestNegation = false;
            for (Phrase ph : candidates) {
                if (!ph.consumes() || i < consumedUntil || ph.words().length < bestLen || bestNegation
                        || !matchesAt(ph, tokens, ids, i)) {
                    continue;
                }
                if (bestLen == 0) {
                    bestLen = ph.words().length;
                    bestNegation = ph.negation();
                    if (bestNegation) {
                        negatedUntil = i + bestLen;
                    }
                }
                listener.onMatch(ph.entry(), i);
            }
            for (Phrase ph : candidates) {
                if (ph.consumes() || !matchesAt(ph, tokens, ids, i)) {
                    continue;
                }
                boolean free = i >= negatedUntil && (ph.entry().kind() == Entry.Kind.NOTABLE || i >= consumedUntil);
                if (free) {
                    listener.onMatch(ph.entry(), i);
                }
            }
            if (bestLen > 0) {
                consumedUntil = i + bestLen;
            }
        }
    }

    /** A phrase word (never the first) that matches any token starting with a digit ("swap 0 prisoners"). */
    static final String NUMBER = "0";

    private static boolean isNumber(String token) {
        return !token.isEmpty() && Character.isDigit(token.charAt(0));
    }

    /**
     * Whether {@code ph} matches at {@code at}. With ids, a phrase word that has an id matches the token of
     * the same id (a token has the id of its word whenever the table holds it), {@value #NUMBER} any number
     * token, and another word the token of equal text.
     */
    private static boolean matchesAt(Phrase ph, String[] tokens, int[] ids, int at) {
        String[] words = ph.words();
        if (at + words.length > tokens.length) {
            return false;
        }
        if (ids == null) {
            return matchesAt(words, tokens, at);
        }
        int[] wordIds = ph.ids();
        for (int k = 1; k < words.length; k++) {
            int id = wordIds[k];
            if (id >= 0 ? ids[at + k] != id : id == ANY_NUMBER ? !isNumber(tokens[at + k]) : !words[k].equals(tokens[at + k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAt(String[] phrase, String[] tokens, int at) {
        for (int k = 1; k < phrase.length; k++) {
            if (!phrase[k].equals(tokens[at + k]) && !(NUMBER.equals(phrase[k]) && isNumber(tokens[at + k]))) {
                return false;
            }
        }
        return true;
    }
}
