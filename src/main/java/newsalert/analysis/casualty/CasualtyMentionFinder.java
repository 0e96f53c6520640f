package newsalert.analysis.casualty;

import static newsalert.analysis.casualty.NumberWords.text;
import static newsalert.analysis.casualty.CasualtyWords.*;
import static newsalert.analysis.casualty.CasualtyMembers.*;

import java.util.ArrayList;
import java.util.List;
import newsalert.analysis.casualty.CasualtyMention.Category;
import newsalert.analysis.casualty.CasualtyTokenizer.Kind;
import newsalert.analysis.casualty.CasualtyTokenizer.Token;
import newsalert.story.CasualtyCount;

/**
 * Finds every casualty figure in a token stream. Each {@link NumberPhrase} is kept only when its
 * context says what happened to the people counted, in this order:
 * <ol>
 *   <li>a toll before it: "the death toll (from the blast) rose to N" (killed; an update when a verb
 *       such as rose/climbed/reached is present), "death toll of N", "number of dead rose to N";</li>
 *   <li>an active verb right before it: "killing N", "kills N", "wounding N", "injured N others",
 *       "claimed the lives of N", "stabbed N people to death";</li>
 *   <li>a casualty word after it, past a short noun phrase (which may hold "of the …"), an
 *       "including …" aside, and auxiliaries: "N people were killed", "N dead", "N others were hurt",
 *       "N remain missing", "claimed N lives", "N were shot dead";</li>
 *   <li>"N counts of murder" (not "attempted murder"): N killed.</li>
 * </ol>
 * A list of counts sharing one verb is added up: "four soldiers and 2 civilians were killed" → 6,
 * "killing 14 civilians and a police officer" → 15 (an article counts 1 inside such a list). An
 * apposition is not: "40 people, 6 police and 34 civilians, were killed" → 40.
 *
 * <p>Never counted: see {@link CasualtyContext#blocked}; tolls of an earlier event the story looks back
 * on ({@link CasualtyContext#earlierEvent}: "months after the attacks that killed 51"); counts of weapons, buildings and the like
 * ({@link CasualtyLexicon#NOT_VICTIMS}); counts after "including"/"among" (a sub-group of a total);
 * hypothetical tolls ("may be killed", "could kill", "threatened to kill": {@link CasualtyFraming});
 * the subject of a verb that takes an object ("2 gunmen killed 5" counts 5, not 2); "killed or
 * injured" (ambiguous). Counts of attackers are marked {@code perpetrator} and left out of list sums.
 */
public final class CasualtyMentionFinder {
    private CasualtyMentionFinder() {
    }

