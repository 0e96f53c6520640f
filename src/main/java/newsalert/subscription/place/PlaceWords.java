package newsalert.subscription.place;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import newsalert.analysis.text.Tokenizer;

/**
 * The words place names are matched by, in a text and in the gazetteer alike: the shared {@link Tokenizer}'s
 * tokens (NFKC, lower case, İ and ı read as i), with accents then removed ("Bogotá" is {@code bogota}, "İzmir",
 * "IZMIR" and the fullwidth "Ｉｚｍｉｒ" are {@code izmir}). A possessive "'s", which the tokenizer drops, is kept
 * here as the word {@code s}: the gazetteer writes "Cox's Bazar" as {@code cox s bazar}, and a name followed by
 * "'s" is no person's first name ("Jordan's king").
 */
final class PlaceWords {
    private PlaceWords() {
    }

    /**
     * One word of a text.
     *
     * @param norm        the normalised form (lower case, no accents)
     * @param capitalised its first character in the text is an upper-case letter
     * @param capitals    every letter of it in the text is upper case ("US", "İZMİR")
     * @param afterBreak  it is the first word, or one of {@code . ! ? : ; , ( ) " “ ” —} or a line break stands
     *                    between it and the word before
     */
    record Word(String norm, boolean capitalised, boolean capitals, boolean afterBreak) {
    }

    /**
     * @param text any text, may be empty
     * @return its words in text order
     */
    static List<Word> of(String text) {
        Tokenizer.Tokens tokens = Tokenizer.tokenizeWithOffsets(text);
        String[] words = tokens.words();
        int[] starts = tokens.starts();
        int[] ends = tokens.ends();
        List<Word> out = new ArrayList<>(words.length + 4);
        int previousEnd = 0;
        for (int k = 0; k <= words.length; k++) {
            int start = k < words.length ? starts[k] : text.length();
            // a possessive "'s" the tokenizer dropped in the gap: a word of its own here
            for (int j = previousEnd; j + 1 < start; j++) {
                char c = text.charAt(j);
                char s = text.charAt(j + 1);
                if ((c == '\'' || c == '\u2019') && (s == 's' || s == 'S') && Tokenizer.wordEnd(text, j + 1) == j + 2) {
                    boolean upper = s == 'S';
                    out.add(new Word("s", upper, upper, out.isEmpty() || breakBetween(text, previousEnd, j)));
                    previousEnd = j + 2;
                    j++;
                }
            }
            if (k == words.length) {
                break;
            }
            int end = ends[k];
            String raw = text.substring(start, end);
            boolean cap = Character.isUpperCase(raw.codePointAt(0));
            boolean allCaps = cap && raw.equals(raw.toUpperCase(Locale.ROOT));
            out.add(new Word(fold(words[k]), cap, allCaps, out.isEmpty() || breakBetween(text, previousEnd, start)));
            previousEnd = end;
        }
        return out;
    }

    /**
     * @param name a place name as written or typed ("Côte d'Ivoire", "DİYARBAKIR")
     * @return its words ({@link #of}) joined by single spaces ({@code cote d ivoire}, {@code diyarbakir}); "" when
     *         it has none
     */
    static String normalize(String name) {
        List<Word> words = of(name);
        if (words.size() == 1) {
            return words.get(0).norm();
        }
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w.norm());
        }
        return sb.toString();
    }

    private static boolean breakBetween(String text, int from, int to) {
        for (int j = from; j < to; j++) {
            char c = text.charAt(j);
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n' || c == ',' || c == '('
                    || c == ')' || c == '"' || c == '\u201c' || c == '\u201d' || c == '\u2014') {
                return true;
            }
        }
        return false;
    }

    /** @return the word without its combining marks (accents); the word itself when it is ASCII */
    private static String fold(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                String d = Normalizer.normalize(word, Normalizer.Form.NFD);
                StringBuilder sb = new StringBuilder(d.length());
                for (int j = 0; j < d.length(); ) {
                    int cp = d.codePointAt(j);
                    int type = Character.getType(cp);
                    if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                            && type != Character.ENCLOSING_MARK) {
                        sb.appendCodePoint(cp);
                    }
                    j += Character.charCount(cp);
                }
                return sb.toString();
            }
        }
        return word;
    }
}
