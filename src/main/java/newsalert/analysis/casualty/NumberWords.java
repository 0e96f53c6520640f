package newsalert.analysis.casualty;

import java.util.List;
import java.util.Map;
import newsalert.analysis.casualty.CasualtyTokenizer.Kind;
import newsalert.analysis.casualty.CasualtyTokenizer.Token;
import newsalert.story.Qualifier;

/**
 * Reads one number from tokens: digits ({@code "5,000"}), English number words ({@code "nineteen"},
 * {@code "twenty-three"}, {@code "one hundred and twenty"}, {@code "two thousand"}), an optional
 * {@code million}/{@code thousand} multiplier after digits, and vague quantities.
 *
 * <p>Vague quantities and the rule used for them (the number is a floor, or a central estimate):
 * <ul>
 *   <li>{@code "dozens"} → at least 24, {@code "scores"} → at least 40, {@code "hundreds"} → at least 200,
 *       {@code "thousands"} → at least 2000, {@code "tens of thousands"} → at least 20000,
 *       {@code "several dozen"} → at least 24 (all {@link Qualifier#AT_LEAST}: the smallest amount the
 *       plural can mean);</li>
 *   <li>{@code "a dozen"} → about 12, {@code "half a dozen"} → about 6, {@code "two dozen"} → about 24
 *       ({@link Qualifier#ABOUT}: "a dozen" is a round figure, not a count).</li>
 * </ul>
 * An explicit qualifier in front ("more than a dozen") replaces the implicit one.
 */
final class NumberWords {
    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60,
            "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Integer> VAGUE = Map.of(
            "dozens", 24, "scores", 40, "hundreds", 200, "thousands", 2000);

    /**
     * A number read from tokens.
     *
     * @param value    the value (a floor or estimate for vague quantities)
     * @param implicit the qualifier the words themselves carry ({@code EXACT} for plain numbers)
     * @param end      index of the first token after the number
     */
    record Read(int value, Qualifier implicit, int end) {
    }

    private NumberWords() {
    }

    /** @return every cardinal number word ("zero" … "ninety"), as {@link #isNumberWord} accepts them */
    static java.util.Set<String> numberWords() {
        java.util.Set<String> s = new java.util.HashSet<>(SMALL.keySet());
        s.addAll(TENS.keySet());
        return s;
    }

    /** @return true when {@code word} is a cardinal number word ("one" … "ninety") */
    static boolean isNumberWord(String word) {
        return SMALL.containsKey(word) || TENS.containsKey(word);
    }

    /**
     * Reads a number starting exactly at token {@code i}.
     *
     * @return the number, or {@code null} when no number starts there
     */
    static Read read(List<Token> t, int i) {
        if (i >= t.size()) {
            return null;
        }
        Token tok = t.get(i);
        if (tok.kind() == Kind.NUM) {
            return multiplied(t, tok.value(), i + 1);
        }
        if (tok.kind() != Kind.WORD) {
            return null;
        }
        String w = tok.text();
        Read vague = vague(t, i, w);
        if (vague != null) {
            return vague;
        }
        if (w.equals("a") || w.equals("one")) {
            String next = text(t, i + 1);
            if (next.equals("dozen")) {
                return new Read(12, Qualifier.ABOUT, i + 2);
            }
            if (w.equals("a") && (next.equals("hundred") || next.equals("thousand"))) {
                return words(t, i + 1, 1);
            }
        }
        if (w.equals("half") && text(t, i + 1).equals("a") && text(t, i + 2).equals("dozen")) {
            return new Read(6, Qualifier.ABOUT, i + 3);
        }
        if (w.equals("several") && text(t, i + 1).equals("dozen")) {
            return new Read(24, Qualifier.AT_LEAST, ofEnd(t, i + 2));
        }
        if (!isNumberWord(w)) {
            return null;
        }
        return words(t, i, 0);
    }

    private static Read vague(List<Token> t, int i, String w) {
        if (w.equals("tens") && text(t, i + 1).equals("of") && text(t, i + 2).equals("thousands")) {
            return new Read(20000, Qualifier.AT_LEAST, ofEnd(t, i + 3));
        }
        Integer v = VAGUE.get(w);
        if (v == null) {
            return null;
        }
        if (w.equals("scores") && !text(t, i + 1).equals("of")) {
            return null; // "scores" alone is usually the verb
        }
        if (w.equals("hundreds") && text(t, i + 1).equals("of") && text(t, i + 2).equals("thousands")) {
            return new Read(200000, Qualifier.AT_LEAST, ofEnd(t, i + 3));
        }
        return new Read(v, Qualifier.AT_LEAST, ofEnd(t, i + 1));
    }

    /** Words like "twenty-three", "one hundred and five", "two thousand", starting at {@code i}. */
    private static Read words(List<Token> t, int i, int preset) {
        int j = i;
        long total = 0;
        long group = preset;
        boolean any = preset > 0;
        while (j < t.size()) {
            String w = text(t, j);
            if (w.equals("hundred") && any) {
                group = Math.max(group, 1) * 100;
                j++;
                if (text(t, j).equals("and") && isNumberWord(text(t, j + 1))) {
                    j++;
                }
            } else if ((w.equals("thousand") || w.equals("million")) && any) {
                total += Math.max(group, 1) * (w.equals("thousand") ? 1_000 : 1_000_000);
                group = 0;
                j++;
                if (text(t, j).equals("and") && isNumberWord(text(t, j + 1))) {
                    j++;
                }
            } else if (TENS.containsKey(w) && group % 100 == 0) {
                group += TENS.get(w);
                any = true;
                j++;
                int k = text(t, j).equals("-") ? j + 1 : j;
                Integer unit = SMALL.get(text(t, k));
                if (unit != null && unit >= 1 && unit <= 9) {
                    group += unit;
                    j = k + 1;
                }
            } else if (SMALL.containsKey(w) && group % 100 == 0) {
                group += SMALL.get(w);
                any = true;
                j++;
            } else {
                break;
            }
            if (text(t, j).equals("dozen") && group > 0 && group < 100) {
                return new Read((int) Math.min(Integer.MAX_VALUE, (total + group) * 12), Qualifier.ABOUT, j + 1);
            }
        }
        if (!any) {
            return null;
        }
        return new Read((int) Math.min(Integer.MAX_VALUE, total + group), Qualifier.EXACT, j);
    }

    private static Read multiplied(List<Token> t, int value, int j) {
        String w = text(t, j);
        if (w.equals("thousand")) {
            return new Read((int) Math.min(Integer.MAX_VALUE, value * 1_000L), Qualifier.EXACT, j + 1);
        }
        if (w.equals("million")) {
            return new Read((int) Math.min(Integer.MAX_VALUE, value * 1_000_000L), Qualifier.EXACT, j + 1);
        }
        return new Read(value, Qualifier.EXACT, j);
    }

    private static int ofEnd(List<Token> t, int j) {
        return text(t, j).equals("of") ? j + 1 : j;
    }

    static String text(List<Token> t, int i) {
        return i >= 0 && i < t.size() ? t.get(i).text() : "";
    }
}
