package newsalert.event;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import newsalert.analysis.text.Tokenizer;
import newsalert.story.Story;

/**
 * What the grouper compares, read from a story's title and lead (the first paragraph of the body, at most
 * {@value #LEAD_CHARS} characters).
 *
 * <ul>
 *   <li><b>places</b>: listed place names ({@link PlaceNames}) written capitalised or in capitals (a
 *       dateline), one to three words, canonical lower-case form; countries are read as words only;</li>
 *   <li><b>names</b>: other capitalised words that are not the first word of a sentence, not stop words,
 *       weekdays, months, titles or nationality words ({@link WordForms#DEMONYMS}); in a headline written in
 *       title case, capitals say nothing, so its names are not taken;</li>
 *   <li><b>weekdays</b> named in the text ("on Monday", "Tuesday's strike"); they are not terms;</li>
 *   <li><b>terms</b>: a weighted bag of word terms ({@link WordForms#term}) — names and numbers weigh
 *       1.5, places and other words 1, countries and nationality words 0.5 (places are already required
 *       to match, so they do not count twice) — L2-normalised, for cosine similarity;</li>
 *   <li><b>content</b>: the same bag restricted to the wording — common words and numbers, without places,
 *       countries, names and nationality words — so that two stories that share only who and where
 *       ("Trump" and "Washington") are not taken for one happening;</li>
 *   <li><b>cues</b>: follow-up wording and weapon classes ({@link ReportCues}), and the outlet;</li>
 *   <li><b>happening</b>: targets, means and attackers named ({@link HappeningCues}).</li>
 * </ul>
 */
