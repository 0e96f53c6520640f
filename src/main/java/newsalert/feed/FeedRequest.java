package newsalert.feed;

import java.util.Objects;

/**
 * One feed download.
 *
 * @param url          absolute http(s) URL of the feed
 * @param etag         the {@code ETag} from the last successful fetch, sent as {@code If-None-Match}, or {@code null}
 * @param lastModified the {@code Last-Modified} value from the last successful fetch, sent verbatim as
 *                     {@code If-Modified-Since}, or {@code null}
 */
public record FeedRequest(String url, String etag, String lastModified) {
    public FeedRequest {
        Objects.requireNonNull(url, "url");
    }

    /** An unconditional request for {@code url}. */
    public static FeedRequest of(String url) {
        return new FeedRequest(url, null, null);
    }
}
