package newsalert.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Word lists used by the quote extractor to recognise speech verbs, role titles, organisations and
 * words that can never be a speaker. All matching is on single tokens; role and organisation words are
 * compared in lower case, the rest as written.
 */
final class SpeakerLexicon {
    private SpeakerLexicon() {
    }

    /** Finite speech verbs (past and present tense) that attribute a quote to the subject before them. */
    static final Set<String> VERBS = Set.of(
            "said", "says", "told", "tells", "added", "adds", "stated", "states", "declared", "announced", "wrote",
            "writes", "tweeted", "posted", "warned", "warns", "insisted", "insists", "argued", "argues", "claimed",
            "claims", "noted", "notes", "explained", "asked", "asks", "urged", "urges", "accused", "accuses",
            "called", "condemned", "condemns", "described", "denounced", "vowed", "pledged", "promised", "replied",
            "responded", "continued", "stressed", "emphasised", "emphasized", "acknowledged", "admitted",
            "conceded", "predicted", "cautioned", "recalled", "concluded", "remarked", "commented", "observed",
            "suggested", "maintained", "contended", "countered", "complained", "lamented", "quipped", "joked",
            "shouted", "decried", "slammed", "blasted", "praised", "hailed", "welcomed", "labelled", "labeled",
            "branded", "dismissed", "rejected", "criticised", "criticized", "demanded", "threatened", "charged",
            "alleged", "affirmed", "reiterated", "confirmed");

