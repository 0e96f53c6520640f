package newsalert.analysis.text;

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
public final class EvidenceSpan {
    /** The longest quoted span, in characters, ellipses not counted. */
    public static final int MAX_CHARS = 100;

    private EvidenceSpan() {
    }

    /**
     * @param text  the title or body the match was found in
     * @param start index of the match's first character
     * @param end   index just past the match's last character
     * @return the sentence or window around {@code [start, end)}, never longer than
     *         {@value #MAX_CHARS} characters plus two ellipses
     */
    public static String span(String text, int start, int end) {
        return span(text, start, end, false);
    }

    /**
     * @param text      the title or body the match was found in
     * @param start     index of the match's first character
     * @param end       index just past the match's last character
     * @param wholeText true for a headline: the whole text is the sentence ("U.S." never splits it)
     * @return as {@link #span(String, int, int)}
     */
    public static String span(String text, int start, int end, boolean wholeText) {
        StringBuilder out = new StringBuilder(MAX_CHARS + 2);
        appendSpan(out, text, start, end, wholeText);
        return out.toString();
    }

    /**
     * Appends what {@link #span(String, int, int, boolean)} returns to {@code out}, without building the
     * span as a string of its own.
     *
     * @param out receives the span
     */
    public static void appendSpan(StringBuilder out, String text, int start, int end, boolean wholeText) {
        int n = text.length();
        start = Math.max(0, Math.min(start, n));
        end = Math.max(start, Math.min(end, n));
        int from = wholeText ? 0 : sentenceStart(text, start);
        int to = wholeText ? n : sentenceEnd(text, end);
        if (to - from <= MAX_CHARS) {
            squash(out, text, from, to);
            return;
        }
        int room = Math.max(0, MAX_CHARS - (end - start));
        int a = Math.max(from, start - room * 2 / 5);
        int b = Math.min(to, a + MAX_CHARS);
        a = Math.max(from, Math.min(a, b - MAX_CHARS));
        if (a > from) {
            while (a < start && !isSpace(text.charAt(a - 1))) {
                a++;
            }
        }
        if (b < to) {
            while (b > end && !isSpace(text.charAt(b))) {
                b--;
            }
        }
        if (a > from) {
            out.append('…');
        }
        squash(out, text, a, b);
        if (b < to) {
            out.append('…');
        }
    }

    private static int sentenceStart(String text, int pos) {
        for (int i = pos - 1; i > 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (isStop(text.charAt(i - 1)) && isSpace(c) && i + 1 < text.length()
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
            if (isStop(c) && (i + 1 == n || isSpace(text.charAt(i + 1))
                    && (i + 2 == n || !Character.isLowerCase(text.charAt(i + 2))))) {
                return i + 1;
            }
        }
        return n;
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    /** {@link Character#isWhitespace(char)}, answered without the look-up in the range that holds none. */
    public static boolean isSpace(char c) {
        return c == ' ' || (c < ' ' || c >= '\u1680') && Character.isWhitespace(c);
    }

    /**
     * Appends {@code text[from, to)} with every run of white space made one space and none at either end
     * (what squashing the runs and then stripping gives).
     */
    public static void squash(StringBuilder out, String text, int from, int to) {
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        // first pass, without a branch that depends on where the spaces fall: is there anything to squash?
        int doubled = 0;
        int prev = 0;
        int k = from;
        for (; k < to; k++) {
            char c = text.charAt(k);
            if ((c < ' ' || c >= '\u1680') && Character.isWhitespace(c)) {
                break;
            }
            int space = c == ' ' ? 1 : 0;
            doubled |= prev & space;
            prev = space;
        }
        if (k == to && doubled == 0) {
            out.append(text, from, to);
            return;
        }
        int runFrom = from; // start of the stretch not yet appended
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < '\u1680' || !isSpace(c)) {
                continue;
            }
            if (c == ' ' && !isSpace(text.charAt(i + 1))) {
                continue; // a lone space stays as it is
            }
            out.append(text, runFrom, i).append(' ');
            i++;
            while (isSpace(text.charAt(i))) {
                i++;
            }
            runFrom = i;
            i--;
        }
        out.append(text, runFrom, to);
    }
}
