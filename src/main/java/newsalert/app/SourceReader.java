package newsalert.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import newsalert.feed.Discovery;
import newsalert.feed.FeedDiscovery;
import newsalert.feed.FeedException;
import newsalert.feed.FeedFetcher;
import newsalert.feed.FeedParser;
import newsalert.feed.FeedRequest;
import newsalert.feed.FeedSource;
import newsalert.feed.FetchResult;
import newsalert.feed.ParsedFeed;
import newsalert.pipeline.FeedReader;
import newsalert.pipeline.ReadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a feed location — an http(s) URL through {@link FeedFetcher} (conditional GET), or a local file
 * through {@link FeedSource} — and parses it with {@link FeedParser}. Every failure becomes a
 * {@link ReadResult.Failed} with a one-line reason; nothing is thrown.
 *
 * <p>For files, the file's last-modified time plays the part of the HTTP validator: an unchanged file
 * reads as {@link ReadResult.NotModified}.
 */
public final class SourceReader implements FeedReader {
    /** The one-line reason given for ftp://, file:// and other non-http URLs. */
    public static final String UNSUPPORTED =
            "unsupported URL scheme: give an http(s) URL or a local file path";
    /** The one-line reason given when reading fails on a bug rather than on the feed; the log has the details. */
    public static final String INTERNAL_ERROR = "internal error while reading the feed (details are in the log)";
    private static final Logger LOG = LoggerFactory.getLogger(SourceReader.class);
    private static final Pattern OTHER_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final FeedDiscovery discovery;
    /** Reads local files; {@code null} when they are not allowed. */
    private final FeedSource files;

    /**
     * @param fetcher  HTTP fetcher
     * @param parser   feed parser
     * @param maxBytes largest file read, in bytes
     */
    public SourceReader(FeedFetcher fetcher, FeedParser parser, long maxBytes) {
        this(fetcher, parser, maxBytes, true);
    }

    /**
     * @param filesAllowed whether local file paths are read; {@code false} for feeds that chat users add,
     *                     which must be http(s) URLs (a path is then a failed read, never opened)
     */
    public SourceReader(FeedFetcher fetcher, FeedParser parser, long maxBytes, boolean filesAllowed) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.discovery = new FeedDiscovery(fetcher, parser);
        this.files = filesAllowed ? new FeedSource(parser, maxBytes) : null;
    }

    /** @return true when {@code location} is an http or https URL (case-insensitive scheme) */
    public static boolean isUrl(String location) {
        String l = location.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    /**
     * @return true when {@code location} names a URL scheme other than http/https ({@code ftp://},
     *         {@code file://}…), which newsalert does not read
     */
    public static boolean isOtherUrl(String location) {
        return !isUrl(location) && OTHER_SCHEME.matcher(location).lookingAt();
    }

    @Override
    public ReadResult read(String location, String etag, String lastModified, Instant now) {
        if (isOtherUrl(location) || (files == null && !isUrl(location))) {
            return new ReadResult.Failed(UNSUPPORTED);
        }
        try {
            return isUrl(location) ? readUrl(location, etag, lastModified, now)
                    : readFile(location, lastModified, now);
        } catch (RuntimeException e) {
            // a bug of ours or of a library: the operator gets the stack trace, the user a plain reason
            LOG.warn("feed {}: internal error while reading it; details follow", location, e);
            return new ReadResult.Failed(INTERNAL_ERROR);
        }
    }

    /**
     * Finds the feed behind an http(s) address: the address itself when it is a feed, else the feed its web
     * page links to or serves at a common path ({@link FeedDiscovery}), with this reader's fetcher (so a
     * guarded reader guards every discovery request).
     *
     * @return what was found; a location that is not an http(s) URL is {@link Discovery.Kind#NONE}
     */
    public Discovery discover(String location, Instant now) {
        if (!isUrl(location)) {
            return new Discovery(Discovery.Kind.NONE, null, null, null, null, null, UNSUPPORTED);
        }
        try {
            return discovery.find(location, now);
        } catch (RuntimeException | StackOverflowError e) {
            // the exception's text is for the log only: the reason reaches chats (feeds add)
            LOG.warn("feed {}: internal error while looking for its feed; details follow", location, e);
            return new Discovery(Discovery.Kind.NONE, null, null, null, null, null, INTERNAL_ERROR);
        }
    }

    /** Aborts fetches in progress (on shutdown); they come back as failures and are retried next run. */
    public void cancelAll() {
        fetcher.cancelAll();
    }

    private ReadResult readUrl(String url, String etag, String lastModified, Instant now) {
        FetchResult r = fetcher.fetch(new FeedRequest(url, etag, lastModified));
        if (r instanceof FetchResult.NotModified) {
            return new ReadResult.NotModified();
        }
        if (r instanceof FetchResult.Failed f) {
            return new ReadResult.Failed(f.reason(), f.retryAfter());
        }
        FetchResult.Ok ok = (FetchResult.Ok) r;
        try {
            ParsedFeed feed = parser.parse(ok.body(), ok.contentType(), ok.finalUrl(), now);
            return new ReadResult.Read(feed.title(), feed.stories(), ok.etag(), ok.lastModified(), feed.warning());
        } catch (FeedException e) {
            return new ReadResult.Failed(FeedDiscovery.webPageReason(ok).orElse(e.getMessage()));
        }
    }

    private ReadResult readFile(String location, String lastModified, Instant now) {
        Path file = Path.of(location);
        String stamp;
        try {
            stamp = Files.getLastModifiedTime(file).toString();
        } catch (IOException e) {
            return new ReadResult.Failed(Files.exists(file) ? "cannot read file" : "no such file");
        }
        if (stamp.equals(lastModified)) {
            return new ReadResult.NotModified();
        }
        try {
            ParsedFeed feed = files.readFile(file, now);
            return new ReadResult.Read(feed.title(), feed.stories(), null, stamp, feed.warning());
        } catch (FeedException e) {
            return new ReadResult.Failed(e.getMessage());
        }
    }
}
