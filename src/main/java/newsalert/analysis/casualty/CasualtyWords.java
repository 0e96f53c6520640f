package newsalert.analysis.casualty;

import newsalert.analysis.text.WordLists;

import static newsalert.analysis.casualty.NumberWords.text;

import java.util.List;
import java.util.Set;
import newsalert.analysis.casualty.CasualtyMention.Category;
import newsalert.analysis.casualty.CasualtyTokenizer.Kind;
import newsalert.analysis.casualty.CasualtyTokenizer.Token;

/**
 * Word-level tests shared by the casualty rules: casualty words, active verbs, stop words. The word
 * lists are read from {@value WordLists#CASUALTY_RESOURCE} (key = constant name in lower case).
 */
public final class CasualtyWords {
    /** Function words that end a noun phrase or clause when scanning around a count. */
    static final Set<String> STOP = WordLists.CASUALTY.set("stop");

    /** Words that, right after a casualty verb, show it takes an object ("killed the", "wounded several"). */
    static final Set<String> OBJECT_START = WordLists.CASUALTY.set("object_start");

    /** Determiners and pronouns that may follow "of" in a partitive or member count ("three of them"). */
    static final Set<String> OF_DETERMINERS = WordLists.CASUALTY.set("of_determiners");

    /** Words that end the short stretch "diesLater" may cross: "injured (in the blast) has died". */
    static final Set<String> CLAUSE_END = WordLists.CASUALTY.set("clause_end");
    /** Auxiliaries that may stand between a count and its casualty word ("were", "has"). */
    public static final Set<String> VERB_AUX = WordLists.CASUALTY.set("verb_aux");
    /** Words besides {@link #STOP} and time words that may follow the verb "die": "could die unless …". */
    static final Set<String> DIE_NEXT = WordLists.CASUALTY.set("die_next");

    /**
     * The casualty category the word at {@code j} expresses as a result ("were killed", "dead"), or
     * null; null also for an active use that takes an object ("killed 5"), and for a killed word followed by
     * "off" that ends the verb (a break, mark, time word or preposition after it): "talks were killed off on
     * Thursday" is a metaphor, "were killed off the coast", "killed off Libya" and "killed off duty" are not. Bare "die" is read only before what can follow the English verb: a
     * mark or number, a word of list {@code stop} or {@code time_words}, or one of list {@code die_next}
     * ("each", "daily", "unless", …); before any other word it is taken for the German or Dutch article.
     */
    static Category casualtyWord(List<Token> t, int j) {
        if (j < 0 || j >= t.size()) {
            return null; // no word: text(t, j) would be "", in no list
        }
        Token tok = t.get(j);
        long bits = tok.bits();
        if ((bits & (CasualtyBits.MANNER | CasualtyBits.KILLED | CasualtyBits.INJURED | CasualtyBits.MISSING
                | CasualtyBits.RESULT_PHRASE_LEAD)) == 0) {
            return null;
        }
        String w = tok.text();
        String next = text(t, j + 1);
        if ((bits & CasualtyBits.MANNER) != 0
                && (next.equals("dead") || (next.equals("to") && text(t, j + 2).equals("death")))) {
            return Category.KILLED;
        }
        if ((w.equals("lost") || w.equals("losing")) && next.equals("their") && text(t, j + 2).equals("lives")) {
            return Category.KILLED;
        }
        if (w.equals("treated") && next.equals("for")) {
            for (int k = j + 2; k < t.size() && k <= j + 4; k++) {
                if (text(t, k).equals("injuries") || text(t, k).equals("wounds")) {
                    return Category.INJURED; // "70 people were treated for (gunshot) injuries"
                }
            }
        }
        Category c = (bits & CasualtyBits.KILLED) != 0 ? Category.KILLED
                : (bits & CasualtyBits.INJURED) != 0 ? Category.INJURED
                : (bits & CasualtyBits.MISSING) != 0 ? Category.MISSING : null;
        if (c == null) {
            return null;
        }
        if ((w.equals("killed") || c == Category.INJURED) && takesObject(t, j + 1)) {
            return null;
        }
        if (w.equals("die") && j + 1 < t.size() && t.get(j + 1).kind() == Kind.WORD
                && !t.get(j + 1).in(CasualtyBits.STOP | CasualtyBits.TIME_WORDS) && !DIE_NEXT.contains(next)) {
            return null; // German "Vor 100 Jahren begann die deutsche Revolution": "die" is an article there
        }
        if (c == Category.KILLED && next.equals("off") && offEndsTheVerb(t, j + 2)) {
            return null; // "talks were killed off on Friday", "herds died off"; but "killed off Libya/duty" counts
        }
        if (w.equals("unaccounted") && !next.equals("for")) {
            return null;
        }
        return c;
    }

