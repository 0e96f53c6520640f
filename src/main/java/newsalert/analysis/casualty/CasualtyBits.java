package newsalert.analysis.casualty;

import newsalert.analysis.text.Vocabulary;
import newsalert.analysis.text.WordFilter;
import newsalert.analysis.text.WordLists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.analysis.casualty.CasualtyTokenizer.Token;

/**
 * The casualty word lists compiled into one table: word → bitmask of the lists it is in. A
 * {@link CasualtyTokenizer.Token} looks its text up here once when it is made and keeps the mask
 * ({@link CasualtyTokenizer.Token#bits()}), so the rules test a bit ({@link #has}) instead of probing
 * a {@link Set} each time they look at a word.
 *
 * <p>Rule: bit {@code X} of {@code of(w)} is set exactly when the list behind constant {@code X}
 * contains {@code w} (the lists of {@value WordLists#CASUALTY_RESOURCE}, plus {@link #STARTER} for the
 * words a {@link NumberPhrase} can start with and {@link #NUMBER_WORD} for the cardinal number words).
 * A word in no list, or an index outside the tokens, has no bit set; since no list holds a blank
 * entry, {@code has(t, i, X)} answers the same as {@code X_SET.contains(NumberWords.text(t, i))}.
 * The table's keys are the {@link Vocabulary} strings where there is one, so a token carrying a shared
 * string is found by identity. Immutable; safe to share across threads.
 */
public final class CasualtyBits {
    static final long KILLED = 1L;
    static final long INJURED = 1L << 1;
    static final long MISSING = 1L << 2;
    static final long KILL_VERBS = 1L << 3;
    static final long INJURE_VERBS = 1L << 4;
    static final long MANNER = 1L << 5;
    static final long AUX = 1L << 6;
    static final long NOT_VICTIMS = 1L << 7;
    static final long PERPETRATORS = 1L << 8;
    static final long AFTER_BLOCK = 1L << 9;
    static final long OF_WHOLE_DETERMINERS = 1L << 10;
    static final long BEFORE_BLOCK = 1L << 11;
    static final long SUBGROUP = 1L << 12;
    static final long PAREN_OPEN = 1L << 13;
    static final long TOLL_LINK = 1L << 14;
    static final long TIME_WORDS = 1L << 15;
    static final long CONFLICT = 1L << 16;
    static final long TOLL_UPDATE = 1L << 17;
    static final long STOP = 1L << 18;
    static final long OBJECT_START = 1L << 19;
    static final long OF_DETERMINERS = 1L << 20;
    static final long CLAUSE_END = 1L << 21;
    static final long VERB_AUX = 1L << 22;
    static final long FORCES = 1L << 23;
    static final long PARTICIPLE_OK = 1L << 24;
    static final long VAGUE = 1L << 25;
    static final long CLAIMED = 1L << 26;
    /** A word a {@link NumberPhrase} may start with (qualifier, vague quantity or number word). */
    static final long STARTER = 1L << 27;
    /** A cardinal number word, "zero" … "ninety" ({@link NumberWords#isNumberWord}). */
    static final long NUMBER_WORD = 1L << 28;
    static final long ARTICLE_NOT_ONE = 1L << 29;
    static final long CONTEXT_DETERMINERS = 1L << 30;
    static final long YEAR_OK = 1L << 31;
    /** "a" and "an", which count one before a person noun ({@link CasualtyMembers#isArticleOne}). */
    static final long ARTICLE_A = 1L << 32;
    /**
     * "lost", "losing" and "treated": in no result list, but they start the phrases "lost their lives" and
     * "treated for injuries" that {@link CasualtyWords#casualtyWord} reads as results.
     */
    static final long RESULT_PHRASE_LEAD = 1L << 33;
    /** Modal and risk words that make a toll hypothetical ({@link CasualtyFraming}). */
    static final long HYPOTHETICAL = 1L << 34;
    /** Verbs of intent before "to kill" ({@link CasualtyFraming#hypotheticalBefore}). */
    static final long INTENT = 1L << 35;
    /** Words of answering before "an attack that killed N" ({@link CasualtyFraming#inResponse}). */
    static final long RESPONSE = 1L << 36;
    /** English function words ({@link CasualtyLanguage}). */
    static final long ENGLISH_MARK = 1L << 37;
    /** Function words of other European languages ({@link CasualtyLanguage}). */
    static final long FOREIGN_MARK = 1L << 38;
    /** Either list that makes a word an active casualty verb candidate ({@link CasualtyWords#isActiveVerb}). */
    static final long KILL_OR_INJURE_VERB = KILL_VERBS | INJURE_VERBS;
    /** Either result word list, killed or injured. */
    static final long KILLED_OR_INJURED = KILLED | INJURED;

    private static final Map<String, Long> TABLE = table();
    /** Rejects most words before the hash look-up (a new string would be hashed for nothing). */
    private static final WordFilter FILTER = new WordFilter(TABLE.keySet(), 1024);
    /** The table by {@link Vocabulary#DEFAULT} id: {@code BY_ID[id] == of(Vocabulary.DEFAULT.word(id))}. */
    private static final long[] BY_ID = byId();
    /**
     * The words of the table without a {@link Vocabulary#DEFAULT} id (number words and phrase starters the
     * code adds, "a.m", "war's", marks): the only ones a word without an id can be.
     */
    private static final Map<String, Long> OUTSIDE = outside();
    private static final WordFilter OUTSIDE_FILTER = new WordFilter(OUTSIDE.keySet(), 256);

