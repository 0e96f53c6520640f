package newsalert.analysis.casualty;

import newsalert.analysis.text.WordLists;

import static newsalert.analysis.casualty.NumberWords.text;
import static newsalert.analysis.casualty.CasualtyWords.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import newsalert.analysis.casualty.CasualtyMention.Category;
import newsalert.analysis.casualty.CasualtyTokenizer.Kind;
import newsalert.analysis.casualty.CasualtyTokenizer.Token;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;

/**
 * Lists of counts that share one verb ("four soldiers and 2 civilians were killed", "killing 14
 * civilians and a police officer"): reading the members and adding them up. Inside such a list "a"/"an"
 * or "their"/"his"/"her" before a singular noun counts one. Attackers are left out of the sum unless
 * every member is an attacker.
 */
public final class CasualtyMembers {
    public static final Set<String> ARTICLE_NOT_ONE = WordLists.CASUALTY.set("article_not_one");
    static final Set<String> POSSESSIVES = WordLists.CASUALTY.set("possessives");

    /** One member of a list of counts: its count, whether it counts attackers, and where its words end. */
    record Member(CasualtyCount count, boolean perp, int end) {
    }

    /** The object list after an active verb: "killing 2 policemen and 2 soldiers"; null if not people. */
    static List<Member> objects(List<Token> t, NumberPhrase p) {
        List<Member> list = new ArrayList<>(2);
        Member m = nounWords(t, p.count(), p.end());
        if (m == null) {
            return null;
        }
        list.add(m);
        List<Member> tail = afterModifier(t, m.end());
        if (tail != null) {
            list.addAll(tail);
            return list;
        }
        int firstComma = -1;
        while (true) {
            int sep = separatorEnd(t, m.end());
            Member next = sep < 0 ? null : memberAt(t, sep);
            if (next != null && firstComma < 0 && text(t, m.end()).equals(",")) {
                firstComma = list.size();
            }
            if (next != null && REPORTING.contains(text(t, next.end())) && firstComma > 0) {
                return list.subList(0, firstComma); // "…about 80, an official and a resident said"
            }
            if (next == null || list.size() >= 6 || endsClause(t, next.end())) {
                break;
            }
            list.add(next);
            m = next;
        }
        return apposition(t, list);
    }

    private static final Set<String> MODIFIER_START = WordLists.CASUALTY.set("modifier_start");

    /**
     * The rest of a list whose first member carries a modifier: "killed a candidate running for a seat
     * in the assembly, his driver and a guard" → the driver and the guard. Read only in the closed form
     * "{@code , X and Y}" where Y is followed by neither a reporting verb nor a casualty word; else null.
     */
    private static List<Member> afterModifier(List<Token> t, int k) {
        String w = text(t, k);
        if (!MODIFIER_START.contains(w) && !(w.endsWith("ing") && t.get(k).kind() == Kind.WORD)) {
            return null;
        }
        int comma = -1;
        for (int j = k + 1; j < t.size() && j <= k + 12; j++) {
            Token tok = t.get(j);
            if (tok.is(",")) {
                comma = j;
                break;
            }
            if (tok.kind() != Kind.WORD || isActiveVerb(tok) || tok.in(CasualtyBits.AUX)
                    && !tok.is("people")) {
                return null;
            }
        }
        Member x = comma < 0 ? null : memberAt(t, comma + 1);
        if (x == null || !text(t, x.end()).equals("and")) {
            return null;
        }
        Member y = memberAt(t, x.end() + 1);
        if (y == null || endsClause(t, y.end()) || x.perp() || y.perp()) {
            return null;
        }
        return List.of(x, y);
    }

    /** Words after a "member" that show it is the subject of a new clause: "…, a police spokesman said". */
    public static final Set<String> REPORTING = WordLists.CASUALTY.set("reporting");

    /**
     * True when the member ending at {@code k} starts a clause of its own: an auxiliary, a casualty word
     * (after optional auxiliaries: "dozens still missing") or a reporting verb follows it.
     */
    private static boolean endsClause(List<Token> t, int k) {
        if (CasualtyBits.has(t, k, CasualtyBits.VERB_AUX) || REPORTING.contains(text(t, k))) {
            return true;
        }
        int j = k;
        while (j < t.size() && j < k + 3 && CasualtyBits.has(t, j, CasualtyBits.AUX)) {
            j++;
        }
        return casualtyWord(t, j) != null;
    }

    /**
     * An object list whose first member is followed by a comma is an apposition, not a sum, when the
     * first member counts "people"/"persons" or the later members add up to it: "killing eight people,
     * six Chinese nationals and two soldiers" → 8; "killed one tourist, a Russian man" → 1.
     */
    private static List<Member> apposition(List<Token> t, List<Member> list) {
        Member first = list.get(0);
        if (list.size() < 2 || !text(t, first.end()).equals(",")) {
            return list;
        }
        int rest = 0;
        for (Member m : list.subList(1, list.size())) {
            rest += m.count().min();
        }
        String noun = text(t, first.end() - 1);
        boolean generic = noun.equals("people") || noun.equals("persons");
        return generic || rest == first.count().min() ? list.subList(0, 1) : list;
    }

