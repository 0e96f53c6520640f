package newsalert.analysis;

import static newsalert.analysis.NumberWords.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import newsalert.analysis.CasualtyMention.Category;
import newsalert.analysis.CasualtyTokenizer.Kind;
import newsalert.analysis.CasualtyTokenizer.Token;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;

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
 *       "N remain missing", "claimed N lives", "N were shot dead".</li>
 * </ol>
 * A list of counts sharing one verb is added up: "four soldiers and 2 civilians were killed" → 6,
 * "killing 14 civilians and a police officer" → 15 (an article counts 1 inside such a list). An
 * apposition is not: "40 people, 6 police and 34 civilians, were killed" → 40.
 *
 * <p>Never counted: see {@link CasualtyContext#blocked}; counts of weapons, buildings and the like
 * ({@link CasualtyLexicon#NOT_VICTIMS}); counts after "including"/"among" (a sub-group of a total);
 * the subject of a verb that takes an object ("2 gunmen killed 5" counts 5, not 2); "killed or
 * injured" (ambiguous). Counts of attackers are marked {@code perpetrator} and left out of list sums.
 */
final class CasualtyMentionFinder {
    private static final Set<String> STOP = Set.of("and", "or", "but", "in", "at", "on", "after", "when", "while",
            "by", "from", "with", "during", "which", "following", "for", "than", "near", "before", "because", "if",
            "the", "a", "an", "this", "these", "those", "there", "into", "over", "about", "whereas", "of", "as");
    private static final Set<String> OBJECT_START = Set.of("a", "an", "the", "his", "her", "their", "him", "them",
            "himself", "herself", "themselves", "its", "another", "several", "many");
    private static final Set<String> OF_DETERMINERS = Set.of("the", "them", "whom", "its", "his", "her", "their",
            "these", "those", "our");
    /** Words a participle phrase may hold: "people attending a rally in the capital were killed". */
    private static final Set<String> PARTICIPLE_OK = Set.of("a", "an", "the", "at", "in", "on", "near", "of",
            "from", "for", "outside", "inside", "into", "to", "their", "his", "her", "its");
    private static final Set<String> ARTICLE_NOT_ONE = Set.of("few", "further", "handful", "total", "number",
            "lot", "couple", "series", "second", "third", "fourth", "new", "similar", "separate", "day",
            "week", "month", "year", "string", "wave", "spate", "barrage", "hundred", "thousand", "dozen",
            "massive", "large", "huge", "suspected", "deadly", "car", "bomb", "suicide");
    private static final Set<String> POSSESSIVES = Set.of("his", "her", "their");
    private static final Set<String> VERB_AUX = Set.of("were", "was", "are", "is", "have", "has", "had");

    /** One member of a list of counts: its count, whether it counts attackers, and where its words end. */
    private record Member(CasualtyCount count, boolean perp, int end) {
    }

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
            }
            if (p == null) {
                i++;
                continue;
            }
            CasualtyMention m = classify(t, p);
            if (m != null) {
                out.add(m);
            }
            i = p.end();
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
        Category verb = CasualtyContext.verbBefore(t, p.start(), p.end());
        if (verb != null) {
            List<Member> list = objects(t, p);
            return list == null ? null : mention(verb, list, false, lead, p.start());
        }
        if (CasualtyContext.subgroup(t, p.start()) && casualtyWord(t, p.end()) == null) {
            return null; // "including four children"; but "12 casualties, including 4 dead" gives 4 dead
        }
        return after(t, p, lead);
    }

    /** The object list after an active verb: "killing 2 policemen and 2 soldiers"; null if not people. */
    private static List<Member> objects(List<Token> t, NumberPhrase p) {
        List<Member> list = new ArrayList<>(2);
        Member m = nounWords(t, p.count(), p.end());
        if (m == null) {
            return null;
        }
        list.add(m);
        while (true) {
            int sep = separatorEnd(t, m.end());
            Member next = sep < 0 ? null : memberAt(t, sep);
            if (next == null || VERB_AUX.contains(text(t, next.end())) || casualtyWord(t, next.end()) != null) {
                return list;
            }
            list.add(next);
            m = next;
        }
    }

    /** Looks right of the phrase for "[noun…] [including …] [and M noun…] [aux…] casualty-word". */
    private static CasualtyMention after(List<Token> t, NumberPhrase p, boolean lead) {
        List<Member> list = new ArrayList<>(2);
        CasualtyCount current = p.count();
        boolean perp = false;
        boolean commaList = false;
        boolean participle = false;
        int j = p.end();
        int limit = j + 12;
        while (j < t.size() && j < limit) {
            Token tok = t.get(j);
            String w = tok.text();
            Category c = casualtyWord(t, j);
            if (c == Category.INJURED && diesLater(t, j + 1)) {
                j++; // "one of the injured later died": the word names the group
                continue;
            }
            if (c != null) {
                if (ambiguous(t, j, c)) {
                    return null;
                }
                list.add(new Member(current, perp, j));
                boolean apposition = commaList && text(t, auxStart(t, j) - 1).equals(",");
                return mention(c, apposition ? list.subList(0, 1) : list, true, lead, p.start());
            }
            int sep = separatorEnd(t, j);
            Member next = sep < 0 ? null : memberAt(t, sep);
            if (next != null) {
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
            } else if (w.equals("of") && t.get(j + 1).kind() == Kind.WORD) {
                int k = OF_DETERMINERS.contains(text(t, j + 1)) ? j + 2 : j + 1;
                boolean injuredGroup = CasualtyLexicon.INJURED.contains(text(t, k)) && diesLater(t, k + 1);
                if (!injuredGroup && (casualtyWord(t, k) != null || CasualtyLexicon.KILLED.contains(text(t, k))
                        || CasualtyLexicon.INJURED.contains(text(t, k)))) {
                    return null; // "two of those killed": a sub-group of a total
                }
                j = injuredGroup ? k + 1 : k;
            } else if (tok.kind() == Kind.WORD) {
                if (participle && PARTICIPLE_OK.contains(w)) {
                    j++;
                    continue;
                }
                if (STOP.contains(w) || CasualtyLexicon.NOT_VICTIMS.contains(w) || isActiveVerb(w)) {
                    return null;
                }
                if (w.endsWith("ing") && !w.equals("being") && !participle) {
                    participle = true;
                    limit = j + 11;
                }
                perp |= CasualtyLexicon.PERPETRATORS.contains(w);
                j++;
            } else if (w.equals("-")) {
                j++;
            } else if (w.equals(",") && (VERB_AUX.contains(text(t, j + 1))
                    || casualtyWord(t, j + 1) != null)) {
                j++;
            } else if (w.equals(",") && CasualtyLexicon.PAREN_OPEN.contains(text(t, j + 1))) {
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

    private static CasualtyMention mention(Category c, List<Member> list, boolean passive, boolean lead, int pos) {
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
    private static int auxStart(List<Token> t, int j) {
        int k = j;
        while (k > 0 && CasualtyLexicon.AUX.contains(text(t, k - 1))) {
            k--;
        }
        return k;
    }

    /** After "and", ", and", "," or "as well as" at {@code j}: the index where the next member starts, else -1. */
    private static int separatorEnd(List<Token> t, int j) {
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

    /**
     * "a"/"an" before a person noun counts one ("a policeman was killed", "killing a guard"), but not
     * "a total of", "a few", "a number of", "a 12-year-old".
     */
    private static boolean isArticleOne(List<Token> t, int k) {
        String w = text(t, k);
        if (!w.equals("a") && !w.equals("an") || k + 1 >= t.size()) {
            return false;
        }
        String next = text(t, k + 1);
        return t.get(k + 1).kind() == Kind.WORD && !STOP.contains(next) && !NumberWords.isNumberWord(next)
                && !CasualtyLexicon.AUX.contains(next) && !ARTICLE_NOT_ONE.contains(next)
                && !text(t, k + 2).equals("of") && casualtyWord(t, k + 1) == null;
    }

    /** A list member at {@code k}: a number phrase or "a"/"an" (1) with its noun words; null if none. */
    private static Member memberAt(List<Token> t, int k) {
        NumberPhrase q = NumberPhrase.parse(t, k);
        if (q != null) {
            if (CasualtyContext.blocked(t, q) || CasualtyContext.subgroup(t, q.start())
                    || text(t, q.end()).equals("of") && OF_DETERMINERS.contains(text(t, q.end() + 1))) {
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
    private static Member nounWords(List<Token> t, CasualtyCount count, int j) {
        boolean perp = false;
        int k = j;
        while (k < t.size() && k < j + 5) {
            Token tok = t.get(k);
            String w = tok.text();
            if (tok.kind() != Kind.WORD || STOP.contains(w) || CasualtyLexicon.AUX.contains(w) && !isNoun(w)
                    || casualtyWord(t, k) != null || isActiveVerb(w) || CasualtyLexicon.INJURE_VERBS.contains(w)
                    || CasualtyLexicon.KILL_VERBS.contains(w) || w.endsWith("ing")) {
                break;
            }
            if (CasualtyLexicon.NOT_VICTIMS.contains(w)) {
                return null;
            }
            perp |= CasualtyLexicon.PERPETRATORS.contains(w);
            k++;
        }
        return new Member(count, perp, k);
    }

    private static boolean isNoun(String w) {
        return w.equals("people") || w.equals("persons") || w.equals("person") || w.equals("others")
                || w.equals("other") || w.equals("more");
    }

    /**
     * The casualty category the word at {@code j} expresses as a result ("were killed", "dead"), or
     * null; null also for an active use that takes an object ("killed 5").
     */
    static Category casualtyWord(List<Token> t, int j) {
        String w = text(t, j);
        String next = text(t, j + 1);
        if (CasualtyLexicon.MANNER.contains(w)
                && (next.equals("dead") || (next.equals("to") && text(t, j + 2).equals("death")))) {
            return Category.KILLED;
        }
        if (w.equals("lost") && next.equals("their") && text(t, j + 2).equals("lives")) {
            return Category.KILLED;
        }
        Category c = CasualtyLexicon.KILLED.contains(w) ? Category.KILLED
                : CasualtyLexicon.INJURED.contains(w) ? Category.INJURED
                : CasualtyLexicon.MISSING.contains(w) ? Category.MISSING : null;
        if (c == null) {
            return null;
        }
        if ((w.equals("killed") || c == Category.INJURED) && takesObject(t, j + 1)) {
            return null;
        }
        if (w.equals("unaccounted") && !next.equals("for")) {
            return null;
        }
        return c;
    }

    private static boolean takesObject(List<Token> t, int j) {
        return OBJECT_START.contains(text(t, j)) || NumberPhrase.parse(t, j) != null;
    }

    private static boolean ambiguous(List<Token> t, int j, Category c) {
        String link = text(t, j + 1);
        if (!link.equals("or") && !link.equals("and")) {
            return false;
        }
        String other = text(t, j + 2);
        return c == Category.KILLED ? CasualtyLexicon.INJURED.contains(other) : CasualtyLexicon.KILLED.contains(other);
    }

    private static boolean isActiveVerb(String w) {
        return (CasualtyLexicon.KILL_VERBS.contains(w) || CasualtyLexicon.INJURE_VERBS.contains(w))
                && !CasualtyLexicon.KILLED.contains(w) && !CasualtyLexicon.INJURED.contains(w);
    }

    /** True when, past a few auxiliaries, the words at {@code j} say "died": "(has) (later) died". */
    private static boolean diesLater(List<Token> t, int j) {
        for (int k = j; k < t.size() && k < j + 4; k++) {
            String w = text(t, k);
            if (w.equals("died") || w.equals("dies") || w.equals("succumbed")) {
                return true;
            }
            if (!CasualtyLexicon.AUX.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /** Skips an aside ("including a catechist", "mostly children,") up to its comma or its verb. */
    private static int skipAside(List<Token> t, int j) {
        for (int k = j; k < t.size() && k < j + 14; k++) {
            Token tok = t.get(k);
            if (tok.isBreak() || VERB_AUX.contains(tok.text()) || casualtyWord(t, k) != null) {
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
