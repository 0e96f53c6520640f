package newsalert.analysis.casualty;

import newsalert.analysis.text.WordLists;

import static newsalert.analysis.casualty.NumberWords.text;

import java.util.List;
import java.util.Set;
import newsalert.analysis.casualty.CasualtyMention.Category;
import newsalert.analysis.casualty.CasualtyTokenizer.Kind;
import newsalert.analysis.casualty.CasualtyTokenizer.Token;

/**
 * Context tests around a {@link NumberPhrase}: what blocks it (ages, times, dates, units,
 * "one of the"), and what the words just before it say (a toll, an active verb, a sub-group).
 */
public final class CasualtyContext {

    private CasualtyContext() {
    }

    /** @return true when the phrase is an age, time, date, amount, measure or label, not a head count */
    static boolean blocked(List<Token> t, NumberPhrase p) {
        int s = p.start();
        String prev = text(t, s - 1);
        Token num = t.get(p.numStart());
        if (CasualtyBits.has(t, s - 1, CasualtyBits.BEFORE_BLOCK)
                || prev.equals(":") && num.kind() == Kind.NUM && s >= 2 && t.get(s - 2).kind() == Kind.NUM) {
            return true;
        }
        if (prev.equals("-") && s >= 2 && t.get(s - 2).kind() == Kind.NUM) {
            return true; // second half of something like "7-2" that did not read as a range
        }
        int part = partBefore(t, s);
        if (part >= 0) {
            return !wholeCounts(t, part, p.end()); // the whole in "4 of 12 hostages killed"
        }
        int e = p.end();
        String next = text(t, e);
        if (prev.equals(",") && next.equals(",") && num.kind() == Kind.NUM && num.value() < 130) {
            return true; // an age in apposition: "Abed Nabhan, 25, was killed"
        }
        if (num.kind() == Kind.NUM && num.value() >= 1900 && num.value() <= 2100 && !num.text().contains(",")
                && !CasualtyBits.has(t, e, CasualtyBits.YEAR_OK)) {
            return true;
        }
        if (CasualtyBits.has(t, e, CasualtyBits.AFTER_BLOCK)
                || next.equals("-") && CasualtyBits.has(t, e + 1, CasualtyBits.AFTER_BLOCK)) {
            return true;
        }
        if (next.equals(":") && e + 1 < t.size() && t.get(e + 1).kind() == Kind.NUM) {
            return true;
        }
        return false;
    }