    /** @return the mentions in token order */
    static List<CasualtyMention> find(List<Token> t) {
        List<CasualtyMention> out = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            Kind kind = t.get(i).kind();
            NumberPhrase p = kind == Kind.WORD || kind == Kind.NUM ? NumberPhrase.parse(t, i) : null;
            if (p == null && isArticleOne(t, i)) {
                p = new NumberPhrase(i, i, i + 1, CasualtyCount.exact(1));
            } else if (p == null && isBareOne(t, i)) {
                p = new NumberPhrase(i, i, i, CasualtyCount.exact(1)); // "kills man": the noun follows at once
            }
            if (p == null) {
                i++;
                continue;
            }
            CasualtyMention m = classify(t, p);
            if (m != null && !CasualtyContext.earlierEvent(t, p) && !CasualtyContext.runningTotal(t, p)
                    && !CasualtyFraming.inResponse(t, p) && !CasualtyFraming.warTotal(t, p)
                    && !CasualtyFraming.rate(t, p)) {
                Token num = t.get(p.numStart());
                m = m.at(num.kind() == Kind.WORD && num.in(CasualtyBits.VAGUE), num.from());
                out.add(CasualtyContext.background(t, p) ? m.asBackground() : m);
            }
            i = Math.max(p.end(), i + 1);
        }
        return out;
    }

    private static CasualtyMention classify(List<Token> t, NumberPhrase p) {
        if (CasualtyContext.blocked(t, p)) {
            return null;
        }
        boolean lead = t.get(p.numStart()).para() <= 1;
        Category toll = CasualtyContext.tollBefore(t, p.start());
        if (toll != null) {
            return new CasualtyMention(toll, p.count(), CasualtyContext.isUpdate(t, p.start()), lead, false,
                    p.start());
        }
        if (murderCounts(t, p.end())) {
            return new CasualtyMention(Category.KILLED, p.count(), false, lead, false, p.start());
        }
        Category verb = CasualtyContext.verbBefore(t, p.start(), p.end());
        if (verb != null) {
            if (CasualtyFraming.hypotheticalBefore(t, verbIndex(t, p.start()))) {
                return null; // "could kill 300", "threatened to kill 30 hostages"
            }
            List<Member> list = objects(t, p);
            return list == null ? null : mention(verb, list, lead, p.start());
        }
        if (CasualtyContext.subgroup(t, p.start()) && casualtyWord(t, p.end()) == null) {
            return null; // "including four children"; but "12 casualties, including 4 dead" gives 4 dead
        }
        return after(t, p, lead);
    }

    /** Index of the active verb of a count at {@code s}: "killing (all) 40" ({@link CasualtyContext#verbBefore}). */
    private static int verbIndex(List<Token> t, int s) {
        return CasualtyBits.has(t, s - 1, CasualtyBits.CONTEXT_DETERMINERS) ? s - 2 : s - 1;
    }

    /** "3 counts of murder": each count of murder (not attempted murder) is one person killed. */
    private static boolean murderCounts(List<Token> t, int e) {
        String crime = text(t, e + 2);
        return text(t, e).equals("counts") && text(t, e + 1).equals("of")
                && (crime.equals("murder") || crime.equals("homicide"));
    }

    /** Longest list of counts read as sharing one verb; keeps the scan linear on odd input. */
    private static final int MAX_MEMBERS = 6;

    /** Looks right of the phrase for "[noun…] [including …] [and M noun…] [aux…] casualty-word". */
    private static CasualtyMention after(List<Token> t, NumberPhrase p, boolean lead) {
        List<Member> list = new ArrayList<>(2);
        CasualtyCount current = p.count();
        boolean perp = false;
        boolean commaList = false;
        boolean participle = false;
        boolean late = false;
        boolean article = p.start() == p.numStart() && t.get(p.start()).kind() == Kind.WORD
                && (text(t, p.start()).equals("a") || text(t, p.start()).equals("an"));
        int j = p.end();
        int limit = j + (article ? 6 : 12);
        while (j < t.size() && j < limit) {
            Token tok = t.get(j);
            String w = tok.text();
            Category c = casualtyWord(t, j);
            if (c == Category.INJURED && diesLater(t, j + 1)) {
                late = true;
                j = diedAt(t, j + 1); // "one of the injured later died": the word names the group
                continue;
            }
            if (c != null && text(t, j).equals("lives") && j != p.end()
                    && !CasualtyBits.has(t, p.start() - 1, CasualtyBits.CLAIMED)) {
                return null; // "lives" counts right after the number or after "claimed": "claimed 7 civilians' lives"
            }
            if (c != null && article && deadAsAdjective(t, j)) {
                return null; // "a nearby dead dog"
            }
            if (c != null) {
                if (ambiguous(t, j, c)) {
                    return null;
                }
                perp |= c == Category.KILLED && byForces(t, j);
                list.add(new Member(current, perp, j));
                boolean apposition = commaList && text(t, auxStart(t, j) - 1).equals(",");
                CasualtyMention found = mention(c, apposition ? list.subList(0, 1) : list, lead, p.start());
                return late && c == Category.KILLED ? found.asLateDeath() : found;
            }
            int sep = separatorEnd(t, j);
            Member next = sep < 0 ? null : memberAt(t, sep);
            if (next != null && list.size() < MAX_MEMBERS) {
                commaList |= list.isEmpty() && w.equals(",");
                list.add(new Member(current, perp, j));
                current = next.count();
                perp = next.perp();
                j = next.end();
                limit = j + 10;
            } else if (w.equals("including") || w.equals("among")) {
                j = skipAside(t, j + 1);
                limit = j + 6;
            } else if (w.equals("of") && NumberPhrase.parse(t, j + 1) != null) {
                j = NumberPhrase.parse(t, j + 1).end(); // "1 of 4 children"
            } else if (w.equals("of") && CasualtyBits.has(t, j + 1, CasualtyBits.OF_WHOLE_DETERMINERS)
                    && NumberPhrase.parse(t, j + 2) != null) {
                j = NumberPhrase.parse(t, j + 2).end(); // "4 of the 12 hostages"
            } else if (w.equals("of") && t.get(j + 1).kind() == Kind.WORD) {
                int k = CasualtyBits.has(t, j + 1, CasualtyBits.OF_DETERMINERS) ? j + 2 : j + 1;
                boolean injuredGroup = CasualtyBits.has(t, k, CasualtyBits.INJURED) && diesLater(t, k + 1);
                if (!injuredGroup && (casualtyWord(t, k) != null || CasualtyBits.has(t, k, CasualtyBits.KILLED)
                        || CasualtyBits.has(t, k, CasualtyBits.INJURED))) {
                    return null; // "two of those killed": a sub-group of a total
                }
                late |= injuredGroup;
                j = injuredGroup ? k + 1 : k;
            } else if (tok.kind() == Kind.WORD) {
                if (participle && tok.in(CasualtyBits.PARTICIPLE_OK) || w.equals("as") && text(t, j - 1).equals("listed")) {
                    j++;
                    continue;
                }
                if (tok.in(CasualtyBits.STOP | CasualtyBits.NOT_VICTIMS) || isActiveVerb(tok)
                        || CasualtyFraming.hypotheticalWord(t, j)) {
                    return null;
                }
                if (w.endsWith("ing") && !w.equals("being") && !participle && !article) {
                    participle = true;
                    limit = j + 11;
                }
                perp |= tok.in(CasualtyBits.PERPETRATORS);
                j++;
            } else if (w.equals("-")) {
                j++;
            } else if (w.equals(",") && !list.isEmpty() && (CasualtyBits.has(t, j + 1, CasualtyBits.VERB_AUX)
                    || casualtyWord(t, j + 1) != null)) {
                j++;
            } else if (w.equals(",") && CasualtyBits.has(t, j + 1, CasualtyBits.PAREN_OPEN)) {
                j = skipAside(t, j + 1);
                limit = j + 6;
            } else if (w.equals("(")) {
                j = skipTo(t, j + 1, ")");
                limit = j + 6;
            } else {
                return null;
            }
        }
        return null;
    }

    /** Skips an aside ("including a catechist", "mostly children,") up to its comma or its verb. */
    private static int skipAside(List<Token> t, int j) {
        for (int k = j; k < t.size() && k < j + 14; k++) {
            Token tok = t.get(k);
            if (tok.isBreak() || tok.in(CasualtyBits.VERB_AUX) || casualtyWord(t, k) != null) {
                return k;
            }
            if (tok.is(",")) {
                return k + 1;
            }
        }
        return j + 14;
    }

    private static int skipTo(List<Token> t, int j, String close) {
        for (int k = j; k < t.size() && k < j + 14; k++) {
            if (t.get(k).isBreak()) {
                return k;
            }
            if (t.get(k).is(close)) {
                return k + 1;
            }
        }
        return j + 14;
    }
}
