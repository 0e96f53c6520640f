package newsalert.feed;

import java.util.List;
import newsalert.story.Story;

/**
 * A parsed feed.
 *
 * @param title   the feed's title as plain text, possibly empty, never {@code null}
 * @param stories its entries in document order, normalized; never {@code null}
 */
public record ParsedFeed(String title, List<Story> stories) {
    public ParsedFeed {
        title = title == null ? "" : title;
        stories = stories == null ? List.of() : List.copyOf(stories);
    }
}