    static CasualtyMention mention(Category c, List<Member> list, boolean lead, int pos) {
        if (list.size() == 1) {
            Member m = list.get(0);
            return new CasualtyMention(c, m.count(), false, lead, m.perp(), pos);
        }
        int sum = 0;
        boolean exact = true;
        boolean anyVictim = false;
        for (Member m : list) {
            anyVictim |= !m.perp();
        }
        for (Member m : list) {
            if (m.perp() == !anyVictim) {
                sum += m.count().min();
                exact &= m.count().qualifier() == Qualifier.EXACT;
            }
        }
        CasualtyCount count = exact ? CasualtyCount.exact(sum) : CasualtyCount.of(sum, Qualifier.AT_LEAST);
        return new CasualtyMention(c, count, false, lead, !anyVictim, pos);
    }

    /** Index of the first auxiliary in the run of auxiliaries ending right before {@code j}. */
    static int auxStart(List<Token> t, int j) {
        int k = j;
        while (k > 0 && CasualtyBits.has(t, k - 1, CasualtyBits.AUX)) {
            k--;
        }
        return k;
    }

    /** After "and", ", and", "," or "as well as" at {@code j}: the index where the next member starts, else -1. */
    static int separatorEnd(List<Token> t, int j) {
        String w = text(t, j);
        if (w.equals("and")) {
            return j + 1;
        }
        if (w.equals(",")) {
            return text(t, j + 1).equals("and") ? j + 2 : j + 1;
        }
        if (w.equals("as") && text(t, j + 1).equals("well") && text(t, j + 2).equals("as")) {
            return j + 3;
        }
        return -1;
    }

    private static final Set<String> SINGLE_PERSONS = WordLists.CASUALTY.set("single_persons");
    private static final Set<String> SINGLE_PASSIVE_NEXT = WordLists.CASUALTY.set("single_passive_next");

    /**
     * A singular person noun with no article counts one, as headlines write it: right after a kill verb
     * ("Bee swarm kills man") or right before a killed word used passively, followed by a word of
     * {@code single_passive_next} or nothing ("Man killed by alligator at pond", "Unarmed man killed";
     * not "man killed his neighbour"). Lists {@code single_persons}, {@code single_passive_next}.
     */
    static boolean isBareOne(List<Token> t, int k) {
        if (!SINGLE_PERSONS.contains(text(t, k)) || CasualtyBits.has(t, k - 1, CasualtyBits.ARTICLE_A)) {
            return false;
        }
        if (CasualtyBits.has(t, k - 1, CasualtyBits.KILL_VERBS)) {
            return true;
        }
        if (!text(t, k + 1).equals("killed") && !text(t, k + 1).equals("slain")) {
            return false;
        }
        return k + 2 >= t.size() || t.get(k + 2).isBreak() || SINGLE_PASSIVE_NEXT.contains(text(t, k + 2));
    }

    /**
     * "a"/"an" before a person noun counts one ("a policeman was killed", "killing a guard"), but not
     * "a total of", "a few", "a number of", "a 12-year-old".
     */
    static boolean isArticleOne(List<Token> t, int k) {
        if (!CasualtyBits.has(t, k, CasualtyBits.ARTICLE_A) || k + 1 >= t.size()) {
            return false;
        }
        return t.get(k + 1).kind() == Kind.WORD
                && !t.get(k + 1).in(CasualtyBits.STOP | CasualtyBits.NUMBER_WORD | CasualtyBits.AUX
                        | CasualtyBits.ARTICLE_NOT_ONE)
                && !text(t, k + 2).equals("of") && casualtyWord(t, k + 1) == null;
    }

    /** A list member at {@code k}: a number phrase or "a"/"an" (1) with its noun words; null if none. */
    static Member memberAt(List<Token> t, int k) {
        NumberPhrase q = NumberPhrase.parse(t, k);
        if (q != null) {
            if (CasualtyContext.blocked(t, q) || CasualtyContext.subgroup(t, q.start())
                    || text(t, q.end()).equals("of") && CasualtyBits.has(t, q.end() + 1, CasualtyBits.OF_DETERMINERS)) {
                return null;
            }
            return nounWords(t, q.count(), q.end());
        }
        if (isArticleOne(t, k)) {
            return nounWords(t, CasualtyCount.exact(1), k + 1);
        }
        if (POSSESSIVES.contains(text(t, k)) && t.get(k + 1).kind() == Kind.WORD) {
            Member m = nounWords(t, CasualtyCount.exact(1), k + 1); // "and their driver"
            return m == null || m.end() == k + 1 || text(t, m.end() - 1).endsWith("s") ? null : m;
        }
        return null;
    }

    /** Reads up to 5 noun words from {@code j}; null when they name things, not people. */
    static Member nounWords(List<Token> t, CasualtyCount count, int j) {
        boolean perp = false;
        int k = j;
        while (k < t.size() && k < j + 5) {
            Token tok = t.get(k);
            String w = tok.text();
            if (tok.kind() != Kind.WORD || tok.in(CasualtyBits.STOP) || tok.in(CasualtyBits.AUX) && !isNoun(w)
                    || casualtyWord(t, k) != null || tok.in(CasualtyBits.KILL_OR_INJURE_VERB)
                    || w.endsWith("ing") || REPORTING.contains(w)) {
                break;
            }
            if (tok.in(CasualtyBits.NOT_VICTIMS)) {
                return null;
            }
            perp |= tok.in(CasualtyBits.PERPETRATORS);
            k++;
        }
        return new Member(count, perp, k);
    }

    static boolean isNoun(String w) {
        return w.equals("people") || w.equals("persons") || w.equals("person") || w.equals("others")
                || w.equals("other") || w.equals("more");
    }

    private CasualtyMembers() {
    }
}
