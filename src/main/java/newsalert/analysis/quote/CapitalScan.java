package newsalert.analysis.quote;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds capitalised names in a paragraph for {@link SpeakerRegistry}: runs of capitalised words
 * ({@link #CAPITAL_RUN}, "Foreign Minister Sergei Lavrov") and single capitalised words
 * ({@link #CAPITAL_WORD}, "Lavrov"). {@link #find} gives what {@link Matcher#find()} gives,
 * trying the pattern only where a cheap character test allows a match. Stateless; thread-safe.
 */
final class CapitalScan {
    private CapitalScan() {
    }

    /**
     * A run of capitalised words joined by single spaces, starting a word (no letter or digit before it). A word may end in a full stop only when it is an
     * initial, a dotted acronym or a short abbreviation (J., U.S., Gen.), so a run never crosses a sentence
     * end ("Friday. McIlroy") or a blanked-out quote.
     */
    static final Pattern CAPITAL_RUN = Pattern.compile(
            // every alternative starts with a capital: the look-ahead rejects other positions at once
            "(?=\\p{Lu})(?<![\\p{L}\\p{Nd}])(?:(?:(?:\\p{Lu}\\.)+|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Sgt|Adm|St|Jr|Sr|Prof|Rev|Brig|Cmdr)\\.|\\p{Lu}[\\p{L}\\p{M}'’\\-]*) (?:(?:de|da|van|von|der|bin|al) )?){1,6}"
                    + "\\p{Lu}[\\p{L}\\p{M}'’\\-]+");

    static final Pattern CAPITAL_WORD = Pattern.compile("(?=\\p{Lu})\\b\\p{Lu}[\\p{L}\\p{M}'’\\-]+");

    /** Answer of the ASCII scans: no match at this position. */
    private static final int NONE = -1;
    /** Answer of the ASCII scans: a character they do not judge (not ASCII) was met; ask the regex. */
    private static final int UNKNOWN = -2;
    /** The abbreviations {@link #CAPITAL_RUN} allows before a full stop. */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("Mr", "Mrs", "Ms", "Dr", "Gen", "Sen",
            "Rep", "Gov", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "St", "Jr", "Sr", "Prof", "Rev", "Brig", "Cmdr");
    /** The lower-case particles {@link #CAPITAL_RUN} allows between name words. */
    private static final java.util.Set<String> PARTICLES = java.util.Set.of("de", "da", "van", "von", "der", "bin", "al");

    /**
     * The next match of {@link #CAPITAL_RUN} ({@code run}) or {@link #CAPITAL_WORD}, as
     * {@link Matcher#find()} gives it from {@code from} on (the end of the previous match). Where a cheap
     * character test ({@link #mayStartRun}, {@link #mayStartWord}) allows a match, a hand-written scan
     * decides when every character it reads is ASCII; otherwise the pattern is tried there ({@code lookingAt}).
     * The matcher must be of the pattern named by {@code run} and use transparent, non-anchoring bounds,
     * so {@code \b} and look-arounds see the whole text. Neither pattern matches the empty string.
     *
     * @return the match as {@code start << 32 | end}, or -1 when there is none
     */
    static long find(Matcher m, String text, int from, boolean run) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (run && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
                continue; // a run starts a word: "EU. Johnson" holds no run "U. Johnson"
            }
            if ((c >= 128 || c >= 'A' && c <= 'Z') && (run ? mayStartRun(text, i) : mayStartWord(text, i))) {
                int end = c >= 128 ? UNKNOWN : run ? asciiRun(text, i) : asciiWord(text, i);
                if (end >= 0) {
                    return (long) i << 32 | end;
                }
                if (end == UNKNOWN) {
                    m.region(i, n);
                    if (m.lookingAt()) {
                        return (long) i << 32 | m.end();
                    }
                }
            }
        }
        return -1;
    }

    /**
     * {@link #CAPITAL_WORD} at {@code i} (an ASCII capital that {@link #mayStartWord} let through): the
     * capital and the letters, apostrophes and hyphens after it, at least one.
     *
     * @return the match end, {@link #NONE}, or {@link #UNKNOWN} when a character read is not ASCII
     */
    static int asciiWord(String text, int i) {
        if (i > 0 && text.charAt(i - 1) >= 128) {
            return UNKNOWN; // \b depends on what that character is
        }
        int end = wordEnd(text, i + 1);
        return end < 0 ? end : end - i >= 2 ? end : NONE;
    }

    /**
     * {@link #CAPITAL_RUN} at {@code i} (an ASCII capital), as the regex gives it: up to six name words
     * (initials "J." or "U.S.", an abbreviation "Gen.", or a capitalised word), each followed by one space
     * and an optional particle and space, then a last capitalised word of two or more characters; of the
     * places where such a last word can start, the one after the most name words wins.
     *
     * @return the match end, {@link #NONE}, or {@link #UNKNOWN} when a character read is not ASCII
     */
    static int asciiRun(String text, int i) {
        int best = NONE;
        int g = i;
        for (int words = 0; words < 6; words++) {
            int next = nameWordAndSpace(text, g);
            if (next < 0) {
                return next == UNKNOWN ? UNKNOWN : best;
            }
            g = next;
            if (g < text.length() && text.charAt(g) >= 128) {
                return UNKNOWN;
            }
            if (g < text.length() && text.charAt(g) >= 'A' && text.charAt(g) <= 'Z') {
                int end = wordEnd(text, g + 1);
                if (end == UNKNOWN) {
                    return UNKNOWN;
                }
                if (end - g >= 2) {
                    best = end;
                }
            }
        }
        return best;
    }

    /**
     * One repetition of {@link #CAPITAL_RUN}'s group at {@code q}: a name word, one space, and an optional
     * particle with its space.
     *
     * @return where the next word starts, {@link #NONE}, or {@link #UNKNOWN}
     */
    private static int nameWordAndSpace(String text, int q) {
        int n = text.length();
        if (q >= n) {
            return NONE;
        }
        char c = text.charAt(q);
        if (c >= 128) {
            return UNKNOWN;
        }
        if (c < 'A' || c > 'Z') {
            return NONE;
        }
        int j = q;
        int space;
        while (j + 1 < n && text.charAt(j) >= 'A' && text.charAt(j) <= 'Z' && text.charAt(j + 1) == '.') {
            j += 2; // initials: "J.", "U.S."
        }
        if (j < n && text.charAt(j) >= 128) {
            return UNKNOWN;
        }
        if (j > q) {
            space = j;
        } else {
            int k = q;
            while (k < n && isAsciiLetter(text.charAt(k))) {
                k++;
            }
            if (k < n && text.charAt(k) >= 128) {
                return UNKNOWN;
            }
            if (k < n && text.charAt(k) == '.') {
                space = ABBREVIATIONS.contains(text.substring(q, k)) ? k + 1 : NONE;
            } else {
                space = wordEnd(text, q + 1);
            }
        }
        if (space < 0) {
            return space;
        }
        if (space >= n || text.charAt(space) != ' ') {
            return space < n && text.charAt(space) >= 128 ? UNKNOWN : NONE;
        }
        int r = space + 1;
        int k = r;
        while (k < n && text.charAt(k) >= 'a' && text.charAt(k) <= 'z') {
            k++;
        }
        if (k > r && k < n && text.charAt(k) == ' ' && k - r <= 3 && PARTICLES.contains(text.substring(r, k))) {
            return k + 1;
        }
        return r;
    }

    /** @return the end of the letters, apostrophes and hyphens from {@code j} on, or {@link #UNKNOWN} */
    private static int wordEnd(String text, int j) {
        int n = text.length();
        while (j < n) {
            char c = text.charAt(j);
            if (c >= 128) {
                return UNKNOWN;
            }
            if (!(isAsciiLetter(c) || c == '\'' || c == '-')) {
                break;
            }
            j++;
        }
        return j;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
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
