package newsalert.feed;

/**
 * What a {@link FeedFetcher#fetch} gave: {@link Ok}, {@link NotModified} or {@link Failed}. Never
 * an exception: every failure is a value with a one-line reason.
 */
public sealed interface FetchResult {

    /**
     * The feed body (HTTP 2xx).
     *
     * @param body         the bytes, gzip already decoded, at most the configured cap
     * @param contentType  the {@code Content-Type} header, or {@code null}
     * @param etag         the new {@code ETag}, or {@code null}
     * @param lastModified the new {@code Last-Modified}, or {@code null}
     * @param finalUrl     the URL after redirects; use it as the base for relative links
     */
    record Ok(byte[] body, String contentType, String etag, String lastModified, String finalUrl)
            implements FetchResult {
    }

    /** HTTP 304: nothing new since the given ETag / Last-Modified. */
    record NotModified(String finalUrl) implements FetchResult {
    }

    /**
     * The fetch failed.
     *
     * @param kind       the broad cause, for back-off decisions
     * @param httpStatus the HTTP status for {@link Failure#HTTP_STATUS}, else 0
     * @param reason     one line, e.g. {@code "HTTP 500 (internal server error)"}, {@code "too large: more than 5242880 bytes"}
     * @param retryAfter the wait the server asked for with {@code Retry-After} on a 429 or 503 (at most
     *                   {@link RetryAfter#MAX}), or {@code null}
     */
    record Failed(Failure kind, int httpStatus, String reason, java.time.Duration retryAfter) implements FetchResult {
        /** The reason is kept as one line without control or bidirectional marks (it may quote a server). */
        public Failed {
            reason = reason == null ? null : PlainText.collapse(reason);
        }

        /** A failure without a wait asked by the server. */
        public Failed(Failure kind, int httpStatus, String reason) {
            this(kind, httpStatus, reason, null);
        }
    }

    /** Broad failure causes. */
    enum Failure {
        /** The server answered with a status other than 2xx/304 (or a redirect without Location). */
        HTTP_STATUS,
        /** Connect, read or whole-call timeout. */
        TIMEOUT,
        /** The body is larger than the cap. */
        TOO_LARGE,
        /** More redirects than allowed. */
        TOO_MANY_REDIRECTS,
        /** DNS, refused connection, TLS or other I/O trouble. */
        NETWORK,
        /** Not an absolute http(s) URL (at the start or as a redirect target). */
        BAD_URL
    }
}
