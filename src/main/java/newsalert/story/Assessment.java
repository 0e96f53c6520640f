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
 */
public record Assessment(Set<Topic> topics, int severity, List<String> reasons, Casualties casualties,
                         List<Quote> quotes, boolean alert) {
    public Assessment {
        topics = Set.copyOf(topics);
        reasons = List.copyOf(reasons);
        quotes = List.copyOf(quotes);
        casualties = casualties == null ? Casualties.NONE : casualties;
        if (severity < 0 || severity > 100) {
            throw new IllegalArgumentException("severity out of 0..100: " + severity);
        }
    }
}
