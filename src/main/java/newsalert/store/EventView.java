package newsalert.store;

import java.util.Objects;
import newsalert.story.Assessment;
import newsalert.story.Story;

/**
 * What an alerted event shows in chats: a story and an assessment in the usual shapes, made from the event's
 * stories (the representative story's headline and link, fused casualty counts, all the event's topics, its
 * severity and merged quotes). Alerts of the event and their edits render it instead of the representative
 * story's own facts.
 *
 * @param eventId       the event's id ({@code e-} and 12 hex digits)
 * @param story         the view's story; its id is the representative story's id
 * @param assessment    the view's assessment
 */
public record EventView(String eventId, Story story, Assessment assessment) {
    public EventView {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(assessment, "assessment");
    }
}
