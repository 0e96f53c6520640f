package newsalert.subscription;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import newsalert.story.Topic;

/**
 * What one target wants to receive.
 *
 * @param id              the store's id, or 0 before it is stored
 * @param target          where alerts go
 * @param topics          the topics wanted; never empty ({@code subscribe all} is both)
 * @param minSeverity     the lowest assessment severity (0–100) that is sent
 * @param includeKeywords this subscription's own include terms ({@link Keywords#normalize normalised});
 *                        combined with the chat's include rules
 * @param excludeKeywords this subscription's own exclude terms, normalised
 * @param paused          when true nothing is routed here (set by {@code unsubscribe}-like pauses and by
 *                        permanent delivery failures such as the bot being removed)
 * @param pauseReason     why it is paused, or {@code null}
 * @param createdAt       when it was first created
 * @param places          the places followed ({@code subscribe … in:…}): place keys of
 *                        {@link newsalert.subscription.place.Gazetteer} — ISO 3166-1 alpha-2 country codes in
 *                        capitals ({@code UA}) or region keys ({@code middle-east}); empty follows every place
 */
public record Subscription(long id, Target target, Set<Topic> topics, int minSeverity, List<String> includeKeywords,
                           List<String> excludeKeywords, boolean paused, String pauseReason, Instant createdAt,
                           List<String> places) {
    /** A subscription that follows every place. */
    public Subscription(long id, Target target, Set<Topic> topics, int minSeverity, List<String> includeKeywords,
                        List<String> excludeKeywords, boolean paused, String pauseReason, Instant createdAt) {
        this(id, target, topics, minSeverity, includeKeywords, excludeKeywords, paused, pauseReason, createdAt,
                List.of());
    }

    public Subscription {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(createdAt, "createdAt");
        if (topics == null || topics.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one topic");
        }
        if (minSeverity < 0 || minSeverity > 100) {
            throw new IllegalArgumentException("minSeverity out of 0..100: " + minSeverity);
        }
        topics = Set.copyOf(topics);
        includeKeywords = includeKeywords == null ? List.of()
                : includeKeywords.stream().map(Keywords::normalize).distinct().toList();
        excludeKeywords = excludeKeywords == null ? List.of()
                : excludeKeywords.stream().map(Keywords::normalize).distinct().toList();
        places = places == null ? List.of() : places.stream().distinct().toList();
    }

    /**
     * A new, active subscription with no keywords of its own.
     *
     * @return a subscription with id 0, to be stored
     */
    public static Subscription of(Target target, Set<Topic> topics, int minSeverity, Instant createdAt) {
        return new Subscription(0, target, topics, minSeverity, List.of(), List.of(), false, null, createdAt);
    }

    /** @return every topic, for {@code subscribe all} */
    public static Set<Topic> allTopics() {
        return EnumSet.allOf(Topic.class);
    }

    /** @return a copy paused with the reason */
    public Subscription pausedBecause(String reason) {
        return new Subscription(id, target, topics, minSeverity, includeKeywords, excludeKeywords, true, reason,
                createdAt, places);
    }
}
