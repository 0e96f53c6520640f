package newsalert.analysis;

import static newsalert.analysis.SpeakerWords.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a speaker noun phrase ("UK Prime Minister Keir Starmer", "Keith Kellogg, the U.S. envoy",
 * "Russia's Defense Ministry", "he") into a {@link SpeakerRef}, or {@code null} when the phrase is not a
 * clearly named speaker.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>a bare subject pronoun (he, she, they, it) gives a pronoun reference, resolved later, and so does
 *       "the" with a lower-case organisation word ("the ministry", "the military");</li>
 *   <li>{@code Name, role,} (appositive) gives the name and the role; a relative clause
 *       ({@code Name, who ...,}) gives the name with no role; otherwise an introductory clause before the
 *       last comma is dropped ("On Thursday, Starmer");</li>
 *   <li>leading fillers (But, Meanwhile...) and a leading article are dropped; the trailing run of
 *       capitalised tokens (with name particles such as von, de, al) is the name; the words up to and
 *       including the last role head word ("Minister", "chief", "envoy"...) are the role; when the role ends
 *       with a preposition ("envoy on") the first name-run token joins it, as long as two remain;</li>
 *   <li>a person named by two or more words followed by of/from/at and a capitalised organisation
 *       ("Ahmed Mahat of Medecins Sans Frontieres") is that person, with no role;</li>
 *   <li>a phrase without a role head that contains an organisation word (Ministry, Kremlin, army...) is an
 *       organisation with no role;</li>
 *   <li>anything else (lower-case groups such as "officials", sentence-initial common words, phrases with
 *       "and", more than five name tokens) is rejected.</li>
 * </ol>
 * Apostrophes in speaker and role are normalised to ASCII ({@code '}); a leading article is dropped from
 * both ("the Kremlin" gives "Kremlin", ", the U.S. envoy," gives "U.S. envoy").
 */
final class SpeakerParser {
    private static final Set<String> HONORIFICS = WordLists.QUOTE.set("honorifics");
    private static final Pattern DATELINE = Pattern.compile("^.*\\s[—–]\\s|^.*\\s--\\s");
    private static final Pattern DEFINITE = Pattern.compile("(?:the|The) (\\p{Ll}+)");
    private static final Pattern AFFILIATION = Pattern.compile("(.+?) (?:of|from|at) (?:the )?(\\p{Lu}.*)");
    private static final Set<String> POSSESSIVE_DETERMINERS = WordLists.QUOTE.set("possessive_determiners");
    /** A national or regional adjective: Israeli, Russian, Chinese, Turkish, French, Philippine. */
    private static final Pattern DEMONYM = Pattern.compile("\\p{Lu}\\p{Ll}+(?:an|ese|i|ish|ch|ine)");
    private static final Set<String> RELATIVE = WordLists.QUOTE.set("relative");

    /**
     * @param phrase the subject phrase, possibly with a trailing comma
     * @return the reference, or {@code null} when the phrase is not a usable speaker
     */
    SpeakerRef parse(String phrase) {
        boolean dash = phrase.indexOf('—') >= 0 || phrase.indexOf('–') >= 0 || phrase.contains("--");
        String p = clean(dash ? DATELINE.matcher(phrase).replaceFirst("") : phrase);
        if (p.isEmpty() || p.length() > 120) {
            return null;
        }
        if (SpeakerLexicon.PRONOUNS.contains(p.toLowerCase(Locale.ROOT))) {
            return SpeakerRef.pronoun(p.toLowerCase(Locale.ROOT));
        }
        Matcher definite = DEFINITE.matcher(p);
        if (definite.matches() && SpeakerLexicon.isOrgWord(definite.group(1))) {
            return SpeakerRef.pronoun("the " + definite.group(1)); // "the ministry": resolved like "it"
        }
        int comma = p.indexOf(", ");
        if (comma < 0) {
            SpeakerRef ref = nounPhrase(p);
            return ref != null ? ref : affiliated(p);
        }
        SpeakerRef head = nounPhrase(p.substring(0, comma));
        String rest = clean(p.substring(comma + 2));
        if (head != null && head.kind() != SpeakerRef.Kind.PRONOUN) {
            String first = rest.split(" ", 2)[0].toLowerCase(Locale.ROOT);
            if (RELATIVE.contains(first)) {
                return head;
            }
            String role = roleAppositive(rest);
            if (role != null) {
                return SpeakerRef.named(head.name(), role, SpeakerRef.Kind.PERSON);
            }
            if (head.kind() == SpeakerRef.Kind.ORG || head.name().contains(" ")) {
                return head; // "Sen. Tom Carper, D-Del.," or "Kellogg, a veteran of the talks,"
            }
        }
        // introductory clause: keep what follows the last comma
        SpeakerRef tail = nounPhrase(clean(p.substring(p.lastIndexOf(", ") + 2)));
        if (head == null && tail != null && tail.kind() == SpeakerRef.Kind.PERSON && tail.role() == null
                && p.indexOf(", ") == p.lastIndexOf(", ")) {
            String role = roleBefore(p.substring(0, comma));
            if (role != null) {
                return SpeakerRef.named(tail.name(), role, SpeakerRef.Kind.PERSON); // "The head of the IAEA, Rafael Grossi"
            }
        }
        return tail;
    }

    /**
     * "Ahmed Mahat of Medecins Sans Frontieres": a person named by at least two words, then of/from/at and
     * a capitalised organisation name. The person is returned with no role.
     */
    private SpeakerRef affiliated(String p) {
        Matcher m = AFFILIATION.matcher(p);
        if (!m.matches()) {
            return null;
        }
        for (String t : WS.split(m.group(2))) {
            if (!isCapital(t) && !SpeakerLexicon.PARTICLES.contains(t) && !t.equals("and")) {
                return null;
            }
        }
        SpeakerRef head = nounPhrase(m.group(1));
        return head != null && head.kind() == SpeakerRef.Kind.PERSON && head.name().contains(" ") ? head : null;
    }

    private SpeakerRef nounPhrase(String raw) {
        String p = SpeakerLexicon.LEADING_FILLER.matcher(clean(raw)).replaceFirst("");
        p = QuoteText.stripTimeTail(p);
        p = ARTICLE.matcher(p).replaceFirst("");
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
            if (PREPOSITIONS.contains(tokens.get(k - 1))) {
                int units = countUnits(tokens.subList(k, n));
                if (units < 3) {
                    return null;
                }
                split = k + 1;
            }
            return person(tokens.subList(0, split), tokens.subList(split, n));
        }
        for (String t : tokens) {
            if (SpeakerLexicon.isOrgWord(t)) {
                return SpeakerRef.named(norm(String.join(" ", tokens)), null, SpeakerRef.Kind.ORG);
            }
        }
        return person(List.of(), tokens);
    }

    /**
     * A role of lower-case words that are not in the role-head list ("neighbour", "coach", "former
     * partner") before a name of at least two words: at most three words, none a clause word.
     */
    private static SpeakerRef lowerCaseRole(List<String> tokens, int k) {
        if (k > 3 || countUnits(tokens.subList(k, tokens.size())) < 2) {
            return null;
        }
        for (int i = 0; i < k; i++) {
            String t = tokens.get(i);
            if (!LOWER_WORD.matcher(t).matches() || isRoleStop(t) || ROLE_END_STOP.contains(t) || PREPOSITIONS.contains(t)
                    || SpeakerLexicon.PRONOUNS.contains(t) || t.endsWith("ing") && i == 0 && k > 1) {
                return null;
            }
        }
        return person(tokens.subList(0, k), tokens.subList(k, tokens.size()));
    }

    private static SpeakerRef lowerCaseOrganisation(List<String> tokens) {
        // "Ukraine's air force", "Russia's defence ministry": capitalised owner, organisation word last;
        // "Israeli military", "Russian foreign ministry": a capitalised national adjective instead of an owner
        String first = tokens.get(0);
        boolean owner = isCapital(first) && (first.endsWith("'s") || first.endsWith("’s")
                || DEMONYM.matcher(first).matches() && !SpeakerLexicon.NOT_NAME_START.contains(first));
        if (owner && tokens.size() <= 5 && SpeakerLexicon.isOrgWord(tokens.get(tokens.size() - 1))) {
            return SpeakerRef.named(norm(String.join(" ", tokens)), null, SpeakerRef.Kind.ORG);
        }
        return null;
    }

    private static SpeakerRef person(List<String> role, List<String> name) {
        if (name.isEmpty() || countUnits(name) > 4 || name.size() > 6 || role.size() > 10 || new HashSet<>(name).size() < name.size() || !isCapital(name.get(0))
                || SpeakerLexicon.NOT_NAME_START.contains(name.get(0))) {
            return null;
        }
        for (String t : role) {
            if (isRoleStop(t)) {
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
        return SpeakerRef.named(norm(String.join(" ", name)), r, SpeakerRef.Kind.PERSON);
    }

}
