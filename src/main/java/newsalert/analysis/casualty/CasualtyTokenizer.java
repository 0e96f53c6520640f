package newsalert.analysis.casualty;

import newsalert.analysis.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits story text into the small token stream the casualty rules scan. A hand-written
 * single pass (no regex), so it is linear in the text length.
 *
 * <p>Words are cut and normalised by the rule of {@link Tokenizer} ({@link Tokenizer#wordEnd},
 * {@link Tokenizer#normalise}), so offsets are the original text's and "İSTANBUL" is "istanbul" (a number's
 * digits may be any script's decimal digits, fullwidth "３" included, and its text is normalised too); this scan
 * adds what the casualty rules need on top: inner joins, numbers, marks and breaks.
 *
 * <p>Token kinds: {@link Kind#WORD} (normalised letters, apostrophes and inner dots such as
 * {@code "a.m"}; a digit run glued to letters such as {@code "19th"} or {@code "3am"} is a word, so
 * ordinals are never numbers), {@link Kind#NUM} (a digit run with optional thousands commas,
 * {@code "5,000"}; its value is in {@link Token#value()}), {@link Kind#DECIMAL} ({@code "1.5"}; never
 * counted), {@link Kind#PUNCT} (one of {@code , - : ( ) $ £ € % #}) and {@link Kind#BREAK} (end of
 * a sentence, a paragraph, or the title). An em dash becomes a comma; quotation marks are dropped.
 * A newline is a break unless the next line starts with a lower-case letter or a digit (a hard wrap).
 */
final class CasualtyTokenizer {
    /** Token kinds. */
    enum Kind { WORD, NUM, DECIMAL, PUNCT, BREAK }

    /**
     * One token.
     *
     * @param kind  the kind
     * @param text  lower-cased text ({@code "."} for a break)
     * @param value the number for {@link Kind#NUM}, else 0 (capped at {@link Integer#MAX_VALUE})
     * @param para  index of the paragraph the token is in: 0 is the title, 1 the body's first paragraph
     * @param from  char offset of the token in {@code title + "\n" + body}, or -1 when unknown
     * @param bits  the casualty word lists {@code text} is in, {@link CasualtyBits#of}
     */
    record Token(Kind kind, String text, int value, int para, int from, long bits) {
        Token(Kind kind, String text, int value, int para) {
            this(kind, text, value, para, -1);
        }

        Token(Kind kind, String text, int value, int para, int from) {
            this(kind, text, value, para, from, CasualtyBits.of(text));
        }

        /** @return true when the token is in one of the lists of {@code mask} ({@link CasualtyBits}) */
        boolean in(long mask) {
            return (bits & mask) != 0;
        }

        boolean is(String s) {
            return text.equals(s);
        }

        boolean isBreak() {
            return kind == Kind.BREAK;
        }
    }

    private CasualtyTokenizer() {
    }

    /**
     * @param title the title (may be empty); it becomes paragraph 0, ended by a break
     * @param body  the body (may be empty); its paragraphs are numbered from 1
     * @return the tokens, ending with a break
     */
    static List<Token> tokenize(String title, String body) {
        return tokenize(title, body, Tokenizer.Lexed.EMPTY, Tokenizer.Lexed.EMPTY);
    }

    /**
     * Same tokens as {@link #tokenize(String, String)}, reusing the word strings the lexicon
     * {@link Tokenizer} already made for the same texts: a word that covers exactly the same characters
     * as one of those tokens is that token's normalised word ({@link Tokenizer#normalise} of the same
     * range), so it takes that string instead of a new copy, is neither copied nor hashed again, and takes
     * its {@link CasualtyBits} mask by the token's {@link newsalert.analysis.text.Vocabulary} id
     * ({@link CasualtyBits#of(int, String)}) instead of by a hash look-up.
     *
     * @param titleWords the {@link Tokenizer#lex} tokens of {@code title}
     * @param bodyWords  the {@link Tokenizer#lex} tokens of {@code body}
     * @return as {@link #tokenize(String, String)}
     */
    static List<Token> tokenize(String title, String body, Tokenizer.Lexed titleWords, Tokenizer.Lexed bodyWords) {
        List<Token> out = new ArrayList<>(Math.max(16, (title.length() + body.length()) / 5));
        new Scan(title, titleWords).run(0, 0, out);
        addBreak(out, 0);
        new Scan(body, bodyWords).run(1, title.length() + 1, out);
        addBreak(out, 1);
        return out;
    }

    private static void addBreak(List<Token> out, int para) {
        if (out.isEmpty() || !out.get(out.size() - 1).isBreak()) {
            out.add(new Token(Kind.BREAK, ".", 0, para, -1, BREAK));
        }
    }

    /** One text's scan, with the lexicon tokens whose strings (and ids) may be reused. */
    private static final class Scan {
        private final String s;
        private final Tokenizer.Tokens shared;
        private final int[] ids;
        /** Index of the first shared token that may still start at or after the current word. */
        private int cursor;

        Scan(String s, Tokenizer.Lexed shared) {
            this.s = s;
            this.shared = shared.tokens();
            this.ids = shared.ids();
        }

        /**
         * Where the word run starting at {@code i} ends, read from the shared tokens: a shared token starting
         * at {@code i} is that whole run (both cut runs by {@link Tokenizer#wordEnd}, and the shared offsets are
         * those of the original text).
         *
         * @return the end of the run, or -1 when no shared token starts at {@code i} (scan the characters)
         */
        int runEnd(int i) {
            int[] starts = shared.starts();
            int n = starts.length;
            while (cursor < n && starts[cursor] < i) {
                cursor++;
            }
            return cursor < n && starts[cursor] == i ? shared.ends()[cursor] : -1;
        }

        /** A word token for {@code s[i, j)}: the shared string and its mask by id when one matches exactly. */
        Token wordToken(int i, int j, int para, int from) {
            int[] starts = shared.starts();
            int n = starts.length;
            while (cursor < n && starts[cursor] < i) {
                cursor++;
            }
            if (cursor < n && starts[cursor] == i && shared.ends()[cursor] == j) {
                String w = shared.words()[cursor];
                return new Token(Kind.WORD, w, 0, para, from, CasualtyBits.of(ids[cursor], w));
            }
            return new Token(Kind.WORD, Tokenizer.normalise(s, i, j), 0, para, from);
        }

        void run(int firstPara, int base, List<Token> out) {
            scan(s, firstPara, base, out, this);
        }
    }

    private static void scan(String s, int firstPara, int base, List<Token> out, Scan words) {
        int para = firstPara;
        int n = s.length();
        int i = 0;
        boolean seenText = false;
        while (i < n) {
            char c = s.charAt(i);
            if (Tokenizer.isLetterAt(s, i)) {
                // a shared token gives the word run at once; only inner joins are then read
                int run = words.runEnd(i);
                int j = run > i ? run : Tokenizer.wordEnd(s, i);
                while (j < n && isInnerJoin(s, j)) {
                    j = Tokenizer.wordEnd(s, j + 1);
                }
                out.add(words.wordToken(i, j, para, base + i));
                i = j;
                seenText = true;
            } else if (c >= '0' && c <= '9' || c >= 0x80 && Character.isDigit(c)) {
                i = number(s, i, para, base, out, words);
                seenText = true;
            } else if (c == '\n') {
                int j = i + 1;
                while (j < n && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                boolean wrap = j < n && (Character.isLowerCase(s.charAt(j)) || Character.isDigit(s.charAt(j)));
                if (!wrap) {
                    addBreak(out, para);
                    if (seenText) {
                        para++;
                        seenText = false;
                    }
                }
                i = j;
            } else {
                punct(c, s, i, para, base + i, out);
                i++;
            }
        }
    }

    private static boolean isInnerJoin(String s, int j) {
        char c = s.charAt(j);
        if (c != '\'' && c != '\u2019' && c != '.') {
            return false;
        }
        return j + 1 < s.length() && Tokenizer.isLetterAt(s, j + 1) && Tokenizer.isLetter(s.charAt(j - 1));
    }

    private static int number(String s, int i, int para, int base, List<Token> out, Scan words) {
        int n = s.length();
        int j = i;
        long value = 0;
        while (j < n) {
            char c = s.charAt(j);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 0x80 ? Character.digit(c, 10) : -1;
            if (digit >= 0) {
                value = Math.min(Integer.MAX_VALUE, value * 10 + digit);
                j++;
            } else if (c == ',' && j > i && isThreeDigits(s, j + 1)) {
                j++;
            } else {
                break;
            }
        }
        Kind kind = Kind.NUM;
        if (j + 1 < n && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1))) {
            kind = Kind.DECIMAL;
            j++;
            while (j < n && Character.isDigit(s.charAt(j))) {
                j++;
            }
        }
        if (j < n && Tokenizer.isLetterAt(s, j)) {
            j = Tokenizer.wordEnd(s, j);
            out.add(words.wordToken(i, j, para, base + i));
            return j;
        }
        out.add(new Token(kind, Tokenizer.normalise(s, i, j), kind == Kind.NUM ? (int) value : 0, para, base + i));
        return j;
    }

    /** True when s[k..k+2] are digits and s[k+3] is not a digit (a thousands group). */
    private static boolean isThreeDigits(String s, int k) {
        if (k + 3 > s.length()) {
            return false;
        }
        for (int m = k; m < k + 3; m++) {
            if (!Character.isDigit(s.charAt(m))) {
                return false;
            }
        }
        return k + 3 == s.length() || !Character.isDigit(s.charAt(k + 3));
    }

    // the casualty bits of each mark token and of a break, looked up once
    private static final long BREAK = CasualtyBits.of(".");
    private static final long COMMA = CasualtyBits.of(",");
    private static final long COLON = CasualtyBits.of(":");
    private static final long OPEN = CasualtyBits.of("(");
    private static final long CLOSE = CasualtyBits.of(")");
    private static final long PERCENT = CasualtyBits.of("%");
    private static final long HASH = CasualtyBits.of("#");
    private static final long MONEY = CasualtyBits.of("$");
    private static final long DASH = CasualtyBits.of("-");

    private static Token mark(String text, long bits, int para, int from) {
        return new Token(Kind.PUNCT, text, 0, para, from, bits);
    }

    /** Adds the token for the mark {@code c} at {@code s[i]} (at {@code from} in the whole text), if any. */
    private static void punct(char c, String s, int i, int para, int from, List<Token> out) {
        switch (c) {
            case '.', '!', '?', ';' -> {
                boolean endOfSentence = c != '.' || i + 1 >= s.length() || !Tokenizer.isLetterOrDigit(s.charAt(i + 1));
                if (endOfSentence) {
                    addBreak(out, para);
                }
            }
            case ',', '\u2014' -> out.add(mark(",", COMMA, para, from));
            case ':' -> out.add(mark(":", COLON, para, from));
            case '(' -> out.add(mark("(", OPEN, para, from));
            case ')' -> out.add(mark(")", CLOSE, para, from));
            case '%' -> out.add(mark("%", PERCENT, para, from));
            case '#' -> out.add(mark("#", HASH, para, from));
            case '$', '£', '€' -> out.add(mark("$", MONEY, para, from));
            case '-', '\u2013', '\u2010', '\u2011' -> out.add(mark("-", DASH, para, from));
            default -> {
                // whitespace, quotation marks and other symbols carry no meaning here
            }
        }
    }
}
