package newsalert.analysis.casualty;

import newsalert.analysis.text.WordLists;

import static newsalert.analysis.casualty.NumberWords.text;

import java.util.List;
import java.util.Set;
import newsalert.analysis.casualty.CasualtyTokenizer.Kind;
import newsalert.analysis.casualty.CasualtyTokenizer.Token;

/**
 * How a sentence frames a count it states: as a possibility or threat rather than a toll, or as the toll
 * of another, earlier event or of a whole war. Each test reads a few tokens around one {@link NumberPhrase}
 * (list bits, no regex), so it costs nothing per token of the story.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@link #hypotheticalBefore}: a modal or risk word (list {@code hypothetical}: may, might, could,
 *       would, should, will, risk, expected) right before the active casualty verb, possibly with "have"
 *       ("could kill 300", "could have killed 300"; but "may/might have killed 40" is a hedged real toll), or a verb of intent and "to" ("threatened to kill 30
 *       hostages", "vowed to kill"): nobody has been harmed;</li>
 *   <li>{@link #hypotheticalWord}: the same modal or risk words between a count and its casualty word
 *       ("thousands of civilians may be killed if fighting resumes", "14,000 babies could die",
 *       "200 people risk being killed") — read by {@link CasualtyMentionFinder}, which then drops the count;</li>
 *   <li>{@link #inResponse}: the count is the object of "that/which [has/had] killed" and, earlier in the
 *       same sentence, stands a word of answering (list {@code response}: "in response to", "in retaliation
 *       for", "to avenge"): "airstrikes in response to a rocket attack that killed an American contractor".
 *       The story's incident is the answer; the count belongs to the attack it answers, so it is never
 *       used. "In retaliation for the raid, militants killed 12" has no "that killed" and still counts;</li>
 *   <li>{@link #warTotal}: the toll of a whole war, stated in the perfect: the subject of "has/have
 *       killed" is a word of list {@code war_subjects} (war, conflict, insurgency, pandemic) a few words
 *       back ("the war has killed more than 46,000", "the war, which has killed …", "a conflict that has
 *       killed …"; not "the offensive has killed 300", which may be the story's event), or the sentence dates the count "since the war
 *       began/started" and its verb is perfect ("since the war began, 40,000 people have been killed"), or
 *       "since … began/started/start" follows the count in any tense ("9,000 troops killed since Russia
 *       began the war").
 *       Such a total is never the story's count, not even when the story gives no other (a truce story);
 *       "N more" ("the conflict has killed three more civilians") is an increment and still counts;</li>
 *   <li>{@link #rate}: a count per day, week, month or year ("kills 91 Americans a day") is a rate.</li>
 * </ul>
 */
public final class CasualtyFraming {
    static final Set<String> HYPOTHETICAL = WordLists.CASUALTY.set("hypothetical");
    static final Set<String> INTENT = WordLists.CASUALTY.set("intent");
    static final Set<String> RESPONSE = WordLists.CASUALTY.set("response");
    private static final Set<String> CONFLICT_START = WordLists.CASUALTY.set("conflict_start");
    private static final Set<String> WAR_SUBJECTS = WordLists.CASUALTY.set("war_subjects");

    private CasualtyFraming() {
    }

    /**
     * @param j a token between a count and its casualty word
     * @return true when it is a modal or risk word whose verb group follows at once: "be", "have", "been",
     *     "being", "to" or a killed word ("may be killed", "could die", "risk being killed", "expected to
     *     die"); "nine people who could not escape were killed" still counts
     */
    static boolean hypotheticalWord(List<Token> t, int j) {
        if (!t.get(j).in(CasualtyBits.HYPOTHETICAL)) {
            return false;
        }
        String next = text(t, j + 1);
        if (next.equals("have") && hedge(t, j)) {
            return false; // "40 people may have been killed": a real toll, reported with caution
        }
        return next.equals("be") || next.equals("have") || next.equals("been") || next.equals("being")
                || next.equals("to") || CasualtyBits.has(t, j + 1, CasualtyBits.KILLED);
    }

    /**
     * "may"/"might" before "have": a hedged report of what happened ("may have been killed", "might have died"),
     * unlike "could/would/should have", which say what did not happen ("could have killed hundreds").
     */
    private static boolean hedge(List<Token> t, int modal) {
        return t.get(modal).is("may") || t.get(modal).is("might");
    }

    /**
     * @param verb index of the active casualty verb ("kill" in "could kill 300")
     * @return true when a modal, "modal have", or "intent-verb to" stands right before it
     */
    static boolean hypotheticalBefore(List<Token> t, int verb) {
        int k = verb - 1;
        boolean perfect = text(t, k).equals("have");
        if (perfect) {
            k--;
        }
        if (CasualtyBits.has(t, k, CasualtyBits.HYPOTHETICAL)) {
            return !(perfect && hedge(t, k)); // "the strike may have killed 40" is a hedged real toll
        }
        return k == verb - 1 && text(t, k).equals("to") && CasualtyBits.has(t, k - 1, CasualtyBits.INTENT);
    }

