package newsalert.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into lower-case word tokens for lexicon matching.
 *
 * <p>Rule: a token is a maximal run of letters or digits; everything else (spaces, punctuation,
 * hyphens, quotes) separates tokens. A lone {@code s} straight after an apostrophe (' or ’) is
 * dropped, so "Russia's" gives {@code russia}. Lower-casing is locale-independent. The same
 * rule is applied to lexicon phrases, so "air-strike" in text matches "air strike" in the lexicon.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /**
     * @param text any text, may be {@code null} or empty
     * @return the tokens in text order; an empty array when there are none
     */
    public static String[] tokenize(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        List<String> out = new ArrayList<>(text.length() / 5 + 4);
        StringBuilder sb = new StringBuilder(24);
        int n = text.length();
        char prevSep = ' ';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            } else {
                flush(out, sb, prevSep);
                prevSep = c;
            }
        }
        flush(out, sb, prevSep);
        return out.toArray(new String[0]);
    }

    private static void flush(List<String> out, StringBuilder sb, char sepBefore) {
        if (sb.isEmpty()) {
            return;
        }
        boolean possessive = sb.length() == 1 && sb.charAt(0) == 's'
                && (sepBefore == '\'' || sepBefore == '\u2019');
        if (!possessive) {
            out.add(sb.toString());
        }
        sb.setLength(0);
    }
}
