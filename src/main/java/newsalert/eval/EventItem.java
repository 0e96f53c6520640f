package newsalert.eval;

import newsalert.story.Story;

/**
 * One story of a labelled grouping set.
 *
 * @param story the story (id, source, title, link, published, body)
 * @param event the label of the happening it reports; stories with the same label belong together
 * @param tags  free-form tags, possibly empty
 */
public record EventItem(Story story, String event, java.util.List<String> tags) {
    public EventItem {
        tags = java.util.List.copyOf(tags);
    }

    /** @return the story id */
    public String id() {
        return story.id();
    }
}
