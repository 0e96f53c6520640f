package newsalert.analysis.quote;

import newsalert.analysis.text.WordLists;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Word-level tests for {@link SpeakerParser}: name tokens, role heads, role phrases before a name
 * ("The head of the IAEA, Rafael Grossi") and after it ("Keith Kellogg, the U.S. envoy,"), and the
 * clean-up of a phrase (trailing punctuation, white space, curly apostrophes). Stateless; thread-safe.
 */
public final class SpeakerWords {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    static final Pattern WS = Pattern.compile("\\s+");
    static final Pattern ARTICLE = Pattern.compile("^(?:the|The|a|an|A|An)\\s+");
    static final Pattern LOWER_WORD = Pattern.compile("[\\p{Ll}][\\p{L}'’\\-]*\\.?");
    static final Set<String> ROLE_STOP = WordLists.QUOTE.set("role_stop");
    static final Set<String> ROLE_END_STOP = WordLists.QUOTE.set("role_end_stop");
    static final Set<String> PREPOSITIONS = WordLists.QUOTE.set("prepositions");
    private static final Pattern NAME_TOKEN = Pattern.compile(
            "(?:\\p{Lu}\\.)+|\\p{Lu}[\\p{L}\\p{M}]*(?:['’\\-]\\p{L}[\\p{L}\\p{M}]*)*\\.?|(?:al|el)-\\p{Lu}[\\p{L}\\-]*");

    private SpeakerWords() {
    }

    /** A clause word that cannot sit in a role; acronyms such as "US" are never stop words. */
    static boolean isRoleStop(String t) {
        boolean acronym = t.length() > 1 && t.equals(t.toUpperCase(Locale.ROOT));
        return !acronym && ROLE_STOP.contains(t.toLowerCase(Locale.ROOT));
    }

    /** A role phrase standing before a name and a comma: a role head, no verbs or clause words. */
    static String roleBefore(String phrase) {
        String r = ARTICLE.matcher(clean(phrase)).replaceFirst("");
        String[] tokens = WS.split(r);
        if (r.isEmpty() || tokens.length > 8) {
            return null;
        }
        boolean head = false;
        for (String t : tokens) {
            if (isRoleStop(t)) {
                return null;
            }
            head |= isHead(t);
        }
        return head && Character.isLetter(r.charAt(0)) ? norm(r) : null;
    }

    static String roleAppositive(String rest) {
        String r = ARTICLE.matcher(rest).replaceFirst("");
        String[] tokens = WS.split(r);
        if (r.isEmpty() || tokens.length > 9 || r.contains(",")) {
            return null;
        }
        for (String t : tokens) {
            if (isHead(t)) {
                return norm(r);
            }
        }
        return null;
    }

    static boolean hasHead(List<String> tokens) {
        for (String t : tokens) {
            if (isHead(t)) {
                return true;
            }
        }
        return false;
    }

    static int countUnits(List<String> run) {
        int units = 0;
        for (String t : run) {
            if (!SpeakerLexicon.PARTICLES.contains(t.toLowerCase(Locale.ROOT))) {
                units++;
            }
        }
        return units;
    }

    static boolean isNameToken(String t, boolean last) {
        if (mayBeName(t) && NAME_TOKEN.matcher(t).matches()) {
            return true;
        }
        return !last && SpeakerLexicon.PARTICLES.contains(t);
    }

    /**
     * A cheap necessary test for {@link #NAME_TOKEN}: every match starts with an upper-case letter
     * ({@code \p{Lu}}) or with "al-"/"el-", so other tokens skip the regex (and its matcher).
     */
    static boolean mayBeName(String t) {
        if (t.isEmpty()) {
            return false;
        }
        return Character.getType(t.codePointAt(0)) == Character.UPPERCASE_LETTER
                || t.startsWith("al-") || t.startsWith("el-");
    }

    static boolean isCapital(String t) {
        return !t.isEmpty() && Character.isUpperCase(t.codePointAt(0));
    }

    static boolean isHead(String token) {
        if (SpeakerLexicon.isRoleHead(token)) {
            return true;
        }
        if ((token.startsWith("then-") || token.startsWith("ex-")) && token.length() > 5) {
            return isHead(token.substring(token.indexOf('-') + 1)); // "then-Secretary Vázquez", "ex-President Lin"
        }
        if (token.indexOf('-') > 0) {
            for (String part : token.split("-")) {
                if (SpeakerLexicon.isRoleHead(part) && !part.isEmpty()
                        && Character.isLowerCase(part.charAt(0)) == Character.isLowerCase(token.charAt(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    static String clean(String s) {
        String t = s.indexOf('(') >= 0 ? ACRONYM_ASIDE.matcher(s).replaceAll("").strip() : s.strip();
        while (!t.isEmpty() && (t.endsWith(",") || t.endsWith(":") || t.endsWith("—") || t.endsWith("-"))) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return QuoteText.normalizeSpaces(t);
    }

    /** An acronym in brackets after the words it shortens: "the Royal Canadian Mounted Police (RCMP)". */
    private static final Pattern ACRONYM_ASIDE = Pattern.compile(
            "\\s*\\(\\p{Lu}[\\p{Lu}.&]{1,8}\\)");

    static String norm(String s) {
        return s.replace('’', '\'').replace('‘', '\'');
    }

    /**
     * The lookup key of a name word: lower case, accents dropped, so "Erdogan" finds "Recep Tayyip Erdoğan".
     */
    static String key(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) >= 128) {
                return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return lower;
    }
}
