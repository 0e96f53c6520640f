package newsalert.analysis;

/**
 * Cuts the piece of text a topic reason quotes: the sentence a matched phrase sits in, shortened
 * to a window around the match when the sentence is long.
 *
 * <p>Rule: the sentence runs from just after the last {@code .}, {@code !} or {@code ?} that is
 * followed by one white-space character and no lower-case letter ("U.S. special envoy" stays
 * whole), or from a line break, before the match, to the next such mark
 * after it (inclusive) or the paragraph's end; a headline is one sentence. When it is longer than {@value #MAX_CHARS}
 * characters, a window of at most that many characters is taken around the match (about two
 * fifths before it), snapped to whole words, with an ellipsis ({@code …}) on each cut side. Runs
 * of white space become one space. Pure functions; thread-safe.
 */
final class TopicEvidence {
    /** The longest quoted span, in characters, ellipses not counted. */
    static final int MAX_CHARS = 100;

    private TopicEvidence() {
    }

    /**
     * @param text  the title or body the match was found in
     * @param start index of the match's first character
     * @param end   index just past the match's last character
     * @return the sentence or window around {@code [start, end)}, never longer than
     *         {@value #MAX_CHARS} characters plus two ellipses
     */
    static String span(String text, int start, int end) {
        return span(text, start, end, false);
    }

    /**
     * @param text      the title or body the match was found in
     * @param start     index of the match's first character
     * @param end       index just past the match's last character
     * @param wholeText true for a headline: the whole text is the sentence ("U.S." never splits it)
     * @return as {@link #span(String, int, int)}
     */
    static String span(String text, int start, int end, boolean wholeText) {
        int n = text.length();
        start = Math.max(0, Math.min(start, n));
        end = Math.max(start, Math.min(end, n));
        int from = wholeText ? 0 : sentenceStart(text, start);
        int to = wholeText ? n : sentenceEnd(text, end);
        if (to - from <= MAX_CHARS) {
            return squash(text.substring(from, to)).strip();
        }
        int room = Math.max(0, MAX_CHARS - (end - start));
        int a = Math.max(from, start - room * 2 / 5);
        int b = Math.min(to, a + MAX_CHARS);
        a = Math.max(from, Math.min(a, b - MAX_CHARS));
        if (a > from) {
            while (a < start && !Character.isWhitespace(text.charAt(a - 1))) {
                a++;
            }
        }
        if (b < to) {
            while (b > end && !Character.isWhitespace(text.charAt(b))) {
                b--;
            }
        }
        String core = squash(text.substring(a, b)).strip();
        return (a > from ? "…" : "") + core + (b < to ? "…" : "");
    }

    private static int sentenceStart(String text, int pos) {
        for (int i = pos - 1; i > 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (Character.isWhitespace(c) && isStop(text.charAt(i - 1)) && i + 1 < text.length()
                    && !Character.isLowerCase(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int sentenceEnd(String text, int pos) {
        int n = text.length();
        for (int i = pos; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (isStop(c) && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))
                    && (i + 2 == n || !Character.isLowerCase(text.charAt(i + 2))))) {
                return i + 1;
            }
        }
        return n;
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static String squash(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c <= ' ' || c >= '\u1680') && Character.isWhitespace(c)) { // none in between
                space = true;
                continue;
            }
            if (space && b.length() > 0) {
                b.append(' ');
            }
            space = false;
            b.append(c);
        }
        return b.toString();
    }
}
