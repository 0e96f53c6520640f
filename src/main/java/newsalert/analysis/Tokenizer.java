package newsalert.analysis;

import java.util.Arrays;
import java.util.Locale;

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
        String lower = text.toLowerCase(Locale.ROOT);
        int n = lower.length();
        String[] out = new String[n / 4 + 4];
        int count = 0;
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean word = i < n && Character.isLetterOrDigit(lower.charAt(i));
            if (word) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (start >= 0) {
                boolean possessive = i - start == 1 && lower.charAt(start) == 's' && start > 0
                        && (lower.charAt(start - 1) == '\'' || lower.charAt(start - 1) == '\u2019');
                if (!possessive) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                    }
                    out[count++] = lower.substring(start, i);
                }
                start = -1;
            }
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }
}
