package newsalert.analysis.quote;

import newsalert.analysis.text.EvidenceSpan;
import newsalert.analysis.text.WordLists;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small allocation-light string helpers for the quote extractor (no regular expressions). */
public final class QuoteText {
    private static final Set<String> TIME_WORDS = WordLists.QUOTE.set("time_words");
    private static final Set<String> TIME_LEADS = WordLists.QUOTE.set("time_leads");

    private QuoteText() {
    }

    /**
     * @return the text trimmed, with every run of white space turned into one space. When every run is a
     *         single space or line break (paragraphs joined by one '\n'), the breaks are swapped for
     *         spaces with {@link String#replace(char, char)}, one copy in the text's own compact form.
     */
    static String normalizeSpaces(String s) {
        String t = s.strip();
        // one pass without a branch that depends on where the spaces fall: two white-space characters in a
        // row, a line break, or any other white space (rare: its branch is taken only there)
        int doubled = 0;
        int prev = 0;
        int breaks = 0;
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if ((c < ' ' || c >= '\u1680') && c != '\n' && Character.isWhitespace(c)) {
                return squash(t);
            }
            int space = c == ' ' | c == '\n' ? 1 : 0;
            doubled |= prev & space;
            prev = space;
            breaks |= c == '\n' ? 1 : 0;
        }
        if (doubled != 0) {
            return squash(t);
        }
        return breaks != 0 ? t.replace('\n', ' ') : t;
    }

    private static String squash(String t) {
        int n = t.length();
        char[] out = new char[n];
        int len = 0;
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c > ' ' && c < '\u1680' || !Character.isWhitespace(c)) { // same range test as above
                if (space) {
                    out[len++] = ' ';
                    space = false;
                }
                out[len++] = c;
            } else {
                space = true;
            }
        }
        return new String(out, 0, len);
    }

    /** @return the number of white-space separated words */
    static int words(CharSequence s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = EvidenceSpan.isSpace(s.charAt(i));
            if (!ws && !in) {
                n++;
            }
            in = !ws;
        }
        return n;
    }

    /** @return whether the word is a day or month name ("Tuesday", "March", "Oct.") */
    static boolean isTimeWord(String word) {
        return TIME_WORDS.contains(word);
    }

    /** Drops a trailing time phrase such as "on Thursday", "last March 3" or "Friday". */
    static String stripTimeTail(String s) {
        String t = s.strip();
        int sp = t.lastIndexOf(' ');
        String last = t.substring(sp + 1);
        if (sp > 0 && !last.isEmpty() && last.length() <= 2 && Character.isDigit(last.charAt(0))) {
            t = t.substring(0, sp);
            sp = t.lastIndexOf(' ');
            last = t.substring(sp + 1);
        }
        if (sp < 0 || !TIME_WORDS.contains(last)) {
            return s.strip();
        }
        t = t.substring(0, sp);
        int sp2 = t.lastIndexOf(' ');
        if (sp2 >= 0 && TIME_LEADS.contains(t.substring(sp2 + 1))) {
            t = t.substring(0, sp2);
        }
        return t.strip();
    }

    /** @return the text without leading white space and commas */
    static String stripLeadingCommas(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
            i++;
        }
        return s.substring(i);
    }

    /** @return the text without trailing white space, commas and colons */
    static String stripTrailingCommas(String s) {
        int j = s.length();
        while (j > 0 && (s.charAt(j - 1) == ',' || s.charAt(j - 1) == ':' || Character.isWhitespace(s.charAt(j - 1)))) {
            j--;
        }
        return s.substring(0, j);
    }

    /** Drops final sentence punctuation unless it closes a single-letter initial ("Jr." stays, "J." stays). */
    static String stripFinalStop(String s) {
        String t = s.strip();
        int j = t.length();
        while (j > 0 && ".!?".indexOf(t.charAt(j - 1)) >= 0) {
            j--;
        }
        if (j == t.length() || (j >= 1 && Character.isUpperCase(t.charAt(j - 1))
                && (j == 1 || !Character.isLetter(t.charAt(j - 2))))) {
            return t;
        }
        return t.substring(0, j);
    }

    /**
     * Splits stripped text at blank lines: a line break, then white space holding another line break
     * (the break runs to the last line break of that white space). A hand-written loop, no regex.
     */
    static List<String> paragraphs(String t) {
        List<String> out = new ArrayList<>();
        int n = t.length();
        int from = 0;
        int i = 0;
        while (i < n) {
            i = t.indexOf('\n', i);
            if (i < 0) {
                break;
            }
            int j = i + 1;
            int lastBreak = -1;
            while (j < n && isRegexSpace(t.charAt(j))) {
                if (t.charAt(j) == '\n') {
                    lastBreak = j;
                }
                j++;
            }
            if (lastBreak < 0) {
                i = j;
                continue;
            }
            out.add(t.substring(from, i));
            from = lastBreak + 1;
            i = from;
        }
        out.add(t.substring(from));
        return out;
    }

    /** The characters of the regex class {@code \s}: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
