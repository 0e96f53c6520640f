package newsalert.analysis.casualty;

import newsalert.analysis.text.WordLists;

/**
 * Cuts the evidence for a chosen casualty count out of the story text: the sentence holding the
 * figure, trimmed to at most {@value #MAX} characters around it.
 *
 * <p>Rule: a sentence ends at a line break, or at '.', '!' or '?' followed by white space, except
 * after a single capital letter ("U.S. forces") or a short title ("Mr.", "Gen."). A sentence longer
 * than {@value #MAX} characters is cut to a window of that size centred on the figure, widened to
 * whole words, and each cut end gets an ellipsis ("…"). White space is collapsed to single spaces.
 */
public final class CasualtyEvidence {
    /** Longest evidence, in characters, before ellipses are added. */
    static final int MAX = 160;

    private static final java.util.Set<String> TITLES = WordLists.CASUALTY.set("evidence_titles");

    private CasualtyEvidence() {
    }

    /**
     * @param text   {@code title + "\n" + body}
     * @param offset char offset of the figure in {@code text}; out of range gives {@code null}
     * @return the trimmed sentence, or {@code null} when {@code offset} is not in {@code text}
     */
    static String around(String text, int offset) {
        if (offset < 0 || offset >= text.length()) {
            return null;
        }
        int start = offset;
        while (start > 0 && !endsSentence(text, start - 1)) {
            start--;
        }
        int end = offset;
        while (end < text.length() && !endsSentence(text, end)) {
            end++;
        }
        if (end < text.length() && text.charAt(end) != '\n') {
            end++; // keep the full stop
        }
        String prefix = "";
        String suffix = "";
        if (end - start > MAX) {
            int from = Math.max(start, Math.min(offset - MAX / 2, end - MAX));
            int to = Math.min(end, from + MAX);
            if (from > start) {
                while (from < offset && !Character.isWhitespace(text.charAt(from - 1))) {
                    from++;
                }
                prefix = "…";
            }
            if (to < end) {
                while (to > offset && !Character.isWhitespace(text.charAt(to))) {
                    to--;
                }
                suffix = "…";
            }
            start = from;
            end = to;
        }
        String core = squashRegexSpaces(text.substring(start, end).strip());
        return prefix + core + suffix;
    }

    /**
     * Same as {@code s.replaceAll("\\s+", " ")} without compiling a pattern: each run of the regex class
     * {@code \s} (space, tab, line feed, vertical tab, form feed, return) becomes one space.
     */
    static String squashRegexSpaces(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !(isRegexSpace(s.charAt(i)) && (s.charAt(i) != ' ' || i + 1 < n && isRegexSpace(s.charAt(i + 1))))) {
            i++;
        }
        if (i == n) {
            return s; // only single plain spaces: nothing to replace
        }
        StringBuilder b = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (isRegexSpace(c)) {
                b.append(' ');
                while (i + 1 < n && isRegexSpace(s.charAt(i + 1))) {
                    i++;
                }
            } else {
                b.append(c);
            }
            i++;
        }
        return b.toString();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** True when the char at {@code i} ends a sentence (a line break, or a stop followed by space). */
    private static boolean endsSentence(String s, int i) {
        char c = s.charAt(i);
        if (c == '\n') {
            return true;
        }
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        if (i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
            return false;
        }
        if (c != '.') {
            return true;
        }
        int w = i;
        while (w > 0 && Character.isLetter(s.charAt(w - 1))) {
            w--;
        }
        String word = s.substring(w, i);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false; // "U.S." or an initial
        }
        return !TITLES.contains(word.toLowerCase(java.util.Locale.ROOT));
    }
}
