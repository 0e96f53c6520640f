package newsalert.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the places of {@code subscribe … in:<place>,…} are read from what a user typed, on every platform: the list's
 * separators, an {@code in:} prefix written loosely ({@code In : ukraine}), and Discord's {@code in} option, whose
 * value is one text.
 */
public final class PlaceWords {
    /**
     * What separates places: a comma, the ideographic comma {@code 、} (Chinese and Japanese keyboards; its small
     * form {@code ﹑} reads as it after NFKC) and the Arabic comma {@code ،}. The fullwidth comma {@code ，} is a
     * comma after NFKC.
     */
    private static final Pattern SEPARATOR = Pattern.compile("[,\u3001\u060C]");
    /** A line break of any kind (a pasted list): between places, a separator. */
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n\u0085\u2028\u2029]+");
    /** An {@code in:} prefix however spaced or cased, at the start. */
    private static final Pattern LEADING_IN = Pattern.compile("(?i)^in\\s*:\\s*");
    /** A second {@code in:} inside one text ({@code in:ukraine in:russia}): it starts another place. */
    private static final Pattern INNER_IN = Pattern.compile("(?i)(?:\\s*,\\s*|\\s+)in\\s*:\\s*");

    private PlaceWords() {
    }

    /**
     * @param option the text of Discord's {@code in} option as typed, e.g. {@code "south sudan, russia"},
     *               {@code "In : ukraine"}, {@code "in:ukraine in:russia"}, {@code "ukraine、russia"}
     * @return the one {@code in:} argument it means: line breaks and further {@code in:} prefixes separate places
     *         like commas, the text is made {@link CommandRegistry#plain}, a leading {@code in:} is dropped, and
     *         the spaces left inside a place are read as hyphens ({@code in:south-sudan,russia})
     */
    public static String inArgument(String option) {
        String text = CommandRegistry.plain(LINE_BREAK.matcher(option).replaceAll(","));
        text = LEADING_IN.matcher(text).replaceFirst("");
        text = INNER_IN.matcher(text).replaceAll(",");
        return "in:" + text.replaceAll(" ?([,\u3001\u060C]) ?", "$1").replace(' ', '-');
    }

    /**
     * @param list what follows {@code in:} in one argument
     * @return the place names in it, each stripped and without an {@code in:} of its own ({@code in:a,in:b}), blanks
     *         dropped
     */
    static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String w : SEPARATOR.split(list)) {
            String place = LEADING_IN.matcher(w.strip()).replaceFirst("").strip();
            if (!place.isEmpty()) {
                out.add(place);
            }
        }
        return out;
    }

    /**
     * Joins an {@code in:} prefix typed apart from its places with the next word, as the user meant it:
     * {@code in: ukraine}, {@code In : ukraine} and {@code in :ukraine} become {@code in:ukraine}, and a list typed
     * with spaces beside its commas ({@code in:ukraine, russia}, {@code in:ukraine , russia}) becomes one word
     * {@code in:ukraine,russia}. Other words are kept as they are.
     *
     * @param words the command's words
     * @return the words with each loose prefix joined
     */
    private static boolean endsWithSeparator(String w) {
        return !w.isEmpty() && SEPARATOR.matcher(w.substring(w.length() - 1)).matches();
    }

    private static boolean startsWithSeparator(String w) {
        return !w.isEmpty() && SEPARATOR.matcher(w.substring(0, 1)).matches();
    }

    static List<String> joinLoosePrefix(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean bareIn = w.equalsIgnoreCase("in");
            if (bareIn && i + 1 < words.size() && words.get(i + 1).startsWith(":")) {
                w = "in" + words.get(++i); // "in" ":" or "in" ":ukraine"
            }
            if (w.regionMatches(true, 0, "in", 0, 2) && w.length() == 3 && w.charAt(2) == ':'
                    && i + 1 < words.size()) {
                w = "in:" + words.get(++i); // "in:" "ukraine"
            }
            if (w.regionMatches(true, 0, "in:", 0, 3)) {
                // a list typed with spaces after its commas: "in:ukraine, russia", "in:ukraine ,russia"
                while (i + 1 < words.size() && (endsWithSeparator(w) || startsWithSeparator(words.get(i + 1)))) {
                    w = w + words.get(++i);
                }
            }
            out.add(w);
        }
        return out;
    }

    /** Most words a place name typed with spaces may have after its first ("democratic republic of the congo"). */
    private static final int MAX_NAME_WORDS = 5;

    /**
     * Joins the words after an {@code in:} argument that continue its last place with spaces instead of hyphens:
     * {@code in:south} {@code sudan} → {@code in:south-sudan}, {@code in:ukraine,new} {@code zealand} →
     * {@code in:ukraine,new-zealand}; and a place typed after the list with a space instead of a comma:
     * {@code in:ukraine} {@code south} {@code sudan} → {@code in:ukraine,south-sudan}. A word is taken only when the
     * longer name is a place ({@code isPlace}); topic words, numbers and other {@code in:} arguments never are
     * (README's examples write hyphens; users write spaces, and got "Topics are …").
     *
     * @param args    the arguments after {@link #joinLoosePrefix}
     * @param isPlace whether a hyphenated name is a known place
     * @param isOther whether a word means something else here (a topic word or a number)
     * @return the arguments with such words joined (equal to {@code args} when none was)
     */
    static List<String> joinSpacedNames(List<String> args, java.util.function.Predicate<String> isPlace,
                                        java.util.function.Predicate<String> isOther) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            if (w.regionMatches(true, 0, "in:", 0, 3)) {
                boolean joined = true;
                while (joined) {
                    joined = false;
                    List<String> named = split(w.substring(3));
                    String last = named.isEmpty() ? "" : named.get(named.size() - 1);
                    // the longest run of following words that continues the last place, else that is a place itself
                    for (int k = Math.min(MAX_NAME_WORDS, args.size() - 1 - i); k >= 1 && !joined; k--) {
                        List<String> run = new ArrayList<>(args.subList(i + 1, i + 1 + k));
                        // the run's last word may go on as a list: "in:sri" "lanka,ukraine"
                        String lastWord = run.get(k - 1);
                        java.util.regex.Matcher sep = SEPARATOR.matcher(lastWord);
                        String more = "";
                        if (sep.find() && sep.start() > 0) {
                            more = lastWord.substring(sep.start());
                            run.set(k - 1, lastWord.substring(0, sep.start()));
                        }
                        if (run.stream().anyMatch(r -> r.regionMatches(true, 0, "in:", 0, 3) || isOther.test(r)
                                || SEPARATOR.matcher(r).find())) {
                            continue;
                        }
                        String tail = String.join("-", run);
                        if (!last.isEmpty() && isPlace.test(last + "-" + tail)) {
                            w = w + "-" + tail + more;
                        } else if (isPlace.test(tail) && (last.isEmpty() || isPlace.test(last))) {
                            w = w + "," + tail + more;
                        } else {
                            continue;
                        }
                        i += k;
                        joined = true;
                    }
                }
            }
            out.add(w);
        }
        return out;
    }
}
