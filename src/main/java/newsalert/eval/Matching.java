package newsalert.eval;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import newsalert.story.CasualtyCount;

/**
 * The matching rules of the evaluation.
 *
 * <ul>
 *   <li><b>Casualty count</b>: label and output both absent is right; present in one only is wrong; both
 *       present is right when {@code min} and {@code max} are equal (qualifier ignored).</li>
 *   <li><b>Casualty qualifier</b>: the same, comparing the qualifier instead of the numbers.</li>
 *   <li><b>Quote text</b>: equal after {@link #quoteText normalizing}: trimmed, curly and straight
 *       quotation marks and apostrophes made equal, whitespace runs collapsed, one trailing comma or
 *       full stop dropped. Case is kept.</li>
 *   <li><b>Speaker</b>: equal after {@link #speaker normalizing}: case-insensitive, a leading "the"
 *       dropped, apostrophe variants made equal, whitespace collapsed.</li>
 * </ul>
 */
public final class Matching {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Matching() {
    }

    /**
     * @param text quote text as labelled or extracted
     * @return its comparison form; {@code ""} for null
     */
    public static String quoteText(String text) {
        if (text == null) {
            return "";
        }
        String s = SPACES.matcher(marks(text)).replaceAll(" ").trim();
        if (s.endsWith(",") || s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return s;
    }

    /**
     * @param speaker a speaker name as labelled or extracted
     * @return its comparison form; {@code ""} for null
     */
    public static String speaker(String speaker) {
        if (speaker == null) {
            return "";
        }
        String s = SPACES.matcher(marks(speaker)).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("the ")) {
            s = s.substring(4).trim();
        }
        return s;
    }

    /** @return true when both quote texts are equal under {@link #quoteText} */
    public static boolean sameQuoteText(String a, String b) {
        return quoteText(a).equals(quoteText(b));
    }

    /** @return true when both speakers are equal under {@link #speaker} */
    public static boolean sameSpeaker(String a, String b) {
        return speaker(a).equals(speaker(b));
    }

    /**
     * @param expected the labelled count or null
     * @param got      the extracted count or null
     * @return true when both are null, or both are set with equal {@code min} and {@code max}
     */
    public static boolean sameCount(CasualtyCount expected, CasualtyCount got) {
        if (expected == null || got == null) {
            return expected == got;
        }
        return expected.min() == got.min() && Objects.equals(expected.max(), got.max());
    }

    /**
     * @param expected the labelled count or null
     * @param got      the extracted count or null
     * @return true when both are null, or both are set with the same qualifier
     */
    public static boolean sameQualifier(CasualtyCount expected, CasualtyCount got) {
        if (expected == null || got == null) {
            return expected == got;
        }
        return expected.qualifier() == got.qualifier();
    }

    /** @return a count as {@code "exact 14"}, {@code "at_least 37"}, {@code "range 20-25"}, or {@code "none"} */
    public static String show(CasualtyCount c) {
        if (c == null) {
            return "none";
        }
        return c.qualifier().wireName() + " " + c.min() + (c.max() == null ? "" : "-" + c.max());
    }

    private static String marks(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> sb.append('"');
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`' -> sb.append('\'');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