    /** Words after which "killed off" has ended as a phrasal verb: a preposition, "by", a time word. */
    private static final Set<String> AFTER_OFF = Set.of("by", "on", "in", "at", "after", "before", "when", "as",
            "last", "this", "earlier", "amid", "over", "and", "but");

    /**
     * True when "off" ends the verb ("were killed off on Friday", "killed off by the regulator", "died off
     * during the heatwave", "killed off." ): the token at {@code k} after "off" is a break, a mark, a time
     * word or a word of {@link #AFTER_OFF} — so "off" was the particle of the metaphor "kill off", not a
     * place ("killed off Libya", "killed off the coast of") or "off duty".
     */
    private static boolean offEndsTheVerb(List<Token> t, int k) {
        if (k >= t.size()) {
            return true;
        }
        Token tok = t.get(k);
        return tok.kind() == Kind.BREAK || tok.kind() == Kind.PUNCT || tok.in(CasualtyBits.TIME_WORDS)
                || AFTER_OFF.contains(tok.text()) || tok.is("during");
    }

    /**
     * True when the casualty word at {@code j} is followed within a few words by "by [the] police /
     * security forces / troops …": people killed by security forces in an attack are the attackers.
     */
    static boolean byForces(List<Token> t, int j) {
        for (int k = j + 1; k < t.size() && k <= j + 3; k++) {
            if (text(t, k).equals("by")) {
                int f = text(t, k + 1).equals("the") ? k + 2 : k + 1;
                return CasualtyBits.has(t, f, CasualtyBits.FORCES) || CasualtyBits.has(t, f + 1, CasualtyBits.FORCES);
            }
            if (t.get(k).kind() != Kind.WORD) {
                return false;
            }
        }
        return false;
    }

    static boolean takesObject(List<Token> t, int j) {
        return CasualtyBits.has(t, j, CasualtyBits.OBJECT_START) || NumberPhrase.parse(t, j) != null;
    }

    static boolean ambiguous(List<Token> t, int j, Category c) {
        String link = text(t, j + 1);
        if (!link.equals("or") && !link.equals("and")) {
            return false;
        }
        return CasualtyBits.has(t, j + 2, c == Category.KILLED ? CasualtyBits.INJURED : CasualtyBits.KILLED);
    }

    /** Same as {@link #isActiveVerb(String)} on the token's text, read from its list bits. */
    static boolean isActiveVerb(Token tok) {
        long b = tok.bits();
        return (b & CasualtyBits.KILL_OR_INJURE_VERB) != 0 && (b & CasualtyBits.KILLED_OR_INJURED) == 0;
    }

    static boolean isActiveVerb(String w) {
        return (CasualtyLexicon.KILL_VERBS.contains(w) || CasualtyLexicon.INJURE_VERBS.contains(w))
                && !CasualtyLexicon.KILLED.contains(w) && !CasualtyLexicon.INJURED.contains(w);
    }

    /** True when, within a few words of the same clause, the words at {@code j} say "died": "(in the blast) has died". */
    static boolean diesLater(List<Token> t, int j) {
        return diedAt(t, j) >= 0;
    }

    /** Index of the "died" that {@link #diesLater} finds, or -1. */
    static int diedAt(List<Token> t, int j) {
        for (int k = j; k < t.size() && k < j + 7; k++) {
            Token tok = t.get(k);
            if (tok.is("died") || tok.is("dies") || tok.is("succumbed")) {
                return k;
            }
            if (tok.kind() != Kind.WORD || tok.in(CasualtyBits.CLAUSE_END | CasualtyBits.KILLED_OR_INJURED)) {
                return -1;
            }
        }
        return -1;
    }

    /** True when "dead" at {@code j} is an adjective before a noun: "a dead dog", "a dead heat". */
    static boolean deadAsAdjective(List<Token> t, int j) {
        return text(t, j).equals("dead") && j + 1 < t.size() && t.get(j + 1).kind() == Kind.WORD
                && !t.get(j + 1).in(CasualtyBits.STOP | CasualtyBits.AUX | CasualtyBits.TIME_WORDS
                        | CasualtyBits.TOLL_UPDATE);
    }

    private CasualtyWords() {
    }
}
