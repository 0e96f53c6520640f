package newsalert.event;

import java.time.Duration;

/**
 * Settings of the {@link EventGrouper}.
 *
 * @param window        how far apart in published time a story and an event's newest story may be for
 *                      the story to join (default 48 h); events whose newest story is older than the
 *                      newest story seen minus this window leave the index
 * @param minSimilarity the wording similarity (0–1, see {@link EventGrouper}) a story needs to join an
 *                      event it shares a place or name with, when it is published within
 *                      12 h of the event's first story (default 0.20)
 * @param minWording    the similarity of the wording alone, without places and names, a story needs to
 *                      join (default 0.10)
 * @param postingCap    how many of the most recent events per place/name key are looked at as candidates
 *                      (default 64); bounds the work per story whatever the window holds
 */
public record EventSettings(Duration window, double minSimilarity, double minWording, int postingCap) {
    public EventSettings {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (minSimilarity < 0 || minSimilarity > 1) {
            throw new IllegalArgumentException("minSimilarity out of 0..1: " + minSimilarity);
        }
        if (minWording < 0 || minWording > 1) {
            throw new IllegalArgumentException("minWording out of 0..1: " + minWording);
        }
        if (postingCap < 1) {
            throw new IllegalArgumentException("postingCap must be >= 1: " + postingCap);
        }
    }

    /** @return window 48 h, similarity 0.20, wording 0.10, 64 candidates per key */
    public static EventSettings defaults() {
        return new EventSettings(Duration.ofHours(48), 0.20, 0.10, 64);
    }

    /**
     * @param w the grouping window
     * @return these settings with {@code w} as the window
     */
    public EventSettings withWindow(Duration w) {
        return new EventSettings(w, minSimilarity, minWording, postingCap);
    }
}
