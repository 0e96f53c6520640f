package newsalert.analysis.quote;

import newsalert.analysis.text.WordLists;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shape tests on one quotation and its surroundings, used by {@link QuoteExtractor} to tell quotes from
 * labels, titles, nicknames and modifiers, and to join the parts of a split quote. Pure static helpers.
 * Its two word lists come from {@value WordLists#QUOTE_RESOURCE} (keys {@code modifier_determiners}
 * and {@code function_words}).
 */
public final class QuoteShapes {
    private static final Pattern JOINING_PARTICIPLE = Pattern.compile(
            ",\\s+(?:adding|saying|noting|warning|insisting|arguing|stressing|stating)(?:\\s+that)?\\s+");
    private static final Set<String> DETERMINERS = WordLists.QUOTE.set("modifier_determiners");
    private static final Set<String> FUNCTION_WORDS = WordLists.QUOTE.set("function_words");
    private static final Pattern NICKNAME_BEFORE = Pattern.compile("\\p{Lu}[\\p{Ll}]+\\s$");
    private static final Pattern NICKNAME_AFTER = Pattern.compile("^\\s\\p{Lu}[\\p{Ll}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Adjective endings: a word so ending after a short quote shows the quote is no noun modifier. */
    private static final Pattern ADJECTIVE_END = Pattern.compile("(?:ible|able|ous|ful|less)$");
    /** Copulas: a short quote right after one is a predicate, not a modifier. */
    private static final Set<String> COPULAS = Set.of("been", "be", "being", "is", "are", "was", "were", "become",
            "became", "remain", "remained", "seemed", "looked");
    private static final Pattern LIST_JOIN = Pattern.compile("(?:and|or)(?: (?:a|an|the))?");
    private static final Set<String> ATTRIBUTION_TAIL = Set.of("in", "on", "at", "to", "during", "via", "after",
            "before", "while", "when", "from", "of");

    private QuoteShapes() {
    }

    /**
     * A label, not speech: a label word just before it (so-called, dubbed, titled...), a title-shaped
     * text, or a short quote wedged between two capitalised name words (a nickname).
     */
    static boolean isLabel(String p, QuoteSpan s, String inner) {
        String before = p.substring(Math.max(0, s.open() - 30), s.open());
        if (SpeakerLexicon.isLabelBefore(before)) {
            return true;
        }
        if (isTitle(inner)) {
            return true;
        }
        String after = p.substring(s.end(), Math.min(p.length(), s.end() + 30));
        return QuoteText.words(inner) <= 3 && NICKNAME_BEFORE.matcher(before).find() && NICKNAME_AFTER.matcher(after).find();
    }

    /** A name or title: no sentence punctuation and every word of four or more letters capitalised. */
    static boolean isTitle(String inner) {
        char last = inner.charAt(inner.length() - 1);
        if (".,!?…:;".indexOf(last) >= 0) {
            return false;
        }
        boolean wordStart = true;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (wordStart && Character.isLowerCase(c)) {
                int end = i;
                while (end < inner.length() && Character.isLetter(inner.charAt(end))) {
                    end++;
                }
                if (end - i >= 4) {
                    return false;
                }
            }
            wordStart = c == ' ';
        }
        return Character.isUpperCase(inner.charAt(0)) || Character.isDigit(inner.charAt(0));
    }

    /**
     * The text between a quote credited by its following clause and the next quote in the same sentence,
     * when it joins the two parts of one statement: the attribution ending in a comma or colon
     * ({@code “…,” Umerov told reporters, “but …”}) or followed by a speech participle and at most eight
     * words ({@code “…,” Araqchi said, adding that Iran “…”}).
     *
     * @return the joining text in quotes for the evidence, or null when the quotes are not joined
     */
    static String splitTail(String between) {
        String t = between.strip();
        if (t.isEmpty() || SpeakerLexicon.findVerb(t, 0) == null) {
            return null;
        }
        if (t.endsWith(",") || t.endsWith(":")) {
            return "\"" + t + "\"";
        }
        Matcher m = JOINING_PARTICIPLE.matcher(t);
        if (m.find() && QuoteText.words(t.substring(m.end())) <= 8 && SpeakerLexicon.findVerb(t, m.end()) == null
                && t.indexOf(',', m.end()) < 0) {
            return "\"" + t + "\"";
        }
        return null;
    }

