package newsalert.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the feed behind an address a user gives, as feed readers do: when the address serves a feed, that is
 * it; when it serves an HTML page, the page's {@code <link rel="alternate">} elements of type
 * {@code application/rss+xml}, {@code application/atom+xml} or {@code application/feed+json} (jsoup) are the
 * candidates — one is fetched and read, several are listed; a page with none is tried at the common paths
 * {@link #COMMON_PATHS} of its site, in order, and the first that serves a readable feed is taken. Every fetch
 * goes through the given {@link FeedFetcher}, so a guarded fetcher guards discovery too. The whole search has one
 * deadline, {@link #CHECK_BUDGET}: no fetch starts after it, each gets at most the time left, and an answer cut
 * short names the addresses not tried. Thread-safe.
 */
public final class FeedDiscovery {
    /** Paths tried, on the page's own scheme, host and port, when a page links to no feed. */
    public static final List<String> COMMON_PATHS = List.of("/feed", "/rss", "/atom.xml", "/index.xml");
    /** Most candidates listed from one page; the count of all a page offers is kept too ({@link #MAX_COUNTED}). */
    public static final int MAX_CANDIDATES = 10;
    /**
     * Most feed links of one page kept by discovery (a bound on the work a hostile page can cause): callers list
     * the first {@link #MAX_CANDIDATES} and say how many there are.
     */
    public static final int MAX_COUNTED = 500;
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/feed+json", "application/rdf+xml");

    /**
     * The one deadline of a whole discovery (the page, its feed link or the common paths, and the feed read):
     * no fetch starts after it, and each fetch gets at most the time left, so {@code feeds add} of a slow site
     * holds a command thread at most this long (plus connection teardown).
     */
    public static final Duration CHECK_BUDGET = Duration.ofSeconds(20);

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final LongSupplier nanoTime;
    private final Duration budget;

    /** @param fetcher every request goes through it; @param parser reads what it fetches */
    public FeedDiscovery(FeedFetcher fetcher, FeedParser parser) {
        this(fetcher, parser, System::nanoTime, CHECK_BUDGET);
    }

    /**
     * @param nanoTime a monotonic time in nanoseconds ({@code System::nanoTime}; a test drives its own)
     * @param budget   the whole discovery's time ({@link #CHECK_BUDGET} in production)
     */
    FeedDiscovery(FeedFetcher fetcher, FeedParser parser, LongSupplier nanoTime, Duration budget) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.nanoTime = nanoTime;
        this.budget = budget;
    }

    /**
     * @param url an absolute http(s) address
     * @param now the first-seen time given to the parser
     * @return what was found; never throws for network or parse failures (they are {@link Discovery.Kind#NONE})
     */
    public Discovery find(String url, Instant now) {
        long deadline = nanoTime.getAsLong() + budget.toNanos();
        FetchResult r = fetcher.fetch(new FeedRequest(url, null, null), budget);
        if (r instanceof FetchResult.Failed f) {
            return Discovery.none(f.reason());
        }
        if (!(r instanceof FetchResult.Ok ok)) {
            return Discovery.none("the server answered 304 Not Modified to a request without validators");
        }
        FeedException notFeed;
        try {
            return Discovery.feed(Discovery.Kind.FEED, url, parser.parse(ok.body(), ok.contentType(), ok.finalUrl(), now),
                    ok);
        } catch (FeedException e) {
            notFeed = e;
        }
        if (!isHtml(ok)) {
            return Discovery.none(notFeed.getMessage());
        }
        List<Discovery.Candidate> links = alternates(ok);
        if (links.size() > 1) {
            return Discovery.several(links);
        }
        if (links.size() == 1) {
            if (left(deadline) <= 0) {
                return outOfTime(List.of(links.get(0).url()));
            }
            Probe one = read(links.get(0).url(), now, deadline);
            return one.found() != null ? one.found() : Discovery.none("the page links to the feed "
                    + links.get(0).url() + ", but it is not a feed we can read: " + one.problem());
        }
        HttpUrl page = HttpUrl.parse(ok.finalUrl());
        List<String> probes = COMMON_PATHS.stream()
                .map(path -> page.newBuilder().encodedPath(path).query(null).fragment(null).build().toString())
                .toList();
        for (int i = 0; i < probes.size(); i++) {
            if (left(deadline) <= 0) {
                return outOfTime(probes.subList(i, probes.size()));
            }
            Probe found = read(probes.get(i), now, deadline);
            if (found.found() != null) {
                return found.found();
            }
        }
        return Discovery.none("it is a web page that links to no feed, and none was found at "
                + String.join(", ", COMMON_PATHS));
    }

    private long left(long deadline) {
        return deadline - nanoTime.getAsLong();
    }

    /** The search stopped at its deadline before {@code untried}: say which, and what to do. */
    private Discovery outOfTime(List<String> untried) {
        return Discovery.none("the search for the page's feed took its " + Math.max(1, budget.toSeconds())
                + " s without finding one, so " + String.join(", ", untried) + (untried.size() == 1 ? " was" : " were")
                + " not tried; try again later, or give the feed's own address");
    }

    /** A fetch of one candidate: the feed found, or why not. */
    private record Probe(Discovery found, String problem) {
    }

    private Probe read(String url, Instant now, long deadline) {
        FetchResult r = fetcher.fetch(new FeedRequest(url, null, null), Duration.ofNanos(Math.max(1, left(deadline))));
        if (r instanceof FetchResult.Ok ok) {
            try {
                return new Probe(Discovery.feed(Discovery.Kind.FOUND, url, parser.parse(ok.body(), ok.contentType(),
                        ok.finalUrl(), now), ok), null);
            } catch (FeedException e) {
                return new Probe(null, e.getMessage());
            }
        }
        return new Probe(null, r instanceof FetchResult.Failed f ? f.reason() : "no answer");
    }

    /** Most characters of the feed addresses {@link #webPageReason} lists (the stored reason has room for 1,024). */
    static final int REASON_LIST_CHARS = 600;

    /**
     * Why a body that is no feed cannot be read, when it is a web page: its feed links are named so the operator
     * can put one in the config, without fetching anything more (no common paths tried: this is for a configured
     * feed read every cycle, and nothing is added or changed).
     *
     * @param ok a fetched body that did not parse as a feed
     * @return "this is a web page, not a feed; its feeds are: a, b" (addresses cut to about {@value
     *         #REASON_LIST_CHARS} characters, then "and N more"), "this is a web page with no RSS, Atom or JSON
     *         Feed link", or empty when the body is not HTML
     */
    public static java.util.Optional<String> webPageReason(FetchResult.Ok ok) {
        if (!isHtml(ok)) {
            return java.util.Optional.empty();
        }
        List<Discovery.Candidate> links = alternates(ok);
        if (links.isEmpty()) {
            return java.util.Optional.of("this is a web page with no RSS, Atom or JSON Feed link");
        }
        StringBuilder list = new StringBuilder();
        int shown = 0;
        for (Discovery.Candidate c : links) {
            if (shown > 0 && list.length() + c.url().length() > REASON_LIST_CHARS) {
                break;
            }
            list.append(shown == 0 ? "" : ", ").append(c.url().length() > REASON_LIST_CHARS
                    ? c.url().substring(0, REASON_LIST_CHARS) + "…" : c.url());
            shown++;
        }
        if (shown < links.size()) {
            list.append(" and ").append(links.size() - shown).append(" more");
        }
        return java.util.Optional.of(PlainText.collapse("this is a web page, not a feed; its feeds are: " + list));
    }

    private static boolean isHtml(FetchResult.Ok ok) {
        String type = ok.contentType() == null ? "" : ok.contentType().toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return true;
        }
        String head = new String(ok.body(), 0, Math.min(ok.body().length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /** @return the page's feed links, absolute, http(s) only, without duplicates, at most {@link #MAX_COUNTED} */
    static List<Discovery.Candidate> alternates(FetchResult.Ok ok) {
        Document doc = Jsoup.parse(new String(ok.body(), charset(ok.contentType())), ok.finalUrl());
        Map<String, Discovery.Candidate> out = new LinkedHashMap<>();
        for (Element link : doc.select("link[rel][href][type]")) {
            boolean alternate = Set.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
            String type = link.attr("type").toLowerCase(Locale.ROOT).replaceFirst(";.*", "").strip();
            String href = Links.absolute(link.attr("href").strip(), ok.finalUrl());
            if (alternate && FEED_TYPES.contains(type) && href != null && out.size() < MAX_COUNTED) {
                out.putIfAbsent(href, new Discovery.Candidate(href, PlainText.line(link.attr("title"))));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static java.nio.charset.Charset charset(String contentType) {
        try {
            String cs = contentType == null ? null : okhttp3.MediaType.parse(contentType) == null ? null
                    : okhttp3.MediaType.parse(contentType).parameter("charset");
            return cs == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(cs);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
