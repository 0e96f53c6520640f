package newsalert.command;

/**
 * The one rule for digits in command arguments (issue 18): every Unicode decimal digit (general category Nd: the
 * Arabic-Indic ٥, the Devanagari ५, the Persian ۵, ASCII 5 …) reads as its value, in every argument that holds a
 * number — severities, counts, times of day, intervals, UTC offsets. Phones in many languages type their own
 * digits, and a command that took {@code subscribe ٥٠} but refused {@code quiet-below ٥} was two rules for one
 * thing. Fullwidth and mathematical digits are ASCII already after {@link CommandRegistry#plain}'s NFKC.
 *
 * <p>Only numbers are folded, never the rest of the text: {@code plain()} runs on every argument (addresses,
 * keywords, place names), where a digit is just a character.
 */
final class Digits {
    private Digits() {
    }

    /**
     * @param text an argument, or {@code null}
     * @return {@code text} with every decimal digit of any script written as its ASCII digit (other characters
     *         unchanged), or {@code null} for {@code null}
     */
    static String ascii(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp > 0x7f && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append((char) ('0' + Character.digit(cp, 10)));
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }
}