    /**
     * Whether a short quote is used as a noun modifier or a label rather than as reported words: the word
     * before the opening mark is a possessive or a determiner (Russia's “shadow fleet”, the “deal”), or a
     * lower-case content word follows the closing mark (“shadow fleet” claims).
     */
    static boolean modifierUse(String p, QuoteSpan s) {
        int e = s.open();
        while (e > 0 && p.charAt(e - 1) == ' ') {
            e--;
        }
        int b = e;
        while (b > 0 && p.charAt(b - 1) != ' ') {
            b--;
        }
        String prev = p.substring(b, e);
        if (prev.endsWith("'s") || prev.endsWith("’s") || prev.endsWith("s'") || prev.endsWith("s’")
                || DETERMINERS.contains(prev.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return modifierAfter(p, s);
    }

    /**
     * Whether a lower-case content word follows the closing mark (“shadow fleet” claims): the quote modifies it.
     */
    static boolean modifierAfter(String p, QuoteSpan s) {
        int a = s.end();
        if (a >= p.length() || p.charAt(a) != ' ') {
            return false;
        }
        int z = a + 1;
        while (z < p.length() && Character.isLetter(p.charAt(z))) {
            z++;
        }
        String next = p.substring(a + 1, z);
        if (next.isEmpty() || !Character.isLowerCase(next.charAt(0)) || FUNCTION_WORDS.contains(next)
                || ADJECTIVE_END.matcher(next).find()) {
            return false; // "constituted “unequal treatment” incompatible with": an adjective follows, no noun
        }
        int e = s.open();
        while (e > 0 && p.charAt(e - 1) == ' ') {
            e--;
        }
        int b = e;
        while (b > 0 && Character.isLetter(p.charAt(b - 1))) {
            b--;
        }
        return !COPULAS.contains(p.substring(b, e)); // "had been “all but disarmed” by": a predicate
    }

    /**
     * Whether the text between two quotes joins them as one speaker's words with a speech participle
     * ({@code , calling it a}, {@code , also observing,}), so the second takes the first one's speaker.
     */
    static boolean participleJoin(String between) {
        String t = between.strip();
        if (t.isEmpty() || t.charAt(0) != ',') {
            return false;
        }
        Matcher m = QuoteLeads.PARTICIPLE_END.matcher(t);
        return m.find() && m.start() == 0;
    }

    /**
     * Whether the text between two quotes of one sentence continues the first one's speech without a speaker
     * of its own ({@code X said it would be “…” and “…”}, {@code which Ross called “…” and a “…”}, {@code had
     * “…” by pleading guilty and “…”}): at most 12 words, opening in lower case, no speech verb, no semicolon
     * and no full stop, so the second quote takes the first one's speaker.
     */
    static boolean sameClauseJoin(String between) {
        String t = between.strip();
        if (t.isEmpty() || !Character.isLowerCase(t.codePointAt(0)) || QuoteText.words(t) > 12
                || t.indexOf(';') >= 0 || t.indexOf('.') >= 0 || t.indexOf(':') >= 0) {
            return false;
        }
        return SpeakerLexicon.findVerb(t, 0) == null;
    }

    /**
     * Whether the text between two quotes of one clause lists the second as a parallel item of the first
     * ({@code called it “…” and a “…”}): "and" or "or", then at most an article. A short second quote joined so is
     * a second name for the thing, not a modifier, unless a content word follows it.
     */
    static boolean listJoin(String between) {
        return LIST_JOIN.matcher(between.strip()).matches();
    }

    /**
     * Whether a sentence only attributes the quote before it: {@code Pelosi said.}, {@code the minister said
     * in a statement.}, {@code Smith told reporters.}: a subject of at most six words starting with a capital,
     * a speech verb, then nothing or a phrase opening with a preposition (or, after "told", at most four
     * words), ten words in all.
     */
    static boolean attributionOnly(String sentence) {
        String t = QuoteText.stripFinalStop(sentence.strip());
        int[] v = SpeakerLexicon.findVerb(t, 0);
        if (v == null || v[0] == 0 || QuoteText.words(t) > 10 || !Character.isUpperCase(t.charAt(0))
                || QuoteText.words(t.substring(0, v[0])) > 6 || t.indexOf('"') >= 0 || t.indexOf('“') >= 0) {
            return false;
        }
        String rest = t.substring(v[1]).strip();
        if (rest.isEmpty()) {
            return true;
        }
        String first = rest.split(" ", 2)[0];
        if (t.startsWith("told", v[0])) {
            return QuoteText.words(rest) <= 4 && !first.equals("that");
        }
        return ATTRIBUTION_TAIL.contains(first);
    }

    /** @return whether the quoted words end in ! or ? */
    static boolean endsExclaimOrAsk(String inner) {
        return !inner.isEmpty() && "!?".indexOf(inner.charAt(inner.length() - 1)) >= 0;
    }

    /** @return whether a speech verb stands among the last four words before the quote */
    static boolean verbClose(String prefix) {
        String[] w = SPACES.split(prefix.strip());
        StringBuilder tail = new StringBuilder();
        for (int i = Math.max(0, w.length - 4); i < w.length; i++) {
            tail.append(' ').append(w[i]);
        }
        return SpeakerLexicon.findVerb(tail, 0) != null;
    }
}
