package newsalert.analysis.quote;

import newsalert.analysis.text.WordLists;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Word lists used by the quote extractor to recognise speech verbs, role titles, organisations and
 * words that can never be a speaker. All matching is on single tokens; role and organisation words are
 * compared in lower case, the rest as written. The word lists are read once, when this class is
 * initialised, from {@value WordLists#QUOTE_RESOURCE} (key = constant name in lower case); the
 * patterns stay here.
 */
public final class SpeakerLexicon {
    private SpeakerLexicon() {
    }

    /** Finite speech verbs (past and present tense) that attribute a quote to the subject before them. */
    public static final Set<String> VERBS = WordLists.QUOTE.set("verbs");

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
    private static final List<String> LABEL_WORDS = WordLists.QUOTE.list("label_words");

    /** Label words that are labels only right before the quote, with no article between ("marked", "reading"). */
    private static final List<String> LABEL_WORDS_BARE = WordLists.QUOTE.list("label_words_bare");

    /**
     * @param before the text just before an opening mark
     * @return whether it ends with a label word (so-called, dubbed, titled...), allowing a final colon or
     *         comma and an article in between
     */
    public static boolean isLabelBefore(String before) {
        String t = QuoteText.stripTrailingCommas(before).toLowerCase(Locale.ROOT);
        if (endsWithWord(t, LABEL_WORDS_BARE)) {
            return true; // "a box marked “Fragile”"; with an article between, "marked" is a verb
        }
        for (String article : List.of(" the", " a", " an")) {
            if (t.endsWith(article)) {
                t = t.substring(0, t.length() - article.length());
                break;
            }
        }
        t = QuoteText.stripTrailingCommas(t);
        return endsWithWord(t, LABEL_WORDS);
    }

    private static boolean endsWithWord(String t, java.util.Collection<String> words) {
        for (String w : words) {
            if (t.endsWith(w) && (t.length() == w.length() || !Character.isLetter(t.charAt(t.length() - w.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Role head words: a name after one of these is a person and the words up to it are the role. */
    static final Set<String> ROLE_HEADS = WordLists.QUOTE.set("role_heads");

    /** Words that mark a capitalised phrase as an organisation (speaker without a role). */
    static final Set<String> ORG_WORDS = WordLists.QUOTE.set("org_words");

    /** Acronyms naming organisations; matched exactly as written (so "Un" in Kim Jong Un is not the UN). */
    public static final Set<String> ORG_ACRONYMS = WordLists.QUOTE.set("org_acronyms");

    /** Subject pronouns resolved to the last named speaker. */
    public static final Set<String> PRONOUNS = WordLists.QUOTE.set("pronouns");

    /** Sentence-initial capitalised words that start no speaker phrase. */
    public static final Set<String> NOT_NAME_START = WordLists.QUOTE.set("not_name_start");

    /** Leading words dropped from a speaker phrase ("But Starmer said"). */
    static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:(?:But|And|Yet|Still|However|Meanwhile|Later|Earlier|Also|Separately|Instead|Now|Then|So|Nonetheless"
                    + "|Nevertheless|Moreover|Indeed|Finally|Afterwards|Today|Yesterday|Previously|Namely|Additionally"
                    + "|Furthermore|Likewise|Similarly|Notably|Specifically|Subsequently|Thus|Therefore|Ultimately"
                    + "|Initially|Eventually|Recently|Overall|Besides|Otherwise)(?:\\s+|$))+");

    /** Lower-case name particles that may sit inside a person's name ("Ursula von der Leyen"). */
    static final Set<String> PARTICLES = WordLists.QUOTE.set("particles");

    /** News agencies and outlets that report other people's words ("…, Xinhua said"). */
    static final Set<String> NEWS_OUTLETS = WordLists.QUOTE.set("news_outlets");

    /** @return whether the organisation name is a news agency or outlet (case-insensitive) */
    public static boolean isNewsOutlet(String name) {
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
