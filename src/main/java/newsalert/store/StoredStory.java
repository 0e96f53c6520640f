package newsalert.store;

import java.time.Instant;
import java.util.Objects;
import newsalert.story.Assessment;
import newsalert.story.Story;

/**
 * A story as the store holds it, for read-side lookups.
 *
 * @param story      the story (with its body)
 * @param assessment its assessment when it was stored
 * @param firstSeen  when the pipeline first saw it
 * @param alerted    whether an alert was recorded for it (the default filter passed)
 */
public record StoredStory(Story story, Assessment assessment, Instant firstSeen, boolean alerted) {
    public StoredStory {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }
}
