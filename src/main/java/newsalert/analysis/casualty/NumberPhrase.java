package newsalert.analysis.casualty;

import static newsalert.analysis.casualty.NumberWords.text;

import java.util.List;
import newsalert.analysis.casualty.CasualtyTokenizer.Token;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;

/**
 * A qualified number in the token stream: {@code [qualifier] number [range end]}.
 *
 * <p>Qualifier words and what they map to:
 * <ul>
 *   <li>{@link Qualifier#AT_LEAST}: "at least", "no fewer than", "no less than", "not less than";</li>
 *   <li>{@link Qualifier#MORE_THAN}: "more than", "over", "upwards of", "in excess of", "above";</li>
 *   <li>{@link Qualifier#ABOUT}: "nearly", "almost", "about", "around", "some", "roughly",
 *       "approximately", "an estimated", "estimated", "up to", "as many as", "close to";</li>
 *   <li>{@link Qualifier#RANGE}: "between 20 and 25", "20 to 25", "20-25" (only when the second number
 *       is larger).</li>
 * </ul>
 * With no qualifier word the number's own implicit qualifier applies ({@link NumberWords}).
 *
 * @param start    index of the first token (the qualifier's, if any)
 * @param numStart index of the number's first token
 * @param end      index of the first token after the phrase
 * @param count    the count the phrase states
 */
record NumberPhrase(int start, int numStart, int end, CasualtyCount count) {
    private static final String[][] AT_LEAST = {{"at", "least"}, {"no", "fewer", "than"}, {"no", "less", "than"},
        {"not", "less", "than"}};
    private static final String[][] MORE_THAN = {{"more", "than"}, {"over"}, {"upwards", "of"},
        {"in", "excess", "of"}, {"above"}};
    private static final String[][] ABOUT = {{"nearly"}, {"almost"}, {"about"}, {"around"}, {"some"}, {"roughly"},
        {"approximately"}, {"an", "estimated"}, {"estimated"}, {"up", "to"}, {"as", "many", "as"}, {"close", "to"}};

    /** Every word a phrase can start with, besides number words; a cheap first test. */
    private static final java.util.Set<String> START = java.util.Set.of("between", "at", "no", "not", "more", "over",
            "upwards", "in", "above", "nearly", "almost", "about", "around", "some", "roughly", "approximately", "an",
            "estimated", "up", "as", "close", "a", "half", "several", "dozens", "scores", "hundreds", "thousands",
            "tens");

    private static final String[][][] GROUPS = {AT_LEAST, MORE_THAN, ABOUT};

    /** A qualifier phrase of {@link #GROUPS} with the qualifier its group gives. */
    private record Lead(String[] words, Qualifier qualifier) {
    }

    /**
     * The phrases of {@link #GROUPS} by their first word, each list in the order the groups are tried
     * (at-least, more-than, about; then array order), so the first match is the same as trying them all.
     */
    private static final java.util.Map<String, Lead[]> BY_FIRST_WORD = leadsByFirstWord();

    private static java.util.Map<String, Lead[]> leadsByFirstWord() {
        java.util.Map<String, java.util.List<Lead>> tmp = new java.util.LinkedHashMap<>();
        Qualifier[] qualifiers = {Qualifier.AT_LEAST, Qualifier.MORE_THAN, Qualifier.ABOUT};
        for (int g = 0; g < GROUPS.length; g++) {
            for (String[] words : GROUPS[g]) {
                tmp.computeIfAbsent(words[0], k -> new java.util.ArrayList<>()).add(new Lead(words, qualifiers[g]));
            }
        }
        java.util.Map<String, Lead[]> out = new java.util.HashMap<>();
        tmp.forEach((k, v) -> out.put(k, v.toArray(Lead[]::new)));
        return out;
    }

    /** {@link #START} and every cardinal number word; tokens carry it as {@link CasualtyBits#STARTER}. */
    static final java.util.Set<String> STARTERS = starters();

    private static java.util.Set<String> starters() {
        java.util.Set<String> s = new java.util.HashSet<>(START);
        s.addAll(NumberWords.numberWords());
        return s;
    }

    /**
     * Reads a phrase starting exactly at token {@code i}.
     *
     * @return the phrase, or {@code null} when none starts there
     */
    static NumberPhrase parse(List<Token> t, int i) {
        if (i >= t.size() || t.get(i).kind() == CasualtyTokenizer.Kind.WORD && !t.get(i).in(CasualtyBits.STARTER)) {
            return null;
        }
        if (text(t, i).equals("between")) {
            return between(t, i);
        }
        Qualifier q = null;
        int j = i;
        Lead[] leads = BY_FIRST_WORD.get(text(t, i));
        if (leads != null) {
            for (Lead lead : leads) {
                if (matches(t, i, lead.words())) {
                    q = lead.qualifier();
                    j = i + lead.words().length;
                    break;
                }
            }
        }
        if (q != null && text(t, j).equals("just")) {
            j++;
        }
        NumberWords.Read n = NumberWords.read(t, j);
        if (n == null) {
            return null;
        }
        if (n.implicit() == Qualifier.EXACT && (text(t, n.end()).equals("-") || text(t, n.end()).equals("to"))) {
            NumberWords.Read hi = NumberWords.read(t, n.end() + 1);
            if (hi != null && hi.implicit() == Qualifier.EXACT && hi.value() > n.value()) {
                return new NumberPhrase(i, j, hi.end(), CasualtyCount.range(n.value(), hi.value()));
            }
        }
        Qualifier qualifier = q != null ? q : n.implicit();
        return new NumberPhrase(i, j, n.end(), CasualtyCount.of(n.value(), qualifier));
    }

    private static NumberPhrase between(List<Token> t, int i) {
        NumberWords.Read lo = NumberWords.read(t, i + 1);
        if (lo == null || !text(t, lo.end()).equals("and")) {
            return null;
        }
        NumberWords.Read hi = NumberWords.read(t, lo.end() + 1);
        if (hi == null || hi.value() <= lo.value()) {
            return null;
        }
        return new NumberPhrase(i, i + 1, hi.end(), CasualtyCount.range(lo.value(), hi.value()));
    }

    private static boolean matches(List<Token> t, int i, String[] words) {
        for (int k = 0; k < words.length; k++) {
            if (!text(t, i + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }
}
