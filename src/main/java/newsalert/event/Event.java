package newsalert.event;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import newsalert.story.Quote;
import newsalert.story.Topic;

/**
 * A snapshot of one event: what the stories grouped into it say together. Immutable; the
 * {@link EventGrouper} hands out a new snapshot after each change.
 *
 * @param id         stable id, derived from the first story ({@link EventId#fromFirstStory})
 * @param title      the headline of the story the fused killed count comes from (of those stating it, the
 *                   most severe, then the earliest; when none states it, the most severe story's)
 * @param topics     union of the stories' topics
 * @param severity   0–100: the highest story severity plus 5 per further distinct outlet, at most 100
 * @param stories    member stories in the order they joined
 * @param casualties fused counts with provenance ({@link CasualtyFusion})
 * @param quotes     the stories' quotes, de-duplicated ({@link QuoteMerge}), first telling first
 * @param first      earliest published time among the stories, or {@code null} when none has one
 * @param last       latest published time among the stories, or {@code null} when none has one
 */
public record Event(EventId id, String title, Set<Topic> topics, int severity, List<EventStory> stories,
                    FusedCasualties casualties, List<Quote> quotes, Instant first, Instant last) {
    public Event {
        topics = Set.copyOf(topics);
        stories = stories instanceof StoryList ? stories : List.copyOf(stories);
        quotes = List.copyOf(quotes);
        casualties = casualties == null ? FusedCasualties.NONE : casualties;
    }

    /** @return the number of distinct outlets (story sources compared case-insensitively, trimmed) */
    public int outlets() {
        return stories instanceof StoryList l ? l.outlets() : outletCount(stories);
    }

    static int outletCount(List<EventStory> stories) {
        Set<String> names = new HashSet<>();
        stories.forEach(s -> names.add(outletKey(s.source())));
        return names.size();
    }

    /** @return the text outlets are told apart by: the source trimmed and lower-cased */
    static String outletKey(String source) {
        return source.trim().toLowerCase(Locale.ROOT);
    }
}
