package newsalert.pipeline;

import java.util.List;
import newsalert.story.Story;

/** The outcome of reading one feed once. */
public sealed interface ReadResult {
    /** The server answered 304 Not Modified (or the file is unchanged): nothing new. */
    record NotModified() implements ReadResult {
    }

    /**
     * The feed was read.
     *
     * @param title        the feed's own title (plain text), possibly empty
     * @param stories      its entries as stories, in feed order
     * @param etag         the validator to send next time, or {@code null}
     * @param lastModified the Last-Modified value to send next time, or {@code null}
     * @param warning      one line for the log, naming no feed (the caller names it): the document had to be
     *                     repaired to be read, e.g. {@code "repaired: the feed may be truncated; its last item is
     *                     left out"}; {@code null} when it read as it was
     */
    record Read(String title, List<Story> stories, String etag, String lastModified, String warning)
            implements ReadResult {
        public Read {
            stories = List.copyOf(stories);
        }

        /** A read with no warning. */
        public Read(String title, List<Story> stories, String etag, String lastModified) {
            this(title, stories, etag, lastModified, null);
        }
    }

    /**
     * The feed could not be read now; it is retried later with back-off.
     *
     * @param reason     one line saying what went wrong (HTTP status, timeout, not a feed, too large…)
     * @param retryAfter the wait the server asked for ({@code Retry-After} on a 429 or 503, capped at 6 h), or
     *                   {@code null}; the next try is no sooner
     */
    record Failed(String reason, java.time.Duration retryAfter) implements ReadResult {
        /** A failure without a wait asked by the server. */
        public Failed(String reason) {
            this(reason, null);
        }
    }
}
