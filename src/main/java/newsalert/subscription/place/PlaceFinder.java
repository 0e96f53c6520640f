package newsalert.subscription.place;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.story.Story;
import newsalert.subscription.place.PlaceWords.Word;

/**
 * Reads which countries a text names, through a {@link Gazetteer}. Pure and thread-safe.
 *
 * <p>Words are {@link PlaceWords}: the shared tokenizer's, without accents, so "İzmir", "IZMIR" and "Ｉｚｍｉｒ" are one
 * name. A name counts when its first word is capitalised ({@code Kharkiv}, not {@code kharkiv}); abbreviations
 * ({@code US}, {@code UAE}) only in capitals. The longest name wins ({@code South Sudan} is not
 * {@code Sudan}). A city stands for its country; a place shared by two countries ({@code Kashmir}) for both.
 *
 * <p>Names that are also people's names — {@code Georgia}, {@code Jordan}, {@code Chad}, {@code Israel} and a
 * few more — count only when they do not stand beside another capitalised word in the same sentence
 * ("Michael Jordan", "Jordan Bardella" are people; "in Jordan", "Jordan's king", "Jordan Valley" are places):
 * a capitalised word right before, other than a preposition or article, or right after, other than a word of
 * the state ({@code Army}, {@code River}, {@code Government}…), makes it a person. {@code Georgia} is the
 * country unless the same text names a place in the United States, then it is the US state. In a title-case
 * headline ("Strikes Hit Jordan Border Town") capitals say nothing, so such a name there is a place unless the text
 * elsewhere, written normally, shows the same neighbour beside it as a person's name.
 */
public final class PlaceFinder {
    private static final Set<String> PERSON_NAMES = Set.of("georgia", "jordan", "chad", "israel", "victoria",
            "florence", "charlotte", "austin", "jackson", "lincoln", "madison", "eugene", "tyler", "orlando",
            "santiago", "regina", "valencia", "aurora", "kingston", "hamilton", "wellington");
    /** Words that may precede a place with a capital letter: prepositions and articles at a sentence start. */
    private static final Set<String> LEADING = Set.of("in", "to", "from", "of", "the", "and", "with", "for", "by",
            "at", "on", "near", "across", "into", "against", "over", "inside", "outside", "both", "between",
            "neighbouring", "neighboring", "northern", "southern", "eastern", "western", "central", "north", "south",
            "east", "west", "while", "as", "after", "before", "when", "if", "but", "or");
    /** Capitalised words that may follow a country without making it a person's name. */
    private static final Set<String> TRAILING = Set.of("river", "valley", "sea", "border", "army", "forces",
            "defense", "defence", "government", "military", "police", "air", "navy", "state", "city", "strip",
            "embassy", "ministry", "foreign", "prime", "president", "king", "queen", "national", "security",
            "armed", "authorities", "officials", "province", "region", "parliament", "cabinet", "crisis", "war",
            "talks", "and", "or", "news", "times", "post", "today", "on", "in", "says", "said");
    private static final Map<String, String> ALTERNATE = Map.of("georgia", "US");

    private final Gazetteer gazetteer;

