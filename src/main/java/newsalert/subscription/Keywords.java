package newsalert.subscription;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keyword terms: normalising, validating and tokenising.
 *
 * <p>A term is a plain word or phrase, never a pattern: users' input is never compiled as a regular
 * expression (so no ReDoS). Matching works on <em>tokens</em>: the text is put in Unicode normal form NFKC
 * (fullwidth {@code ＫＹＩＶ} becomes {@code KYIV}, the ligature {@code ﬁ} becomes {@code fi}), split into
 * maximal runs of Unicode letters, digits and combining marks, and each run is case-folded ({@link #fold}:
 * {@code Straße} and {@code STRASSE} both become {@code strasse}); every other character (space, punctuation,
 * apostrophe, hyphen) separates tokens and is otherwise ignored. A term matches a text when its tokens occur in the text's
 * tokens consecutively, so matches are on whole words, case-insensitive: {@code "gaza"} matches
 * "Gaza's hospitals" but not "Gazan"; {@code "al-Shifa"} matches "Al Shifa hospital".
 *
 * <p>Limits: a term is at most {@value #MAX_LENGTH} characters after normalising, holds only letters, digits,
 * spaces and the marks {@code - ' ’ . &} (anything else, such as {@code ( + $ *}, is refused so that nobody
 * mistakes a term for a pattern), no word of it mixes writing systems (a Cyrillic {@code к} in
 * {@code кharkiv} is refused, see {@link KeywordScripts}), and a chat has at most {@value #MAX_PER_CHAT}
 * moderator rules.
 */
public final class Keywords {
    /** Longest term, in UTF-16 chars, after {@link #normalize}. */
    public static final int MAX_LENGTH = 64;
    /** Most moderator keyword rules one chat may hold. */
    public static final int MAX_PER_CHAT = 50;

    private Keywords() {
    }

    /**
     * @param term raw user input, may be {@code null}
     * @return the term in NFKC, trimmed, inner whitespace runs collapsed to one space, case-folded
     *         ({@link #fold}); {@code ""} for {@code null}
     */
    public static String normalize(String term) {
        if (term == null) {
            return "";
        }
        return fold(String.join(" ", nfkc(term).strip().split("\\s+")));
    }

    /**
     * Case folding without a locale: lower case of the upper case of the lower case, so that {@code ß},
     * {@code ẞ} and {@code ss}, or {@code ς} and {@code σ} in the same place, compare equal (close to Unicode
     * full case folding).
     *
     * @param s text, never {@code null}
     * @return the folded text; ASCII text is just lower-cased
     */
    public static String fold(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return s.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * @return a character as a reply may show it: itself, or {@code U+202E (an invisible character)} for one that
     *         prints nothing or reorders the text around it (format, control and space characters)
     */
    static String shown(int c) {
        int type = Character.getType(c);
        boolean invisible = type == Character.FORMAT || type == Character.CONTROL || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE || Character.isWhitespace(c)
                || Character.isSpaceChar(c);
        return invisible ? String.format("U+%04X (an invisible character)", c) : Character.toString(c);
    }

    /** @return the text in Unicode normal form NFKC (compatibility characters such as fullwidth letters folded) */
    private static String nfkc(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    /**
     * Checks one term a user wants to add.
     *
     * @param term raw user input
     * @return empty when acceptable, else a sentence saying what is wrong and how to fix it
     */
    public static Optional<String> validate(String term) {
        String t = normalize(term);
        if (t.isEmpty()) {
            return Optional.of("A keyword cannot be empty. Example: keywords add Zaporizhzhia");
        }
        if (t.length() > MAX_LENGTH) {
            return Optional.of("That keyword is " + t.length() + " characters long; the limit is " + MAX_LENGTH
                    + ". Use a shorter word or phrase.");
        }
        if (t.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("A keyword cannot contain control characters.");
        }
        if (tokens(t).isEmpty()) {
            return Optional.of("A keyword needs at least one letter or digit; punctuation is ignored when matching.");
        }
        int symbol = t.codePoints().filter(c -> !Character.isLetterOrDigit(c) && !Character.isSpaceChar(c)
                && ALLOWED_MARKS.indexOf(c) < 0 && Character.getType(c) != Character.NON_SPACING_MARK)
                .findFirst().orElse(-1);
        if (symbol >= 0) {
            return Optional.of("Keywords are plain words or phrases, not patterns: leave out "
                    + shown(symbol) + " (letters, digits, spaces and - ' . & are fine).");
        }
        Optional<String> mixed = KeywordScripts.mixedScript(t);
        if (mixed.isPresent()) {
            return Optional.of(Character.toUpperCase(mixed.get().charAt(0)) + mixed.get().substring(1) + ".");
        }
        return Optional.empty();
    }

    /** Punctuation that occurs inside names and phrases ("al-Shifa", "O'Brien", "U.N.", "AT&T"). */
    private static final String ALLOWED_MARKS = "-'’.&";

    /**
     * Checks a term a user wants to add to a chat that already holds {@code existingInChat} rules.
     *
     * @return empty when acceptable, else a sentence saying what is wrong
     */
    public static Optional<String> validate(String term, int existingInChat) {
        Optional<String> problem = validate(term);
        if (problem.isPresent()) {
            return problem;
        }
        if (existingInChat >= MAX_PER_CHAT) {
            return Optional.of("This chat already has " + existingInChat + " keywords, the most allowed is "
                    + MAX_PER_CHAT + ". Remove one first with: keywords remove <term>");
        }
        return Optional.empty();
    }

    /**
     * @param text any text, may be {@code null}
     * @return its tokens in order: runs of letters, digits and marks of its NFKC form, case-folded ({@link #fold})
     */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        nfkc(text).codePoints().forEach(cp -> {
            if (isWordChar(cp)) {
                cur.appendCodePoint(cp);
            } else if (cur.length() > 0) {
                out.add(fold(cur.toString()));
                cur.setLength(0);
            }
        });
        if (cur.length() > 0) {
            out.add(fold(cur.toString()));
        }
        return out;
    }

    /** Letters, digits and combining marks (Devanagari vowel signs, Arabic harakat are marks, not letters). */
    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
