package newsalert.analysis.quote;

import newsalert.analysis.text.WordLists;

import static newsalert.analysis.quote.SpeakerWords.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one speaker noun phrase without commas for {@link SpeakerParser}: the trailing run of capitalised
 * tokens is the name, the words up to the last role head the role ("UK Prime Minister Keir Starmer"); a
 * place after a role preposition joins the role ("Senator from Vermont Bernie Sanders"); lower-case roles
 * ("neighbour", "Huber's longtime partner"); an owner ending in 's before a name ("the Fund's Jacqueline De
 * León"); organisations ("Russia's defence ministry", "Biden campaign", "the CBCP"). Stateless; thread-safe.
 */
public final class SpeakerNames {
    private static final Set<String> HONORIFICS = WordLists.QUOTE.set("honorifics");
    private static final Set<String> POSSESSIVE_DETERMINERS = WordLists.QUOTE.set("possessive_determiners");
    /** Titles a one-word regnal name keeps as part of the name ("Pope Francis", "Queen Rania"). */
    private static final Set<String> REGNAL_TITLES = WordLists.QUOTE.set("regnal_titles");
    /** A national or regional adjective: Israeli, Russian, Chinese, Turkish, French, Philippine. */
    private static final Pattern DEMONYM = Pattern.compile("\\p{Lu}\\p{Ll}+(?:an|ese|i|ish|ch|ine)");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,8}");

    private SpeakerNames() {
    }

    /**
     * @param raw a phrase without commas
     * @return the speaker it names, or null
     */
    static SpeakerRef nounPhrase(String raw) {
        String p = SpeakerLexicon.LEADING_FILLER.matcher(clean(raw)).replaceFirst("");
        p = QuoteText.stripTimeTail(p);
        String bare = ARTICLE.matcher(p).replaceFirst("");
        if (bare.length() < p.length() && bare.indexOf(' ') < 0 && !bare.isEmpty() && isCapital(bare)
                && !SpeakerLexicon.isOrgWord(bare)) {
            // "the Church": no person is "the Smith", and a one-word organisation needs its org word or must be
            // an acronym ("the CBCP")
            return bare.length() >= 2 && ACRONYM.matcher(bare).matches()
                    ? SpeakerRef.named(bare, null, SpeakerRef.Kind.ORG) : null;
        }
        p = bare;
        if (p.isEmpty() || p.contains(",")) {
            return null;
        }
        if (SpeakerLexicon.PRONOUNS.contains(p.toLowerCase(Locale.ROOT))) {
            return SpeakerRef.pronoun(p.toLowerCase(Locale.ROOT));
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(WS.split(p)));
        while (!tokens.isEmpty() && HONORIFICS.contains(tokens.get(0).toLowerCase(Locale.ROOT))) {
            tokens.remove(0);
        }
        if (tokens.size() >= 3 && POSSESSIVE_DETERMINERS.contains(tokens.get(0))
                && isCapital(tokens.get(tokens.size() - 1))) {
            tokens.remove(0); // "his sister Fatima Benali", "her label's chief Monte Lipman"
        }
        if (tokens.isEmpty() || tokens.size() > 14
                || SpeakerLexicon.NOT_NAME_START.contains(tokens.get(0)) && !hasHead(tokens)) {
            return null;
        }
        int n = tokens.size();
        int k = n;
        while (k > 0 && isNameToken(tokens.get(k - 1), k == n)) {
            k--;
        }
        while (k < n && !isCapital(tokens.get(k))) {
            k++; // a run never starts with a particle
        }
        if (k == n) {
            return lowerCaseOrganisation(tokens);
        }
        if (k == 0 && SpeakerLexicon.isOrgWord(tokens.get(n - 1))) {
            return SpeakerRef.named(norm(String.join(" ", tokens)), null, SpeakerRef.Kind.ORG);
        }
        int head = -1;
        for (int i = 0; i < n; i++) {
            if (isHead(tokens.get(i))) {
                head = i;
            }
        }
        if (head >= k) {
            return person(tokens.subList(0, head + 1), tokens.subList(head + 1, n));
        }
        if (k > 0) {
            if (head < 0) {
                return lowerCaseRole(tokens, k);
            }
            for (int i = 0; i < k; i++) {
                if (!LOWER_WORD.matcher(tokens.get(i)).matches() && !isCapital(tokens.get(i))) {
                    return null;
                }
            }
            int split = k;
            if (rolePreposition(tokens, k) || tokens.get(k - 1).equals("and")) {
                int units = countUnits(tokens.subList(k, n));
                if (units < 3) {
                    return null;
                }
                split = lastTwoUnits(tokens); // "Senator from Vermont Bernie Sanders": the place joins the role
                int org = -1;
                for (int i = split; i < n; i++) {
                    org = SpeakerLexicon.isOrgWord(tokens.get(i)) ? i : org;
                }
                if (org == n - 1) {
                    return null; // "co-author Ana Ruiz of Lund's Marine Institute": an affiliation, read by the parser
                }
                split = Math.max(split, org + 1); // "Secretary General of the Coastal Community Ferreira"
            }
            return person(tokens.subList(0, split), tokens.subList(split, n));
        }
        SpeakerRef owned = ownedPerson(tokens);
        if (owned != null) {
            return owned;
        }
        for (String t : tokens) {
            if (SpeakerLexicon.isOrgWord(t)) {
                return SpeakerRef.named(norm(String.join(" ", tokens)), null, SpeakerRef.Kind.ORG);
            }
        }
        return person(List.of(), tokens);
    }

    /**
     * @return whether the word before the capitalised run at {@code k} is a role preposition, alone or with
     *         "the" ("Senator from Vermont", "Vice President of the United States")
     */
    private static boolean rolePreposition(List<String> tokens, int k) {
        String before = tokens.get(k - 1);
        return PREPOSITIONS.contains(before) || before.equals("the") && k >= 2 && PREPOSITIONS.contains(tokens.get(k - 2));
    }

    /** @return where the last two name units start ("Hong Kong Carrie Lam" gives the index of "Carrie") */
    private static int lastTwoUnits(List<String> tokens) {
        int units = 0;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (!SpeakerLexicon.PARTICLES.contains(tokens.get(i).toLowerCase(Locale.ROOT))) {
                units++;
            }
            if (units == 2 && isCapital(tokens.get(i))) {
                return i;
            }
        }
        return 0;
    }

    /**
     * A role of lower-case words that are not in the role-head list ("neighbour", "coach", "former
     * partner") before a name of at least two words: at most three words, none a clause word.
     */
    private static SpeakerRef lowerCaseRole(List<String> tokens, int k) {
        boolean owner = isPossessive(tokens.get(0)) && isCapital(tokens.get(0)); // "Huber's longtime partner"
        if (k > (owner ? 5 : 3) || countUnits(tokens.subList(k, tokens.size())) < 2) {
            return null;
        }
        for (int i = owner ? 1 : 0; i < k; i++) {
            String t = tokens.get(i);
            if (!LOWER_WORD.matcher(t).matches() || isRoleStop(t) || ROLE_END_STOP.contains(t) || PREPOSITIONS.contains(t)
                    || SpeakerLexicon.PRONOUNS.contains(t) || t.endsWith("ing") && i == 0 && k > 1) {
                return null;
            }
        }
        return person(tokens.subList(0, k), tokens.subList(k, tokens.size()));
    }

    /**
     * "Native American Rights Fund's Jacqueline De León": an owner ending in 's, then a name of two to four
     * units; the person is the name and the owner phrase the role.
     */
    private static SpeakerRef ownedPerson(List<String> tokens) {
        int poss = -1;
        for (int i = 0; i < tokens.size() - 2; i++) {
            if (isPossessive(tokens.get(i))) {
                poss = i;
            }
        }
        if (poss < 0) {
            return null;
        }
        List<String> name = tokens.subList(poss + 1, tokens.size());
        int units = countUnits(name);
        for (String t : name) {
            if (SpeakerLexicon.isOrgWord(t)) {
                return null;
            }
        }
        return units >= 2 && units <= 4 && !hasHead(name) ? person(tokens.subList(0, poss + 1), name) : null;
    }

    private static boolean isPossessive(String t) {
        return t.endsWith("'s") || t.endsWith("’s");
    }

    private static SpeakerRef lowerCaseOrganisation(List<String> tokens) {
        // "Ukraine's air force", "Russia's defence ministry": capitalised owner, organisation word last;
        // "Israeli military", "Russian foreign ministry": a capitalised national adjective instead of an owner
        String first = tokens.get(0);
        boolean owner = isCapital(first) && (first.endsWith("'s") || first.endsWith("’s")
                || DEMONYM.matcher(first).matches() && !SpeakerLexicon.NOT_NAME_START.contains(first));
        boolean named = tokens.size() >= 2 && tokens.size() <= 4; // "Biden campaign": capitalised words, then the org word
        for (int i = 0; named && i < tokens.size() - 1; i++) {
            named = isCapital(tokens.get(i)) && !SpeakerLexicon.NOT_NAME_START.contains(tokens.get(i));
        }
        if ((owner || named) && tokens.size() <= 5 && SpeakerLexicon.isOrgWord(tokens.get(tokens.size() - 1))) {
            return SpeakerRef.named(norm(String.join(" ", tokens)), null, SpeakerRef.Kind.ORG);
        }
        return null;
    }

    /**
     * @return whether the role words before {@code and} (at {@code and}) are all lower case and end in a role
     *         head word ("study co-author and Research Fellow Anna Costa"): a first title of the one person named,
     *         not a second person (who would be named: "Mayor Ann Lee and Governor Tom Hale")
     */
    private static boolean lowerCaseTitle(List<String> role, int and) {
        if (and == 0 || !isHead(role.get(and - 1))) {
            return false;
        }
        for (int i = 0; i < and; i++) {
            if (isCapital(role.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static SpeakerRef person(List<String> role, List<String> name) {
        boolean particleFirst = !role.isEmpty() && name.size() >= 2 && SpeakerLexicon.PARTICLES.contains(name.get(0))
                && isCapital(name.get(1)); // "Mayor de Vries": a surname with its particle after a title
        if (name.isEmpty() || countUnits(name) > 4 || name.size() > 6 || role.size() > 10 || new HashSet<>(name).size() < name.size()
                || !isCapital(name.get(0)) && !particleFirst || SpeakerLexicon.NOT_NAME_START.contains(name.get(0))) {
            return null;
        }
        for (int i = 0; i < role.size(); i++) {
            String t = role.get(i);
            boolean placeOfRole = t.equals("from") && i > 0 && isHead(role.get(i - 1)); // "Senator from Vermont"
            boolean joinedWords = t.equals("and") && i > 0 && i + 1 < role.size()
                    && (!isCapital(role.get(i - 1)) && !isCapital(role.get(i + 1)) // "civil and environmental engineering professor"
                    || isCapital(role.get(i - 1)) && isCapital(role.get(i + 1)) && i >= 3
                    && PREPOSITIONS.contains(role.get(i - 2)) // "Secretary of Health and Human Services"
                    || lowerCaseTitle(role, i)); // "study co-author and Research Fellow": one person, two titles
            if (isRoleStop(t) && !placeOfRole && !joinedWords) {
                return null;
            }
        }
        if (!role.isEmpty() && ROLE_END_STOP.contains(role.get(role.size() - 1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        for (String t : name) {
            if (isHead(t) || t.endsWith("'s") || t.endsWith("’s")) {
                return null;
            }
        }
        String r = role.isEmpty() ? null : norm(String.join(" ", role));
        String title = role.isEmpty() ? "" : role.get(role.size() - 1);
        if (isCapital(title) && REGNAL_TITLES.contains(title.toLowerCase(Locale.ROOT)) && countUnits(name) == 1) {
            // "Pope Francis", "King Abdullah": a one-word regnal name is known with its title
            return SpeakerRef.named(norm(title + " " + String.join(" ", name)), r, SpeakerRef.Kind.PERSON);
        }
        return SpeakerRef.named(norm(String.join(" ", name)), r, SpeakerRef.Kind.PERSON);
    }
}
