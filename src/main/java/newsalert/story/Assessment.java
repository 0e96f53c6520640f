package newsalert.story;

import java.util.List;
import java.util.Set;

/**
 * What the analysis found in one story.
 *
 * @param topics     the topics the story is about; empty when neither
 * @param severity   0–100; higher is more urgent (deaths, scale, capital cities, high-level talks)
 * @param reasons    short strings saying why: matched terms and rules, e.g. {@code "attack: 'missile strike'"}
 * @param casualties the stated casualty counts
 * @param quotes     direct quotes with their speakers, in text order
 * @param alert      whether the default filter would send this story as an alert
 * @param language   the ISO 639-1 code of the story's language ({@code "en"}, {@code "ru"}), or {@code null} when
 *                   it could not be told (too short or mixed; analysed as English) or was not asked (an event's
 *                   view, a story stored before detection existed); a story in another language than English
 *                   is not analysed: no topics, counts or quotes, and the reason {@code "language: ru — not analysed"}
 */
public record Assessment(Set<Topic> topics, int severity, List<String> reasons, Casualties casualties,
                         List<Quote> quotes, boolean alert, String language) {
    /**
     * @throws IllegalArgumentException when the severity is outside 0–100 or the language is not two lower-case
     *                                  letters
     */
    public Assessment {
        topics = Set.copyOf(topics);
        reasons = List.copyOf(reasons);
        quotes = List.copyOf(quotes);
        casualties = casualties == null ? Casualties.NONE : casualties;
        if (severity < 0 || severity > 100) {
            throw new IllegalArgumentException("severity out of 0..100: " + severity);
        }
        if (language != null && !(language.length() == 2 && Character.isLowerCase(language.charAt(0))
                && Character.isLowerCase(language.charAt(1)))) {
            throw new IllegalArgumentException("language must be an ISO 639-1 code such as \"en\": " + language);
        }
    }

    /** An assessment whose language was not asked ({@code language} null). */
    public Assessment(Set<Topic> topics, int severity, List<String> reasons, Casualties casualties,
                      List<Quote> quotes, boolean alert) {
        this(topics, severity, reasons, casualties, quotes, alert, null);
    }

    /** @return whether the story was read by the English rules: its language is English or could not be told */
    public boolean analysed() {
        return language == null || language.equals("en");
    }
}
