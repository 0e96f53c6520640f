package newsalert.feed;

import java.util.List;

/**
 * What {@link FeedDiscovery} found at an address.
 *
 * @param kind       {@link Kind#FEED}: the address is itself a feed; {@link Kind#FOUND}: it is a web page and one
 *                   feed was found for it; {@link Kind#SEVERAL}: a page offering several feeds; {@link Kind#NONE}:
 *                   no feed
 * @param feedUrl    for FEED and FOUND: the feed's address (the given one for FEED); else {@code null}
 * @param feed       for FEED and FOUND: the parsed feed; else {@code null}
 * @param etag       for FEED and FOUND: the feed's ETag, or {@code null}
 * @param lastModified for FEED and FOUND: its Last-Modified, or {@code null}
 * @param candidates for SEVERAL: the feeds the page offers (at most {@value FeedDiscovery#MAX_COUNTED}), in
 *                   page order; a list shows the first {@value FeedDiscovery#MAX_CANDIDATES}; else empty
 * @param problem    for NONE: one plain line saying why; else {@code null}
 */
public record Discovery(Kind kind, String feedUrl, ParsedFeed feed, String etag, String lastModified,
                        List<Candidate> candidates, String problem) {
    public Discovery {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** What was found. */
    public enum Kind { FEED, FOUND, SEVERAL, NONE }

    /**
     * A feed a page links to.
     *
     * @param url   its absolute http(s) address
     * @param title the link's title attribute, possibly empty
     */
    public record Candidate(String url, String title) {
    }

    static Discovery feed(Kind kind, String url, ParsedFeed feed, FetchResult.Ok ok) {
        return new Discovery(kind, url, feed, ok.etag(), ok.lastModified(), List.of(), null);
    }

    static Discovery several(List<Candidate> candidates) {
        return new Discovery(Kind.SEVERAL, null, null, null, null, candidates, null);
    }

    static Discovery none(String problem) {
        // one line without control or bidirectional marks: it may quote the page (a link's address)
        return new Discovery(Kind.NONE, null, null, null, null, List.of(), problem == null ? null
                : PlainText.collapse(problem));
    }
}
