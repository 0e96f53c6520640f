package newsalert.store;

import java.util.Objects;

/**
 * A shared story as stored, with its place in the store's order, for an event memory catching up with the stories
 * other instances stored ({@link NewsStore#storiesAfter}).
 *
 * @param seq       its {@code story.seq}: 1, 2, 3 ... in the order stories were stored or became shared
 * @param stored    the story with its own assessment
 * @param eventId   the event id the storing instance linked it to ({@code story.event_id}), or {@code null}
 * @param standsFor the id of the alerted event this story stands for (its alert is the event's), or {@code null}
 */
public record CaughtStory(long seq, StoredStory stored, String eventId, String standsFor) {
    public CaughtStory {
        Objects.requireNonNull(stored, "stored");
    }
}