    /** Words that make a count a rate: "91 Americans a day", "per year", "each week", "every month". */
    private static final Set<String> RATE_LEAD = Set.of("a", "an", "per", "each", "every");
    private static final Set<String> RATE_UNIT = Set.of("day", "week", "month", "year", "hour");
    /** After "a day" these make it a point in time, not a rate: "a day after the ceasefire", "a day when". */
    private static final Set<String> NOT_RATE_AFTER = Set.of("after", "before", "earlier", "later", "ago", "when",
            "of", "that");

    /**
     * @param p the count
     * @return true when the words right after it (at most six, within the sentence) make it a rate ("an
     *     epidemic that kills 91 Americans a day", "1,200 people die each year on the roads"): a rate is
     *     not the toll of an incident; "killed 12 a day after the truce" is a time, not a rate
     */
    static boolean rate(List<Token> t, NumberPhrase p) {
        for (int k = p.end(); k < t.size() - 1 && k <= p.end() + 6 && !t.get(k).isBreak(); k++) {
            if (RATE_LEAD.contains(t.get(k).text()) && RATE_UNIT.contains(text(t, k + 1))) {
                return !NOT_RATE_AFTER.contains(text(t, k + 2));
            }
        }
        return false;
    }

    /**
     * @param p the count
     * @return true when it is the object of "that/which [has/had] killed" after a word of answering in the
     *     same sentence ("in response to a rocket attack that killed an American contractor")
     */
    static boolean inResponse(List<Token> t, NumberPhrase p) {
        int v = p.start() - 1;
        if (!CasualtyBits.has(t, v, CasualtyBits.KILL_OR_INJURE_VERB)) {
            return false;
        }
        int rel = text(t, v - 1).equals("has") || text(t, v - 1).equals("had") ? v - 2 : v - 1;
        if (!text(t, rel).equals("that") && !text(t, rel).equals("which")) {
            return false;
        }
        for (int k = rel - 1; k >= 0 && k >= rel - 14 && !t.get(k).isBreak(); k--) {
            if (t.get(k).in(CasualtyBits.RESPONSE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param p the count
     * @return true when it is a war's total in the perfect tense (see the class comment)
     */
    static boolean warTotal(List<Token> t, NumberPhrase p) {
        if (text(t, p.end()).equals("more")) {
            return false; // "the conflict has killed three more civilians": today's increment, not the total
        }
        int v = p.start() - 1;
        boolean hasKilled = text(t, v).equals("killed")
                && (text(t, v - 1).equals("has") || text(t, v - 1).equals("have"));
        if (hasKilled) {
            for (int k = v - 2; k >= 0 && k >= v - 8 && !t.get(k).isBreak(); k--) {
                Token tok = t.get(k);
                if (WAR_SUBJECTS.contains(tok.text())) {
                    return true; // "the war (in Gaza)(, which) has killed N"
                }
                if (tok.kind() == Kind.NUM || tok.in(CasualtyBits.KILL_OR_INJURE_VERB)) {
                    break;
                }
            }
        }
        return (hasKilled || perfectAfter(t, p.end())) && sinceWarBegan(t, p.start()) || sinceBeganAfter(t, p.end());
    }

    /**
     * "since" within eight words after the count, then a word of {@code conflict_start} within four words:
     * "9,000 troops killed since Russia began the war", "12,000 dead since the start of the fighting". Dated
     * from a war's start, the count is a running total whatever the verb's tense.
     */
    private static boolean sinceBeganAfter(List<Token> t, int e) {
        for (int k = e; k < t.size() && k <= e + 8 && !t.get(k).isBreak(); k++) {
            if (t.get(k).is("since")) {
                for (int j = k + 1; j < t.size() && j <= k + 4 && !t.get(j).isBreak(); j++) {
                    if (CONFLICT_START.contains(t.get(j).text())) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** "since [the] war began" (or started, erupted …) before {@code s} in its sentence. */
    private static boolean sinceWarBegan(List<Token> t, int s) {
        for (int k = s - 1; k >= 0 && k >= s - 25 && !t.get(k).isBreak(); k--) {
            if (t.get(k).is("since")) {
                int c = text(t, k + 1).equals("the") ? k + 2 : k + 1;
                if (CasualtyBits.has(t, c, CasualtyBits.CONFLICT)
                        && (CONFLICT_START.contains(text(t, c + 1)) || CONFLICT_START.contains(text(t, c + 2)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "N people have been killed", "N have died": a perfect auxiliary within a few words after the count. */
    private static boolean perfectAfter(List<Token> t, int e) {
        for (int k = e; k < t.size() && k <= e + 6 && !t.get(k).isBreak(); k++) {
            String w = t.get(k).text();
            if (w.equals("have") || w.equals("has")) {
                String next = text(t, k + 1);
                return next.equals("been") || next.equals("died") || next.equals("killed");
            }
        }
        return false;
    }
}