    private CasualtyBits() {
    }

    /** @return the lists {@code word} is in, as a mask of this class's constants; 0 for none */
    public static long of(String word) {
        if (!FILTER.mayContain(word)) {
            return 0L;
        }
        Long bits = TABLE.get(word);
        return bits == null ? 0L : bits;
    }

    /**
     * Same as {@link #of(String)} for a word whose {@link Vocabulary#DEFAULT} id is known: an array read
     * for a known word; an unknown one is looked up only among the few listed words without an id, after
     * a first/last-letter and length filter on those alone.
     *
     * @param id   {@code Vocabulary.DEFAULT.id(word)}: the word's id, or -1 when the table lacks it
     * @param word the word
     * @return {@code of(word)}
     */
    public static long of(int id, String word) {
        if (id >= 0) {
            return BY_ID[id];
        }
        if (!OUTSIDE_FILTER.mayContain(word)) {
            return 0L;
        }
        Long bits = OUTSIDE.get(word);
        return bits == null ? 0L : bits;
    }

    private static Map<String, Long> outside() {
        Map<String, Long> out = new HashMap<>();
        TABLE.forEach((w, bits) -> {
            if (Vocabulary.DEFAULT.id(w) < 0) {
                out.put(w, bits);
            }
        });
        return out;
    }

    private static long[] byId() {
        long[] out = new long[Vocabulary.DEFAULT.size()];
        for (Map.Entry<String, Long> e : TABLE.entrySet()) {
            int id = Vocabulary.DEFAULT.id(e.getKey());
            if (id >= 0) {
                out[id] = e.getValue();
            }
        }
        return out;
    }

    /** @return true when token {@code i} exists and is in one of the lists of {@code mask} */
    static boolean has(List<Token> t, int i, long mask) {
        return i >= 0 && i < t.size() && (t.get(i).bits() & mask) != 0;
    }

    private static Map<String, Long> table() {
        Map<String, Long> out = new HashMap<>();
        add(out, KILLED, CasualtyLexicon.KILLED);
        add(out, INJURED, CasualtyLexicon.INJURED);
        add(out, MISSING, CasualtyLexicon.MISSING);
        add(out, KILL_VERBS, CasualtyLexicon.KILL_VERBS);
        add(out, INJURE_VERBS, CasualtyLexicon.INJURE_VERBS);
        add(out, MANNER, CasualtyLexicon.MANNER);
        add(out, AUX, CasualtyLexicon.AUX);
        add(out, NOT_VICTIMS, CasualtyLexicon.NOT_VICTIMS);
        add(out, PERPETRATORS, CasualtyLexicon.PERPETRATORS);
        add(out, AFTER_BLOCK, CasualtyLexicon.AFTER_BLOCK);
        add(out, OF_WHOLE_DETERMINERS, CasualtyLexicon.OF_WHOLE_DETERMINERS);
        add(out, BEFORE_BLOCK, CasualtyLexicon.BEFORE_BLOCK);
        add(out, SUBGROUP, CasualtyLexicon.SUBGROUP);
        add(out, PAREN_OPEN, CasualtyLexicon.PAREN_OPEN);
        add(out, TOLL_LINK, CasualtyLexicon.TOLL_LINK);
        add(out, TIME_WORDS, CasualtyLexicon.TIME_WORDS);
        add(out, CONFLICT, CasualtyLexicon.CONFLICT);
        add(out, TOLL_UPDATE, CasualtyLexicon.TOLL_UPDATE);
        add(out, STOP, CasualtyWords.STOP);
        add(out, OBJECT_START, CasualtyWords.OBJECT_START);
        add(out, OF_DETERMINERS, CasualtyWords.OF_DETERMINERS);
        add(out, CLAUSE_END, CasualtyWords.CLAUSE_END);
        add(out, VERB_AUX, CasualtyWords.VERB_AUX);
        add(out, FORCES, WordLists.CASUALTY.set("forces"));
        add(out, PARTICIPLE_OK, WordLists.CASUALTY.set("participle_ok"));
        add(out, VAGUE, WordLists.CASUALTY.set("vague"));
        add(out, CLAIMED, WordLists.CASUALTY.set("claimed"));
        add(out, STARTER, NumberPhrase.STARTERS);
        add(out, NUMBER_WORD, NumberWords.numberWords());
        add(out, ARTICLE_NOT_ONE, WordLists.CASUALTY.set("article_not_one"));
        add(out, CONTEXT_DETERMINERS, WordLists.CASUALTY.set("context_determiners"));
        add(out, YEAR_OK, WordLists.CASUALTY.set("year_ok"));
        add(out, ARTICLE_A, Set.of("a", "an"));
        add(out, RESULT_PHRASE_LEAD, Set.of("lost", "losing", "treated"));
        add(out, HYPOTHETICAL, CasualtyFraming.HYPOTHETICAL);
        add(out, INTENT, CasualtyFraming.INTENT);
        add(out, RESPONSE, CasualtyFraming.RESPONSE);
        add(out, ENGLISH_MARK, WordLists.CASUALTY.set("english_marks"));
        add(out, FOREIGN_MARK, WordLists.CASUALTY.set("foreign_marks"));
        return out;
    }

    private static void add(Map<String, Long> out, long bit, Set<String> words) {
        for (String w : words) {
            String shared = Vocabulary.DEFAULT.find(w, 0, w.length());
            String key = shared != null && shared.equals(w) ? shared : w;
            out.merge(key, bit, (a, b) -> a | b);
        }
    }
}