    /**
     * Finds the first speech verb from {@link #VERBS} at or after {@code from}, as a whole lower-case word
     * (so the name "Said" is not a verb). A plain scan over words, no regular expression.
     *
     * @return {start, end} of the verb, or {@code null} when there is none
     */
    static int[] findVerb(CharSequence s, int from) {
        int n = s.length();
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' && (i == 0 || !Character.isLetter(s.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                int len = j - i;
                if (len >= 4 && len <= 12 && VERBS.contains(s.subSequence(i, j).toString())) {
                    return new int[] {i, j};
                }
                i = j;
            } else {
                i++;
            }
        }
        return null;
    }

    /** Adverbs and auxiliaries allowed between a subject and its speech verb ("X also said"). */
    static final Pattern ADVERBS_AT_END = Pattern.compile(
            "(?:\\s+(?:also|later|then|has|had|have|earlier|again|previously|once|repeatedly|reportedly|publicly"
                    + "|separately|flatly|bluntly|angrily|sharply|simply|further|subsequently|has since|had earlier))+$");

    /** Participle speech verbs that may close the gap between a verb and a quote (", stating:"). */
    static final Pattern PARTICIPLE_TAIL = Pattern.compile(
            ",\\s*(?:saying|stating|adding|warning|writing|noting|declaring|insisting|arguing|calling (?:it|them|this|that)"
                    + "|describing (?:it|them) as|telling (?:reporters|journalists))(?:\\s+that)?\\s*[:,]?\\s*$");

    /** Words that make a quote a label rather than speech when they stand just before it. */
    private static final List<String> LABEL_WORDS = List.of(
            "so-called", "so called", "dubbed", "known as", "nicknamed", "termed", "titled", "entitled", "the word",
            "the term", "the phrase", "the slogan", "the hashtag", "headlined", "headline", "marked", "reading",
            "sign saying", "signs saying", "banner");

    /**
     * @param before the text just before an opening mark
     * @return whether it ends with a label word (so-called, dubbed, titled...), allowing a final colon or
     *         comma and an article in between
     */
    static boolean isLabelBefore(String before) {
        String t = QuoteText.stripTrailingCommas(before).toLowerCase(Locale.ROOT);
        for (String article : List.of(" the", " a", " an")) {
            if (t.endsWith(article)) {
                t = t.substring(0, t.length() - article.length());
                break;
            }
        }
        t = QuoteText.stripTrailingCommas(t);
        for (String w : LABEL_WORDS) {
            if (t.endsWith(w) && (t.length() == w.length() || !Character.isLetter(t.charAt(t.length() - w.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Role head words: a name after one of these is a person and the words up to it are the role. */
    static final Set<String> ROLE_HEADS = Set.of(
            "president", "vice-president", "minister", "chancellor", "secretary", "envoy", "chief", "spokesman",
            "spokeswoman", "spokesperson", "ambassador", "mayor", "governor", "gov.", "senator", "sen.", "rep.",
            "representative", "congressman", "congresswoman", "general", "gen.", "lt.", "col.", "maj.", "capt.",
            "colonel", "major", "captain", "lieutenant", "admiral", "adm.", "commander", "king", "queen", "prince",
            "princess", "pope", "premier", "speaker", "leader", "chairman", "chairwoman", "chair", "director",
            "head", "executive", "judge", "justice", "prosecutor", "attorney", "official", "officer", "adviser", "advisor",
            "negotiator", "diplomat", "dr.", "dr", "mr", "mrs", "ms", "mr.", "mrs.", "ms.", "prof.", "professor", "sheikh", "emir",
            "cardinal", "archbishop", "bishop", "rabbi", "imam", "mufti", "ceo", "founder", "coordinator",
            "commissioner", "deputy", "sgt.", "sergeant", "marshal", "lawmaker", "mp",
            "legislator", "analyst", "researcher", "economist", "correspondent", "editor", "aide", "strategist",
            "inspector", "superintendent", "sheriff", "chief executive", "monarch", "patriarch", "delegate",
            "taoiseach", "volunteer", "resident", "witness", "survivor", "worker", "student", "teacher", "farmer",
            "soldier", "medic", "paramedic", "firefighter", "engineer", "lawyer", "journalist", "activist",
            "member", "owner", "manager", "historian", "expert", "scholar", "fellow", "pilot", "driver", "mother",
            "father", "grandmother", "grandfather", "businessman", "businesswoman", "candidate", "politician", "observer", "investigator", "trustee", "rapporteur", "high commissioner", "vice", "doctor", "nurse");

    /** Words that mark a capitalised phrase as an organisation (speaker without a role). */
    static final Set<String> ORG_WORDS = Set.of(
            "ministry", "department", "office", "council", "army", "forces", "force", "police", "agency", "service",
            "services", "committee", "commission", "government", "party", "union", "nations", "organization",
            "organisation", "court", "kremlin", "pentagon", "parliament", "embassy", "mission", "corps", "guard",
            "command", "authority", "authorities", "bank", "fund", "group", "company", "inc.", "corp.",
            "foundation", "institute", "university", "centre", "center", "house", "hospital", "federation",
            "bureau", "administration", "cabinet", "directorate", "brigade", "network", "alliance", "nato", "hamas",
            "hezbollah", "military", "navy", "staff", "secretariat", "presidency", "congress", "senate",
            "assembly", "movement", "front", "coalition", "cross", "crescent", "reuters", "tass", "interfax",
            "ukrinform", "xinhua", "state");

    /** Acronyms naming organisations; matched exactly as written (so "Un" in Kim Jong Un is not the UN). */
    static final Set<String> ORG_ACRONYMS = Set.of(
            "UN", "EU", "NATO", "WHO", "UNICEF", "UNHCR", "IAEA", "OSCE", "ICRC", "FBI", "CIA", "FSB", "SBU",
            "IDF", "AP", "AFP", "RIA", "IMF", "OPEC", "ICC", "ICJ", "UNRWA", "OCHA", "MSF", "WFP", "HRW");

    /** Subject pronouns resolved to the last named speaker. */
    static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it");

    /** Sentence-initial capitalised words that start no speaker phrase. */
    static final Set<String> NOT_NAME_START = Set.of(
            "What", "When", "While", "If", "As", "This", "That", "These", "Those", "There", "Here", "One",
            "Another", "Some", "Many", "Most", "Few", "Both", "All", "Each", "Every", "No", "None", "Nobody",
            "Everyone", "Someone", "Officials", "Police", "Witnesses", "Residents", "Authorities", "Sources",
            "Experts", "Analysts", "Critics", "Protesters", "Protestors", "Doctors", "Medics", "Rescuers",
            "Investigators", "Prosecutors", "Troops", "Soldiers", "Officers", "Diplomats", "Lawmakers",
            "Leaders", "Others", "People", "Observers", "Supporters", "Opponents", "Activists", "Campaigners",
            "Workers", "Locals", "Survivors", "Families", "Relatives", "Neighbors", "Neighbours", "Parents",
            "Students", "Teachers", "Voters", "Citizens", "Ministers", "Villagers", "Civilians", "Israelis",
            "Palestinians", "Ukrainians", "Russians", "Americans", "Europeans", "Scientists", "Researchers",
            "Organizers", "Organisers", "Demonstrators", "Journalists", "Reporters", "Users", "Fans", "Why", "How",
            "Who", "Which", "Where", "Asked", "Speaking", "According", "After", "Before", "During", "Since",
            "Following", "In", "On", "At", "By", "For", "From", "With", "Without", "To", "Under", "Over", "Despite",
            "Although", "Though", "Because", "Once", "Until", "Unlike", "Like", "Amid", "Against", "Even", "Only",
            "His", "Her", "Their", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Its", "Our", "My", "Your", "We", "I", "You", "A", "An", "Such");

    /** Leading words dropped from a speaker phrase ("But Starmer said"). */
    static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:(?:But|And|Yet|Still|However|Meanwhile|Later|Earlier|Also|Separately|Instead|Now|Then|So|Nonetheless"
                    + "|Nevertheless|Moreover|Indeed|Finally|Afterwards|Today|Yesterday|Previously)\\s+)+");

    /** Lower-case name particles that may sit inside a person's name ("Ursula von der Leyen"). */
    static final Set<String> PARTICLES = Set.of(
            "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "le", "la", "al", "bin", "ibn",
            "bint", "dos", "das", "ter", "ten", "y", "el", "abu", "ben");

    /** News agencies and outlets that report other people's words ("…, Xinhua said"). */
    static final Set<String> NEWS_OUTLETS = Set.of(
            "reuters", "tass", "interfax", "ukrinform", "xinhua", "ap", "afp", "ria", "ria novosti", "irna", "wafa",
            "yonhap", "kyodo", "anadolu", "bbc", "cnn", "al jazeera", "state media", "state television");

    /** @return whether the organisation name is a news agency or outlet (case-insensitive) */
    static boolean isNewsOutlet(String name) {
        return NEWS_OUTLETS.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean isRoleHead(String token) {
        return ROLE_HEADS.contains(token.toLowerCase(Locale.ROOT));
    }

    static boolean isOrgWord(String token) {
        String t = token;
        if (t.endsWith("'s") || t.endsWith("’s")) {
            t = t.substring(0, t.length() - 2);
        }
        return ORG_ACRONYMS.contains(t) || ORG_WORDS.contains(t.toLowerCase(Locale.ROOT));
    }
}
