package newsalert.analysis.quote;

import newsalert.analysis.text.WordLists;

import static newsalert.analysis.quote.SpeakerWords.*;

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
 *       "the" with a lower-case organisation word ("the ministry", "the military") or an office ("the
 *       president": resolved to the one holder named);</li>
 *   <li>{@code Name, role,} (appositive) gives the name and the role; a relative clause
 *       ({@code Name, who ...,}) or a parenthetical ({@code Name, on radio ...,}) gives the name with no role;
 *       after an introductory phrase that names no one, a later {@code Name, appositive} is read ("In a
 *       statement, Maya Cummings, his wife and ..."); otherwise an introductory clause before the last comma
 *       is dropped ("On Thursday, Starmer");</li>
 *   <li>noun phrases are read by {@link SpeakerNames}: leading fillers and a leading article dropped, the
 *       trailing run of capitalised tokens the name, the words up to the last role head word the role
 *       ("Minister", "chief", "actor", "Democrat"...); after a role preposition the name keeps its last two
 *       units and the rest joins the role ("Senator from Vermont Bernie Sanders");</li>
 *   <li>a person named by two or more words followed by of/from/at and a capitalised organisation
 *       ("Ahmed Mahat of Medecins Sans Frontieres", "Tomas Becker of the Institute for Marine Research") is
 *       that person, with no role;</li>
 *   <li>a phrase without a role head that contains an organisation word (Ministry, Kremlin, army...) is an
 *       organisation with no role;</li>
 *   <li>anything else (lower-case groups such as "officials", sentence-initial common words, phrases with
 *       "and", more than five name tokens) is rejected.</li>
 * </ol>
 * Apostrophes in speaker and role are normalised to ASCII ({@code '}); a leading article is dropped from
 * both ("the Kremlin" gives "Kremlin", ", the U.S. envoy," gives "U.S. envoy").
 */
public final class SpeakerParser {
    private static final Pattern DATELINE = Pattern.compile("^.*\\s[—–]\\s|^.*\\s--\\s");
    private static final Pattern DEFINITE = Pattern.compile("(?:the|The) (\\p{Ll}+)");
    /** "The Lund professor": the, one capitalised word, a lower-case role head (checked by the caller). */
    private static final Pattern ROLE_BACK = Pattern.compile("(?:the|The) (\\p{Lu}[\\p{L}'’.\\-]+) (\\p{Ll}[\\p{Ll}\\-]+)");
    private static final Pattern AFFILIATION = Pattern.compile("(.+?) (?:of|from|at) (?:the )?(\\p{L}.*)");
    /** Most words of a lower-case unit after of/from/at ("of the city works office"), its org word last. */
    private static final int MAX_UNIT_WORDS = 6;
    private static final Set<String> RELATIVE = WordLists.QUOTE.set("relative");
    /** Prepositions after a capitalised word where a speaker phrase may be cut ("Ferrand in relaying"). */
    private static final Set<String> CUT_WORDS = Set.of("in", "on", "at", "during", "via", "while", "after", "before",
            "when", "to", "from", "for", "with");
    private static final Pattern AND_LOWER = Pattern.compile(" and \\p{Ll}");
    /** Offices "the NOUN" may refer back to (resolved by {@link SpeakerRegistry} to the one holder named). */
    private static final Set<String> OFFICES = Set.of("president", "minister", "chancellor", "premier", "governor",
            "mayor", "senator", "ambassador", "envoy", "secretary", "prosecutor", "commissioner", "pope", "king", "queen");
    /** Words opening a parenthetical after "Name, ": a place, time or manner phrase, not a role. */
    private static final Set<String> PARENTHETICAL = Set.of("on", "in", "at", "during", "after", "before", "for",
            "via", "from", "when", "while", "also", "too", "meanwhile", "however");
    /** Lower-case words that may join the words of an organisation's name ("Center for Food Safety"). */
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
        Matcher back = p.length() < 60 && (p.startsWith("The ") || p.startsWith("the ")) ? ROLE_BACK.matcher(p) : null;
        if (back != null && back.matches() && SpeakerLexicon.isRoleHead(back.group(2))
                && !SpeakerLexicon.NOT_NAME_START.contains(back.group(1))) {
            return SpeakerRef.pronoun("role " + back.group(2)); // "The Lund professor": the person just quoted
        }
        int comma = p.indexOf(", ");
        if (comma < 0) {
            SpeakerRef ref = SpeakerNames.nounPhrase(p);
            ref = ref != null ? ref : affiliated(p);
            return ref != null ? ref : organisationOf(p);
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
        SpeakerRef tail = SpeakerNames.nounPhrase(tailText);
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
        int cut = trailingPhrase(phrase);
        return cut > 0 ? parse(phrase.substring(0, cut)) : null;
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

    /**
     * Where a prepositional phrase starts after a capitalised word ("Ferrand in relaying", "Rowan on
     * Instagram"): the index of the space before the preposition, or -1. A plain scan over spaces.
     */
    private static int trailingPhrase(String phrase) {
        for (int sp = phrase.indexOf(' '); sp > 0; sp = phrase.indexOf(' ', sp + 1)) {
            int next = phrase.indexOf(' ', sp + 1);
            if (next < 0) {
                return -1;
            }
            if (CUT_WORDS.contains(phrase.substring(sp + 1, next))) {
                int w = phrase.lastIndexOf(' ', sp - 1) + 1;
                if (w < sp && Character.isUpperCase(phrase.charAt(w))) {
                    return sp;
                }
            }
        }
        return -1;
    }

    /** A noun phrase, or failing that a person with an affiliation ("Steve Peers of the University of Essex"). */
    private SpeakerRef headOf(String phrase) {
        SpeakerRef ref = SpeakerNames.nounPhrase(phrase);
        return ref != null ? ref : affiliated(clean(phrase));
    }

    /**
     * After an introductory phrase that names no one ("In a statement,"), a person named with a role
     * appositive or a relative clause: "Maya Cummings, his wife and the chairwoman of the party", or an
     * organisation with a relative clause ("In 2017, the Constitutional Court, which rules on …"). Only a
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
            String rest = clean(p.substring(next + 2));
            String first = rest.split(" ", 2)[0].toLowerCase(Locale.ROOT);
            if (head != null && head.kind() == SpeakerRef.Kind.ORG && RELATIVE.contains(first)) {
                return head; // "In 2017, the Constitutional Court, which rules on such matters,"
            }
            if (head != null && head.kind() == SpeakerRef.Kind.PERSON && head.name().contains(" ")) {
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

    /** @return whether the words name an organisation in capitals ("Center for Food Safety", "University of East Anglia") */
    private static boolean capitalOrganisation(String[] org) {
        for (int i = 0; i < org.length; i++) {
            String t = org[i];
            if (!isCapital(t) && !SpeakerLexicon.PARTICLES.contains(t) && !ORG_JOINERS.contains(t)
                    || i == org.length - 1 && !isCapital(t)) {
                return false; // a lower-case tail is not a name
            }
        }
        return true;
    }

    /**
     * @return whether the words are a unit written in lower case (or partly capitalised) that ends in an
     *         organisation word ("city works office", "Northern Tribal preservation office", "regional police"):
     *         at most {@value #MAX_UNIT_WORDS} words of letters, hyphens and apostrophes only
     */
    private static boolean namedUnit(String[] org) {
        if (org.length == 0 || org.length > MAX_UNIT_WORDS
                || !SpeakerLexicon.ORG_WORDS.contains(org[org.length - 1].toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (String t : org) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '’') {
                    return false; // "of the city, where…" or a number: not a unit's name
                }
            }
        }
        return true;
    }

    /**
     * An organisation named with "of" and a capitalised name: "the High Court of Northern Shires", "Church of
     * the Silver Dawn", "the Supreme Court of Eastland". The words before "of" must name an organisation.
     *
     * @return the organisation, or null
     */
    private static SpeakerRef organisationOf(String p) {
        int of = p.indexOf(" of ");
        if (of < 0) {
            return null;
        }
        SpeakerRef head = SpeakerNames.nounPhrase(p.substring(0, of));
        String rest = p.substring(of + 4);
        String[] org = WS.split(rest.startsWith("the ") ? rest.substring(4) : rest);
        if (head == null || head.kind() != SpeakerRef.Kind.ORG || org.length > 6 || !capitalOrganisation(org)) {
            return null;
        }
        return SpeakerRef.named(head.name() + " of " + SpeakerWords.norm(rest), null, SpeakerRef.Kind.ORG);
    }

    /**
     * "Ahmed Mahat of Medecins Sans Frontieres": a person named by at least two words, then of/from/at and
     * a capitalised organisation name, or a unit in lower case ending in an organisation word ("Maria Olsen of the
     * city works office"). The person is returned with no role.
     */
    private SpeakerRef affiliated(String p) {
        if (p.indexOf(" of ") < 0 && p.indexOf(" from ") < 0 && p.indexOf(" at ") < 0) {
            return null; // the cheap test first: the regex needs one of these words
        }
        Matcher m = AFFILIATION.matcher(p);
        if (!m.matches()) {
            return null;
        }
        String orgName = m.group(2);
        Matcher more = AND_LOWER.matcher(orgName);
        String[] org = WS.split(more.find() ? orgName.substring(0, more.start()) : orgName); // "… and contributor to Slate"
        if (!capitalOrganisation(org) && !namedUnit(org)) {
            return null;
        }
        SpeakerRef head = SpeakerNames.nounPhrase(m.group(1));
        return head != null && head.kind() == SpeakerRef.Kind.PERSON && head.name().contains(" ") ? head : null;
    }
}