    /** @param gazetteer the names to look for */
    public PlaceFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** @return a finder over {@link Gazetteer#standard()} */
    public static PlaceFinder standard() {
        return new PlaceFinder(Gazetteer.standard());
    }

    /**
     * The country line alerts and {@code story} show: the countries the story's title and body name.
     *
     * @return display names joined with ", " in the order first named ("Ukraine, Russia"); "" when none
     */
    public String countryNames(Story story) {
        return gazetteer.countryList(countriesIn(story.title() + "\n" + story.body()));
    }

    /**
     * @param text any text: a story's title and body, a dateline
     * @return the ISO 3166-1 alpha-2 codes of the countries it names, in the order first named; empty when none
     */
    public Set<String> countriesIn(String text) {
        List<Word> words = PlaceWords.of(text);
        boolean[] titleCase = titleCase(words);
        Map<String, List<String>> found = new LinkedHashMap<>(); // normalised name -> countries, first-named order
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (!w.capitalised()) {
                continue;
            }
            for (int n = Math.min(gazetteer.maxWordsFrom(w.norm()), words.size() - i); n >= 1; n--) {
                String name = join(words, i, n);
                Gazetteer.Entry e = gazetteer.entry(name);
                if (e == null || !writtenRight(e, words, i, n)) {
                    continue;
                }
                if (n == 1 && PERSON_NAMES.contains(name) && personName(words, i)
                        && (!titleCase[i] || personElsewhere(words, i, titleCase))) {
                    break;
                }
                found.putIfAbsent(name, e.countries());
                i += n - 1;
                break;
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (List<String> codes : found.values()) {
            out.addAll(codes);
        }
        for (Map.Entry<String, String> alt : ALTERNATE.entrySet()) {
            List<String> codes = found.get(alt.getKey());
            if (codes != null && namesOtherwise(found, alt.getKey(), alt.getValue())) {
                out.removeAll(codes);
                out.add(alt.getValue());
            }
        }
        return out;
    }

    private static boolean namesOtherwise(Map<String, List<String>> found, String except, String country) {
        for (Map.Entry<String, List<String>> e : found.entrySet()) {
            if (!e.getKey().equals(except) && e.getValue().contains(country)) {
                return true;
            }
        }
        return false;
    }

    private static boolean writtenRight(Gazetteer.Entry e, List<Word> words, int from, int n) {
        if (e.kind() != Gazetteer.Kind.CAPITALS) {
            return true;
        }
        for (int j = from; j < from + n; j++) {
            if (!words.get(j).capitals()) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return per word, whether it stands in a title-case stretch ("Strikes Hit Jordan Border Town"): a sentence of
     *         at least four words in which nearly every word longer than three letters is capitalised. There a
     *         capitalised neighbour says nothing about a person's name
     */
    private static boolean[] titleCase(List<Word> words) {
        boolean[] out = new boolean[words.size()];
        int start = 0;
        for (int i = 1; i <= words.size(); i++) {
            if (i == words.size() || words.get(i).afterBreak()) {
                int longWords = 0;
                int capitalised = 0;
                for (int j = start; j < i; j++) {
                    if (words.get(j).norm().length() > 3) {
                        longWords++;
                        capitalised += words.get(j).capitalised() ? 1 : 0;
                    }
                }
                boolean title = i - start >= 4 && longWords >= 3 && capitalised * 10 >= longWords * 9;
                for (int j = start; j < i; j++) {
                    out[j] = title;
                }
                start = i;
            }
        }
        return out;
    }

    /**
     * A name in a title-case stretch is a person's only when the text elsewhere, written normally, puts the same
     * neighbour beside it as a person's name ("Michael Jordan Scores 40" over a body telling of "Michael Jordan").
     */
    private static boolean personElsewhere(List<Word> words, int i, boolean[] titleCase) {
        String before = i > 0 ? words.get(i - 1).norm() : null;
        String after = i + 1 < words.size() ? words.get(i + 1).norm() : null;
        for (int j = 0; j < words.size(); j++) {
            if (titleCase[j] || !words.get(j).norm().equals(words.get(i).norm()) || !personName(words, j)) {
                continue;
            }
            boolean sameBefore = j > 0 && words.get(j - 1).norm().equals(before);
            boolean sameAfter = j + 1 < words.size() && words.get(j + 1).norm().equals(after);
            if (sameBefore || sameAfter) {
                return true;
            }
        }
        return false;
    }

    private static boolean personName(List<Word> words, int i) {
        Word w = words.get(i);
        if (i > 0 && !w.afterBreak()) {
            Word before = words.get(i - 1);
            if (before.capitalised() && !LEADING.contains(before.norm())) {
                return true;
            }
        }
        if (i + 1 < words.size()) {
            Word after = words.get(i + 1);
            return !after.afterBreak() && after.capitalised() && !after.capitals() && !TRAILING.contains(after.norm())
                    && !after.norm().equals("s");
        }
        return false;
    }

    private static String join(List<Word> words, int from, int n) {
        if (n == 1) {
            return words.get(from).norm();
        }
        StringBuilder sb = new StringBuilder(words.get(from).norm());
        for (int j = from + 1; j < from + n; j++) {
            sb.append(' ').append(words.get(j).norm());
        }
        return sb.toString();
    }
}