final class StoryFeatures {
    static final int LEAD_CHARS = 500;
    private static final Set<String> NOT_NAMES = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "president", "prime", "minister", "ministers", "governor", "mayor", "general", "foreign", "defence",
            "defense", "ministry", "police", "army", "chief", "head", "spokesman", "spokeswoman", "regional",
            "city", "council", "state", "national", "republic", "united", "nations", "union", "forces", "force",
            "air", "military", "security", "health", "interior", "emergency", "service", "services", "office",
            "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "red",
            "cross", "crescent", "agency", "news", "telegram", "reuters", "officials", "authorities", "ap");

    final Set<String> places;
    final Set<String> names;
    final Set<DayOfWeek> weekdays;
    /** The term vector; the grouper replaces it by its IDF-weighted form before comparing. */
    TermVector terms;
    /** The same for the wording alone: common words and numbers, without places, names and weekdays. */
    TermVector content;
    /** {@link #terms} and {@link #content} as read, before the grouper's IDF weighting. */
    final TermVector rawTerms;
    final TermVector rawContent;
    /** Follow-up wording and weapons named ({@link ReportCues}). */
    final ReportCues cues;
    /** The outlet, lower-case and trimmed ("" when none). */
    final String source;
    /** What was hit, how and by whom ({@link HappeningCues}). */
    final HappeningCues happening;

    private StoryFeatures(Set<String> places, Set<String> names, Set<DayOfWeek> weekdays, TermVector terms,
                          TermVector content, ReportCues cues, String source, HappeningCues happening) {
        this.cues = cues;
        this.happening = happening;
        this.source = source;
        this.places = places;
        this.names = names;
        this.weekdays = weekdays;
        this.terms = terms;
        this.content = content;
        this.rawTerms = terms;
        this.rawContent = content;
    }

    /**
     * @return what {@link #of} gives again for the same story, without reading it again: the same places,
     *         names, cues and unweighted vectors (a republished entry whose text did not change)
     */
    StoryFeatures reread() {
        return new StoryFeatures(places, names, weekdays, rawTerms, rawContent, cues, source, happening);
    }

    static StoryFeatures of(Story story) {
        Set<String> places = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        Map<String, Double> terms = new HashMap<>();
        Map<String, Double> content = new HashMap<>();
        List<Word> title = words(story.title());
        boolean titleCase = titleCase(title);
        read(title, !titleCase, places, names, weekdays, terms, content);
        List<Word> lead = words(lead(story.body()));
        read(lead, true, places, names, weekdays, terms, content);
        List<Word> all = new ArrayList<>(title);
        all.addAll(lead);
        String source = story.source() == null ? "" : story.source().strip().toLowerCase(Locale.ROOT);
        return new StoryFeatures(places, names, weekdays, TermVector.normalised(terms),
                TermVector.normalised(content), ReportCues.of(all), source, HappeningCues.of(all));
    }

    /** @return every key the story is indexed and looked up under: its places and names */
    Set<String> keys() {
        Set<String> k = new HashSet<>(places);
        k.addAll(names);
        return k;
    }

    static String lead(String body) {
        String b = body.strip();
        int para = b.indexOf("\n\n");
        if (para < 0) {
            para = b.indexOf('\n');
        }
        String lead = para < 0 ? b : b.substring(0, para);
        return lead.length() <= LEAD_CHARS ? lead : lead.substring(0, LEAD_CHARS);
    }

    private static void read(List<Word> words, boolean capsMeanNames, Set<String> places, Set<String> names,
                             Set<DayOfWeek> weekdays, Map<String, Double> terms, Map<String, Double> content) {
        boolean[] inPlace = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            for (int n = PlaceNames.MAX_WORDS; n >= 1; n--) {
                if (i + n > words.size() || !words.get(i).capital) {
                    continue;
                }
                StringBuilder sb = new StringBuilder(words.get(i).lower);
                for (int j = 1; j < n; j++) {
                    sb.append(' ').append(words.get(i + j).lower);
                }
                String place = PlaceNames.lookup(sb.toString());
                if (place != null) {
                    boolean country = PlaceNames.isCountry(place);
                    if (!country) {
                        places.add(place);
                    }
                    terms.merge("@" + place, country ? 0.5 : 1.0, Double::sum);
                    for (int j = 0; j < n; j++) {
                        inPlace[i + j] = true;
                    }
                    break;
                }
            }
        }
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            DayOfWeek day = weekday(w.lower);
            if (day != null) {
                weekdays.add(day);
                continue;
            }
            if (inPlace[i]) {
                continue;
            }
            String term = WordForms.term(w.lower);
            if (term == null) {
                continue;
            }
            double weight = 1.0;
            boolean wording = true;
            if (WordForms.DEMONYMS.contains(w.lower)) {
                weight = 0.5;
                wording = false;
            } else if (capsMeanNames && w.capital && !w.sentenceStart && w.lower.length() > 1
                    && !NOT_NAMES.contains(w.lower) && !WordForms.isNumber(term)) {
                names.add(w.lower);
                weight = 1.5;
                wording = false;
            } else if (WordForms.isNumber(term)) {
                weight = 1.5;
            }
            terms.merge(term, weight, Double::sum);
            if (wording) {
                content.merge(term, weight, Double::sum);
            }
        }
    }

    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

    static {
        for (DayOfWeek d : DayOfWeek.values()) {
            WEEKDAYS.put(d.name().toLowerCase(Locale.ROOT), d);
        }
    }

    private static DayOfWeek weekday(String lower) {
        return WEEKDAYS.get(lower);
    }

    /** Most words of four or more letters start with a capital: capitals carry no name signal. */
    private static boolean titleCase(List<Word> words) {
        int longWords = 0;
        int caps = 0;
        for (Word w : words) {
            if (w.lower.length() >= 4 && !Character.isDigit(w.lower.charAt(0))) {
                longWords++;
                if (w.capital) {
                    caps++;
                }
            }
        }
        return longWords >= 3 && caps * 10 >= longWords * 7;
    }

    /** One word: lower-case text, whether it starts with a capital, whether it starts a sentence. */
    record Word(String lower, boolean capital, boolean sentenceStart) {
    }

    /**
     * The words of {@code text} as the shared {@link Tokenizer} cuts and normalises them (NFKC, lower case,
     * İ and ı read as i, a lone "s" after an apostrophe dropped: "Kyiv's" gives kyiv), so that "İzmir", "IZMIR",
     * "Izmir" and the fullwidth "Ｉｚｍｉｒ" are one word for grouping. Whether a word is capitalised is read from
     * its first character in the text; a word starts a sentence when it is the first or when one of
     * {@code . ! ? " “ : —} stands between it and the word before.
     */
    static List<Word> words(String text) {
        Tokenizer.Tokens tokens = Tokenizer.tokenizeWithOffsets(text);
        String[] words = tokens.words();
        int[] starts = tokens.starts();
        int[] ends = tokens.ends();
        List<Word> out = new ArrayList<>(words.length);
        int previousEnd = 0;
        for (int k = 0; k < words.length; k++) {
            int start = starts[k];
            boolean sentenceStart = k == 0;
            for (int j = previousEnd; j < start && !sentenceStart; j++) {
                char c = text.charAt(j);
                sentenceStart = c == '.' || c == '!' || c == '?' || c == '"' || c == '“' || c == ':' || c == '—';
            }
            out.add(new Word(words[k], Character.isUpperCase(text.codePointAt(start)), sentenceStart));
            previousEnd = ends[k];
        }
        return out;
    }
}
