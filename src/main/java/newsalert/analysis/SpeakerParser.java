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
    /** A prepositional phrase after a capitalised word: where a speaker phrase may be cut. */
    private static final Pattern TRAILING_PHRASE = Pattern.compile(
            "(?<=\\p{Lu}[\\p{L}.'’\\-]{0,30}) (?:in|on|at|during|via|while|after|before|when|to|from|for|with) ");
    private static final Pattern AND_LOWER = Pattern.compile(" and \\p{Ll}");
    /** Offices "the NOUN" may refer back to (resolved by {@link SpeakerRegistry} to the one holder named). */
    private static final Set<String> OFFICES = Set.of("president", "minister", "chancellor", "premier", "governor",
            "mayor", "senator", "ambassador", "envoy", "secretary", "prosecutor", "commissioner", "pope", "king", "queen");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,8}");
    /** Lower-case words that may join the words of an organisation's name ("Center for Food Safety"). */
    /** Words opening a parenthetical after "Name, ": a place, time or manner phrase, not a role. */
    private static final Set<String> PARENTHETICAL = Set.of("on", "in", "at", "during", "after", "before", "for",
            "via", "from", "when", "while", "also", "too", "meanwhile", "however");
    private static final Set<String> ORG_JOINERS = Set.of("and", "for", "of", "on", "the", "&");
    /** A relative word opening the subject: "which the New York Times called", "that Smith described". */
    private static final Pattern RELATIVE_START = Pattern.compile("^(?:which|that|whom)\\s+");

    /**
     * @param phrase the subject phrase, possibly with a trailing comma
     * @return the reference, or {@code null} when the phrase is not a usable speaker
     */
    SpeakerRef parse(String phrase) {
        boolean dash = phrase.indexOf('—') >= 0 || phrase.indexOf('–') >= 0 || phrase.contains("--");
        String p = clean(dash ? DATELINE.matcher(phrase).replaceFirst("") : phrase);
        if (!p.isEmpty() && p.charAt(0) >= 't' && p.charAt(0) <= 'w') {
            p = RELATIVE_START.matcher(p).replaceFirst(""); // "which the New York Times called"
        }
        if (p.isEmpty() || p.length() > 120) {
            return null;
        }
        if (SpeakerLexicon.PRONOUNS.contains(p.toLowerCase(Locale.ROOT))) {
            return SpeakerRef.pronoun(p.toLowerCase(Locale.ROOT));
        }
        Matcher definite = DEFINITE.matcher(p);
        if (definite.matches() && (SpeakerLexicon.isOrgWord(definite.group(1)) || isOffice(definite.group(1)))) {
            return SpeakerRef.pronoun("the " + definite.group(1)); // "the ministry": resolved like "it"
        }
        int comma = p.indexOf(", ");
        if (comma < 0) {
            SpeakerRef ref = nounPhrase(p);
            return ref != null ? ref : affiliated(p);
        }
        SpeakerRef head = headOf(p.substring(0, comma));
        String rest = clean(p.substring(comma + 2));
        if (head == null) {
            SpeakerRef later = laterPerson(p, comma);
            if (later != null) {
                return later; // "In a statement, Maya Cummings, his wife and ...,"
            }
        }
        if (head != null && head.kind() != SpeakerRef.Kind.PRONOUN) {
            String first = rest.split(" ", 2)[0].toLowerCase(Locale.ROOT);
            if (RELATIVE.contains(first) || PARENTHETICAL.contains(first)) {
                return head; // "Smith, who ...," / "Hurley, on radio ...,"
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
        String tailText = RELATIVE_START.matcher(clean(p.substring(p.lastIndexOf(", ") + 2))).replaceFirst("");
        Matcher tailDefinite = DEFINITE.matcher(tailText);
        if (tailDefinite.matches() && (SpeakerLexicon.isOrgWord(tailDefinite.group(1)) || isOffice(tailDefinite.group(1)))) {
            return SpeakerRef.pronoun("the " + tailDefinite.group(1)); // "In a statement, the ministry"
        }
        SpeakerRef tail = nounPhrase(tailText);
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
     * {@link #parse}, and when that finds no speaker, the phrase cut before a trailing prepositional phrase
     * that follows a capitalised word ("Richard Ferrand in relaying the news", "Erick Rowan on Instagram").
     *
     * @param phrase the subject phrase
     * @return the reference, or {@code null}
     */
    SpeakerRef parseCut(String phrase) {
        SpeakerRef ref = parse(phrase);
        if (ref != null) {
            return ref;
        }
        Matcher m = TRAILING_PHRASE.matcher(phrase);
        return m.find() && m.start() > 0 ? parse(phrase.substring(0, m.start())) : null;
    }

    /**
     * The person a relative "who" refers back to: "The research was led by Mark Hay, a marine ecologist, who"
     * gives Mark Hay. The first capitalised word from which the rest parses as a person named by two or more
     * words wins.
     *
     * @param phrase the subject phrase ending in "who"
     * @return the person, or null
     */
    SpeakerRef relativeAntecedent(String phrase) {
        String p = clean(phrase);
        if (!p.endsWith(" who")) {
            return null;
        }
        p = clean(p.substring(0, p.length() - 4));
        for (int i = 0; i >= 0 && i < p.length(); i = p.indexOf(' ', i + 1)) {
            int w = i == 0 ? 0 : i + 1;
            if (w < p.length() && Character.isUpperCase(p.charAt(w))) {
                SpeakerRef ref = parse(p.substring(w));
                if (ref != null && ref.kind() == SpeakerRef.Kind.PERSON && ref.name().contains(" ")) {
                    return ref;
                }
            }
        }
        return null;
    }

    /**
     * A role head that names one office holder when used with "the": "the president", "the minister" (not
     * "the witness" or "the student", which name no one in particular).
     */
    static boolean isOffice(String noun) {
        return OFFICES.contains(noun);
    }

    /** A noun phrase, or failing that a person with an affiliation ("Steve Peers of the University of Essex"). */
    private SpeakerRef headOf(String phrase) {
        SpeakerRef ref = nounPhrase(phrase);
        return ref != null ? ref : affiliated(clean(phrase));
    }

    /**
     * After an introductory phrase that names no one ("In a statement,"), a person named with a role
     * appositive or a relative clause: "Maya Cummings, his wife and the chairwoman of the party". Only a
     * person named by two or more words counts.
     */
    private SpeakerRef laterPerson(String p, int comma) {
        int c = comma;
        for (int tries = 0; tries < 3; tries++) {
            int next = p.indexOf(", ", c + 2);
            if (next < 0) {
                return null;
            }
            SpeakerRef head = headOf(p.substring(c + 2, next));
            if (head != null && head.kind() == SpeakerRef.Kind.PERSON && head.name().contains(" ")) {
                String rest = clean(p.substring(next + 2));
                String first = rest.split(" ", 2)[0].toLowerCase(Locale.ROOT);
                if (RELATIVE.contains(first)) {
                    return head;
                }
                String role = roleAppositive(rest);
                if (role == null && !rest.isEmpty() && Character.isLowerCase(rest.charAt(0))) {
                    return head; // "his wife and the current chairwoman of ...": a long appositive, left out
                }
                return role == null ? null : SpeakerRef.named(head.name(), role, SpeakerRef.Kind.PERSON);
            }
            c = next;
        }
        return null;
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
        String orgName = m.group(2);
        Matcher more = AND_LOWER.matcher(orgName);
        String[] org = WS.split(more.find() ? orgName.substring(0, more.start()) : orgName); // "… and contributor to Slate"
        for (int i = 0; i < org.length; i++) {
            String t = org[i];
            if (!isCapital(t) && !SpeakerLexicon.PARTICLES.contains(t) && !ORG_JOINERS.contains(t)
                    || i == org.length - 1 && !isCapital(t)) {
                return null; // "Center for Food Safety", "University of East Anglia" pass; a lower-case tail does not
            }
        }
        SpeakerRef head = nounPhrase(m.group(1));
        return head != null && head.kind() == SpeakerRef.Kind.PERSON && head.name().contains(" ") ? head : null;
    }

    private SpeakerRef nounPhrase(String raw) {
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
            if (PREPOSITIONS.contains(tokens.get(k - 1)) || tokens.get(k - 1).equals("and")) {
                int units = countUnits(tokens.subList(k, n));
                if (units < 3) {
                    return null;
                }
                split = lastTwoUnits(tokens); // "Senator from Vermont Bernie Sanders": the place joins the role
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

    private static SpeakerRef person(List<String> role, List<String> name) {
        if (name.isEmpty() || countUnits(name) > 4 || name.size() > 6 || role.size() > 10 || new HashSet<>(name).size() < name.size() || !isCapital(name.get(0))
                || SpeakerLexicon.NOT_NAME_START.contains(name.get(0))) {
            return null;
        }
        for (int i = 0; i < role.size(); i++) {
            String t = role.get(i);
            boolean placeOfRole = t.equals("from") && i > 0 && isHead(role.get(i - 1)); // "Senator from Vermont"
            boolean joinedWords = t.equals("and") && i > 0 && i + 1 < role.size()
                    && (!isCapital(role.get(i - 1)) && !isCapital(role.get(i + 1)) // "civil and environmental engineering professor"
                    || isCapital(role.get(i - 1)) && isCapital(role.get(i + 1)) && i >= 3
                    && PREPOSITIONS.contains(role.get(i - 2))); // "Secretary of Health and Human Services"
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
        return SpeakerRef.named(norm(String.join(" ", name)), r, SpeakerRef.Kind.PERSON);
    }

}
