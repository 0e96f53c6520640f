package newsalert.feed;

import java.util.List;
import newsalert.story.Story;

/**
 * A parsed feed.
 *
 * @param title   the feed's title as plain text, possibly empty, never {@code null}
 * @param stories its entries in document order, normalized; never {@code null}
 * @param warning one line saying the document had to be repaired to be read (it may be truncated), for the
 *                caller to log with the feed's name; {@code null} when it read as it was
 */
public record ParsedFeed(String title, List<Story> stories, String warning) {
    /** The warning given when the repair closed an item left open: that item is not among the stories. */
    public static final String TRUNCATED_ITEM_LEFT_OUT =
            "repaired: the feed may be truncated; its last item is left out";
    /** The warning given when the repair closed no item (all stories are whole). */
    public static final String REPAIRED =
            "repaired: the feed was not well-formed XML and may be truncated; every item was whole";

    public ParsedFeed {
        title = title == null ? "" : title;
        stories = stories == null ? List.of() : List.copyOf(stories);
    }

    /** A feed that read as it was, with no warning. */
    public ParsedFeed(String title, List<Story> stories) {
        this(title, stories, null);
    }
}
