package newsalert.pipeline;

import java.time.Instant;

/** Reads one feed (over HTTP or from a file) into stories. Implementations never throw for bad feeds. */
public interface FeedReader {
    /**
     * @param location     http(s) URL or local file path
     * @param etag         ETag from the previous read, or {@code null}
     * @param lastModified Last-Modified from the previous read, or {@code null}
     * @param now          the time of this read (the first-seen time of new entries)
     * @return what was read, {@link ReadResult.NotModified}, or {@link ReadResult.Failed} with the reason
     */
    ReadResult read(String location, String etag, String lastModified, Instant now);
}
