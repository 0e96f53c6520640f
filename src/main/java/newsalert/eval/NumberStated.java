package newsalert.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a text states a given whole number, used to pick the Wikipedia rows whose coded figure
 * appears in the description. A number is stated when the text holds it as digits (thousands commas
 * allowed: "1,200") not inside a longer number, or as English words: zero to twenty, the tens, tens
 * with a unit ("twenty-one" or "twenty one"), and hundreds ("two hundred", "a hundred", "one hundred
 * and five", "two hundred fifty"). Case-insensitive; larger numbers only count as digits.
 */
public final class NumberStated {
    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"};
    private static final Pattern THOUSANDS_COMMA = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");

    private NumberStated() {
    }

    /**
     * @param text any text
     * @param n    a number, 0 or more
     * @return true when {@code text} states {@code n} as digits or number words (see the class rule)
     */
    public static boolean stated(String text, int n) {
        String digits = THOUSANDS_COMMA.matcher(text).replaceAll("");
        if (Pattern.compile("(?<![\\d.])" + n + "(?!\\d|\\.\\d)").matcher(digits).find()) {
            return true;
        }
        String words = " " + NOT_LETTER_OR_DIGIT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim() + " ";
        for (String form : wordForms(n)) {
            if (words.contains(" " + form + " ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param n 0..999
     * @return the spellings of {@code n} this check accepts, words separated by one space; empty when
     *         {@code n} is outside 0..999
     */
    static List<String> wordForms(int n) {
        List<String> out = new ArrayList<>();
        if (n < 0 || n > 999) {
            return out;
        }
        if (n < 100) {
            out.add(below100(n));
            return out;
        }
        int h = n / 100;
        int rest = n % 100;
        List<String> heads = new ArrayList<>(List.of(UNITS[h] + " hundred"));
        if (h == 1) {
            heads.add("a hundred");
        }
        for (String head : heads) {
            if (rest == 0) {
                out.add(head);
            } else {
                out.add(head + " " + below100(rest));
                out.add(head + " and " + below100(rest));
            }
        }
        return out;
    }

    private static String below100(int n) {
        if (n < 20) {
            return UNITS[n];
        }
        return TENS[n / 10] + (n % 10 == 0 ? "" : " " + UNITS[n % 10]);
    }
}
