package newsalert.story;

import java.time.Instant;
import java.util.Objects;

/**
 * One normalized feed entry.
 *
 * @param id        stable id: the entry's guid, else its link, else a hash of title and date
 * @param source    the feed's title (or the configured feed name)
 * @param title     plain-text title (HTML removed, whitespace collapsed)
 * @param link      absolute link to the article, or {@code null}
 * @param published when it was published (UTC), or {@code null} when the feed gives no plausible date
 * @param body      plain-text description / content, possibly empty, never {@code null}
 * @param image     absolute http(s) URL of the entry's picture as the feed names it (Media RSS, an image
 *                  enclosure), or {@code null}; the bot never fetches it, chat platforms show it
 * @param author    who wrote it, as the feed names them (JSON Feed {@code authors}/{@code author}: names joined
 *                  with ", ", one line of plain text, at most {@value #MAX_AUTHOR} characters), or {@code null}
 * @param update    for an event's view after a revision: when it was revised and what changed, which renderers
 *                  write as an "Updated HH:mm" line in each chat's zone; {@code null} for a feed entry and for an
 *                  event's first alert
 */
public record Story(String id, String source, String title, String link, Instant published, String body,
                    String image, String author, Update update) {
    /** The longest author line kept, in characters; longer ones are cut with an ellipsis. */
    public static final int MAX_AUTHOR = 200;

    public Story {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        source = source == null ? "" : source;
        image = image == null || image.isBlank() ? null : image.strip();
        author = author == null || author.isBlank() ? null : author.strip();
        if (author != null && author.length() > MAX_AUTHOR) {
            author = author.substring(0, MAX_AUTHOR - 1).strip() + "…";
        }
    }

    /**
     * What an event's revision changed, kept apart from the text so each chat reads the time in its own zone.
     *
     * @param at     when the event was revised (its latest story's time), never {@code null}
     * @param change what changed from what, plain text, e.g. {@code 19 killed (was at least 12); 3 outlets}
     */
    public record Update(Instant at, String change) {
        public Update {
            Objects.requireNonNull(at, "at");
            change = change == null ? "" : change;
        }
    }

    /** A feed entry's story: no revision. */
    public Story(String id, String source, String title, String link, Instant published, String body,
                 String image, String author) {
        this(id, source, title, link, published, body, image, author, null);
    }

    /** A story without a named author. */
    public Story(String id, String source, String title, String link, Instant published, String body,
                 String image) {
        this(id, source, title, link, published, body, image, null);
    }

    /** A story without a picture. */
    public Story(String id, String source, String title, String link, Instant published, String body) {
        this(id, source, title, link, published, body, null);
    }
}