    /**
     * A running total rather than the news event: its sentence names a wider conflict ("war",
     * "conflict", "insurgency", "pandemic") or the words after it say "since …" ("since October 2023").
     */
    static boolean background(List<Token> t, NumberPhrase p) {
        int from = p.start();
        while (from > 0 && from > p.start() - 40 && !t.get(from - 1).isBreak()) {
            from--;
        }
        for (int k = from; k < t.size() && k < p.end() + 40 && !t.get(k).isBreak(); k++) {
            String w = t.get(k).text();
            if (t.get(k).in(CasualtyBits.CONFLICT)
                    || k >= p.end() && w.equals("since") && !text(t, k + 1).equals("then")) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> SPANS = WordLists.CASUALTY.set("spans");

    /**
     * A toll of an earlier event the story looks back on: before the number, in the same sentence,
     * stands "weeks/months/years after" or "… since" ("months after the attacks on two mosques that
     * killed 51 people"), "anniversary", "… ago", or "after … in &lt;month&gt; killed N"
     * ("after border clashes in July killed at least 48"). Such counts are not the story's own casualties.
     */
    static boolean earlierEvent(List<Token> t, NumberPhrase p) {
        boolean inMonth = false;
        for (int k = p.start() - 1; k >= 0 && k >= p.start() - 30 && !t.get(k).isBreak(); k--) {
            String w = t.get(k).text();
            if (w.equals("anniversary") || w.equals("ago")
                    || (w.equals("after") || w.equals("since")) && SPANS.contains(text(t, k - 1))) {
                return true;
            }
            inMonth |= k == p.start() - 2 && MONTHS.contains(w) && text(t, k - 1).equals("in")
                    && CasualtyBits.has(t, k + 1, CasualtyBits.KILL_VERBS);
            if (inMonth && w.equals("after") && k >= p.start() - 10) {
                return true; // "after border clashes in July killed at least 48"
            }
        }
        return false;
    }

    private static final Set<String> MONTHS = WordLists.CASUALTY.set("months");

    /** Words after a perfect-tense toll that make it a running total: "has killed thousands this year". */
    private static final Set<String> SO_FAR = WordLists.CASUALTY.set("so_far");

    /**
     * A running total stated as one: "fighting that has killed thousands of people this year", "the war has
     * killed more than 40,000 since October 2023": "has/have killed" right before the count and, within a
     * few words after it, "this year", "so far", "to date", "since …" or "last year". Such counts are never
     * the story's own casualties, even when it gives no other figure.
     */
    static boolean runningTotal(List<Token> t, NumberPhrase p) {
        int v = p.start() - 1;
        if (!text(t, v).equals("killed") || !text(t, v - 1).equals("has") && !text(t, v - 1).equals("have")) {
            return false;
        }
        for (int k = p.end(); k < t.size() && k <= p.end() + 5 && !t.get(k).isBreak(); k++) {
            String w = text(t, k);
            String next = text(t, k + 1);
            if (SO_FAR.contains(w) && (w.equals("since") || next.equals("year") || next.equals("far")
                    || next.equals("date"))) {
                return true;
            }
        }
        return false;
    }

    /** True when up to four noun words from {@code j} are followed directly by a casualty word. */
    private static final Set<String> COPULA = WordLists.CASUALTY.set("copula");
    private static final Set<String> MAIN_VERB = WordLists.CASUALTY.set("main_verb");

    /** @return the index of the part N in "N of [the|those] M", or -1 when {@code s} starts no such whole */
    private static int partBefore(List<Token> t, int s) {
        int of = CasualtyBits.has(t, s - 1, CasualtyBits.OF_WHOLE_DETERMINERS) ? s - 2 : s - 1;
        if (of < 1 || !text(t, of).equals("of")) {
            return -1;
        }
        Token n = t.get(of - 1);
        return n.kind() == Kind.NUM || NumberWords.isNumberWord(n.text()) ? of - 1 : -1;
    }

    /**
     * Whether the whole M of a partitive "N of [the] M … killed" is the count. Rule: only when the
     * casualty word directly describes M as a participle ("M people killed") and either N is a
     * predicate ("was one of five people killed") or a main verb follows ("three of the 12 people
     * killed were children"). Otherwise the sentence says N of them were harmed ("4 of 12 hostages
     * killed", "four of the 12 hostages were killed"), so N is the count and M is not.
     */
    private static boolean wholeCounts(List<Token> t, int part, int j) {
        if (!describedAs(t, j)) {
            return false;
        }
        if (COPULA.contains(text(t, part - 1))) {
            return true;
        }
        int c = j;
        while (c < t.size() && c <= j + 4 && CasualtyWords.casualtyWord(t, c) == null) {
            c++;
        }
        for (int k = c + 1; k < t.size() && k <= c + 8; k++) {
            Token tok = t.get(k);
            if (tok.isBreak() || tok.kind() != Kind.WORD) {
                return false;
            }
            if (MAIN_VERB.contains(tok.text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean describedAs(List<Token> t, int j) {
        for (int k = j; k < t.size() && k <= j + 4; k++) {
            if (CasualtyWords.casualtyWord(t, k) != null) {
                return !CasualtyWords.diesLater(t, k + 1);
            }
            if (t.get(k).kind() != Kind.WORD || t.get(k).in(CasualtyBits.AUX)
                    && !t.get(k).is("people")) {
                return false;
            }
        }
        return false;
    }

    /** "death toll … to N", "number of dead rose to N": the category of a toll ending right before {@code s}. */
    static Category tollBefore(List<Token> t, int s) {
        if (!CasualtyBits.has(t, s - 1, CasualtyBits.TOLL_LINK) && !text(t, s - 1).equals("toll")) {
            return null;
        }
        for (int k = s - 1; k >= 0 && k >= s - 9; k--) {
            Token tok = t.get(k);
            if (tok.kind() != Kind.WORD) {
                return null;
            }
            if (tok.is("toll")) {
                String before = text(t, k - 1);
                return before.equals("injury") ? Category.INJURED
                        : before.equals("casualty") ? null : Category.KILLED;
            }
            if (tok.is("number") && text(t, k + 1).equals("of")) {
                Category c = CasualtyWords.casualtyWord(t, k + 2);
                return c != null ? c : CasualtyWords.casualtyWord(t, k + 3);
            }
        }
        return null;
    }

    /** @return true when the toll before {@code s} has a verb such as rose/climbed/reached */
    static boolean isUpdate(List<Token> t, int s) {
        for (int k = s - 1; k >= 0 && k >= s - 9; k--) {
            String w = text(t, k);
            if (CasualtyBits.has(t, k, CasualtyBits.TOLL_UPDATE)) {
                return true;
            }
            if (w.equals("toll") || w.equals("number")) {
                return false;
            }
        }
        return false;
    }

    /**
     * "killing N", "wounded N", "the lives of N", "claimed the life of a woman", "stabbed N people to death",
     * "shot dead N".
     *
     * @param s start of the phrase
     * @param e end of the phrase
     */
    static Category verbBefore(List<Token> t, int s, int e) {
        int v = CasualtyBits.has(t, s - 1, CasualtyBits.CONTEXT_DETERMINERS) ? s - 1 : s;
        String w = text(t, v - 1);
        String w2 = text(t, v - 2);
        if (CasualtyBits.has(t, v - 1, CasualtyBits.KILL_VERBS) || w.equals("dead") && w2.equals("shot")) {
            return Category.KILLED;
        }
        if (CasualtyBits.has(t, v - 1, CasualtyBits.INJURE_VERBS)) {
            return Category.INJURED;
        }
        if (w.equals("of") && (w2.equals("lives") || w2.equals("life") || w2.equals("deaths") || w2.equals("death"))) {
            return Category.KILLED;
        }
        if (CasualtyBits.has(t, v - 1, CasualtyBits.MANNER)) {
            for (int k = e; k < t.size() && k <= e + 3; k++) {
                if (t.get(k).is("to") && text(t, k + 1).equals("death")) {
                    return Category.KILLED;
                }
                if (t.get(k).kind() != Kind.WORD) {
                    break;
                }
            }
        }
        return null;
    }

    /** "including four children", "among them two": a count inside a total. */
    static boolean subgroup(List<Token> t, int s) {
        for (int k = s - 1; k >= 0 && k >= s - 3; k--) {
            Token tok = t.get(k);
            if (tok.isBreak() || tok.is(",")) {
                return false;
            }
            if (tok.in(CasualtyBits.SUBGROUP)) {
                return true;
            }
        }
        return false;
    }
}
