package newsalert.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds capitalised names in a paragraph for {@link SpeakerRegistry}: runs of capitalised words
 * ({@link #CAPITAL_RUN}, "Foreign Minister Sergei Lavrov") and single capitalised words
 * ({@link #CAPITAL_WORD}, "Lavrov"). {@link #findAtCapital} gives what {@link Matcher#find()} gives,
 * trying the pattern only where a cheap character test allows a match. Stateless; thread-safe.
 */
final class CapitalScan {
    private CapitalScan() {
    }

    /**
     * A run of capitalised words joined by single spaces. A word may end in a full stop only when it is an
     * initial, a dotted acronym or a short abbreviation (J., U.S., Gen.), so a run never crosses a sentence
     * end ("Friday. McIlroy") or a blanked-out quote.
     */
    static final Pattern CAPITAL_RUN = Pattern.compile(
            // every alternative starts with a capital: the look-ahead rejects other positions at once
            "(?=\\p{Lu})(?:(?:(?:\\p{Lu}\\.)+|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Sgt|Adm|St|Jr|Sr|Prof|Rev|Brig|Cmdr)\\.|\\p{Lu}[\\p{L}\\p{M}'’\\-]*) (?:(?:de|da|van|von|der|bin|al) )?){1,6}"
                    + "\\p{Lu}[\\p{L}\\p{M}'’\\-]+");

    static final Pattern CAPITAL_WORD = Pattern.compile("(?=\\p{Lu})\\b\\p{Lu}[\\p{L}\\p{M}'’\\-]+");

    /**
     * The next match of {@link #CAPITAL_RUN} ({@code run}) or {@link #CAPITAL_WORD}, as
     * {@link Matcher#find()} gives it from {@code from} on (the end of the previous match). The pattern
     * is tried ({@code lookingAt}) only where {@link #mayStartRun} or {@link #mayStartWord} allows a
     * match. The matcher must use transparent, non-anchoring bounds, so {@code \b} and look-arounds
     * see the whole text. Neither pattern matches the empty string.
     *
     * @return true when a match was found; the matcher then holds it
     */
    static boolean findAtCapital(Matcher m, String text, int from, boolean run) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if ((c >= 128 || c >= 'A' && c <= 'Z') && (run ? mayStartRun(text, i) : mayStartWord(text, i))) {
                m.region(i, n);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * False only where {@link #CAPITAL_RUN} cannot match at {@code i}: every match starts with a word of
     * letters, dots, apostrophes or hyphens, then one space, then a capital or a lower-case particle
     * (de, da, van, von, der, bin, al). Only ASCII is judged; any other character answers true.
     */
    private static boolean mayStartRun(String text, int i) {
        int n = text.length();
        int j = i + 1;
        while (j < n) {
            char c = text.charAt(j);
            if (c >= 128) {
                return true;
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '\'' || c == '-')) {
                break;
            }
            j++;
        }
        if (j + 1 >= n || text.charAt(j) != ' ') {
            return false;
        }
        char next = text.charAt(j + 1);
        return next >= 128 || next >= 'A' && next <= 'Z' || next == 'd' || next == 'v' || next == 'b' || next == 'a';
    }

    /**
     * False only where {@link #CAPITAL_WORD} cannot match at {@code i}: it needs a word boundary before
     * (no ASCII letter, digit or underscore there) and a second letter, mark, apostrophe or hyphen
     * after the capital. Only ASCII is judged; any other character answers true.
     */
    private static boolean mayStartWord(String text, int i) {
        if (i > 0) {
            char prev = text.charAt(i - 1);
            if (prev < 128 && (prev >= 'a' && prev <= 'z' || prev >= 'A' && prev <= 'Z' || prev >= '0' && prev <= '9'
                    || prev == '_')) {
                return false;
            }
        }
        if (i + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(i + 1);
        return next >= 128 || next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z' || next == '\'' || next == '-';
    }
}
