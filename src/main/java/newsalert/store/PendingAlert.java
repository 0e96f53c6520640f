package newsalert.store;

import newsalert.story.Assessment;
import newsalert.story.Story;

/**
 * An alert recorded but not yet delivered.
 *
 * @param id         the alert's id (increasing in creation order)
 * @param story      the story alerted on
 * @param assessment its assessment at the time
 */
public record PendingAlert(long id, Story story, Assessment assessment) {
}
