package newsalert.feed;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLException;
import newsalert.feed.FetchResult.Failed;
import newsalert.feed.FetchResult.Failure;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Downloads feeds over HTTP(S) with OkHttp. Thread-safe; share one instance.
 *
 * <p>Behaviour: a conditional GET ({@code If-None-Match} / {@code If-Modified-Since} from the
 * request); transparent gzip; redirects followed here, not by OkHttp, at most
 * {@link FetchSettings#maxRedirects()} times and only to http/https; the body read in chunks and
 * abandoned as soon as it passes {@link FetchSettings#maxBodyBytes()} (a {@code Content-Length}
 * over the cap fails before reading). No cookies, no cache.
 */
public final class FeedFetcher {
    private static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
                    + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    private final FetchSettings settings;
    private final OkHttpClient client;
    private final Set<Call> active = ConcurrentHashMap.newKeySet();

    /** A fetcher with its own HTTP client configured from {@code settings}. */
    public FeedFetcher(FetchSettings settings) {
        this(settings, Dns.SYSTEM);
    }


    /**
     * A fetcher whose host names are resolved by {@code dns} — for every request and every redirect hop, so
     * a {@link Dns} that refuses some addresses guards the whole fetch of host names (not of IP literals:
     * use {@link #guarded} for that).
     *
     * @param dns the resolver; its {@link java.net.UnknownHostException} becomes a failed fetch
     */
    public FeedFetcher(FetchSettings settings, Dns dns) {
        this(settings, dns, SocketFactory.getDefault(), null);
    }

    /**
     * A fetcher for feeds that chat users add: {@code guard} checks each DNS answer of {@code resolver} and,
     * as the enforcement, the address of every socket connect (first request, each redirect hop, IP
     * literals, re-resolved names); no proxy is used, so the address checked is the one connected to.
     *
     * @param resolver the resolver ({@link Dns#SYSTEM} in production)
     * @param guard    the address rule's checks
     * @return the fetcher; a refused address is a {@link Failure#NETWORK} failure whose reason says why
     */
    public static FeedFetcher guarded(FetchSettings settings, Dns resolver, AddressGuard guard) {
        return new FeedFetcher(settings, guard.dns(resolver), guard.socketFactory(), Proxy.NO_PROXY);
    }

    private FeedFetcher(FetchSettings settings, Dns dns, SocketFactory sockets, Proxy proxy) {
        this.settings = settings;
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .dns(dns)
                .socketFactory(sockets)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(true);
        if (proxy != null) {
            b.proxy(proxy);
        }
        this.client = b.build();
    }

    /**
     * Fetches {@code req.url()}.
     *
     * @return {@link FetchResult.Ok}, {@link FetchResult.NotModified} or {@link FetchResult.Failed}; never throws
     */
    public FetchResult fetch(FeedRequest req) {
        return fetch(req, settings.totalTimeout());
    }

    /**
     * As {@link #fetch(FeedRequest)}, within at most {@code limit} in all (redirects and body included) — a caller
     * with a deadline of its own, such as {@link FeedDiscovery}, gives the time it has left.
     *
     * @param limit the most time for the whole fetch; {@code fetch.total-timeout} still applies when shorter
     * @return as {@link #fetch(FeedRequest)}; a fetch past the limit is a {@link Failure#TIMEOUT} failure
     */
    public FetchResult fetch(FeedRequest req, java.time.Duration limit) {
        HttpUrl url = HttpUrl.parse(req.url().trim());
        if (url == null) {
            return new Failed(Failure.BAD_URL, 0, "not an http(s) URL: " + req.url());
        }
        java.time.Duration bound = limit.compareTo(settings.totalTimeout()) < 0 ? limit : settings.totalTimeout();
        long deadline = System.nanoTime() + bound.toNanos();
        for (int hop = 0; ; hop++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Failed(Failure.TIMEOUT, 0, "timeout fetching " + url.host() + " (over "
                        + Math.max(1, bound.toSeconds()) + " s in all)");
            }
            Request.Builder rb = new Request.Builder().url(url)
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", ACCEPT);
            if (req.etag() != null && !req.etag().isBlank()) {
                rb.header("If-None-Match", req.etag());
            }
            if (req.lastModified() != null && !req.lastModified().isBlank()) {
                rb.header("If-Modified-Since", req.lastModified());
            }
            Call call = client.newCall(rb.build());
            call.timeout().timeout(left, TimeUnit.NANOSECONDS);
            active.add(call);
            try (Response resp = call.execute()) {
                int code = resp.code();
                if (resp.isRedirect()) {
                    String location = resp.header("Location");
                    if (location == null) {
                        return new Failed(Failure.HTTP_STATUS, code, "HTTP " + code + " redirect without a Location");
                    }
                    HttpUrl next = url.resolve(location);
                    if (next == null) {
                        return new Failed(Failure.BAD_URL, 0, redirectRefused(location));
                    }
                    if (hop >= settings.maxRedirects()) {
                        return new Failed(Failure.TOO_MANY_REDIRECTS, 0,
                                "too many redirects (more than " + settings.maxRedirects() + ")");
                    }
                    url = next;
                    continue;
                }
                if (code == 304) {
                    return new FetchResult.NotModified(url.toString());
                }
                if (code < 200 || code > 299) {
                    return HttpRefusals.describe(resp);
                }
                return readBody(resp, url);
            } catch (IOException e) {
                return describe(e, url);
            } catch (RuntimeException e) {
                return new Failed(Failure.NETWORK, 0, NetworkErrors.internal(url, e));
            } finally {
                active.remove(call);
            }
        }
    }

    /**
     * The reason for a redirect to something that is not an http(s) address, in our own words: the server's
     * Location text is never repeated (it reaches chats, and a hostile server writes whatever it likes there); only
     * a plain scheme name ({@code file}, {@code tg}) is named.
     */
    static String redirectRefused(String location) {
        java.util.regex.Matcher m = SCHEME.matcher(location.strip());
        if (!m.lookingAt()) {
            return "redirect to something that is not a web address";
        }
        String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? "redirect to a malformed web address"
                : "redirect to an address that is not http(s) (" + scheme + ":)";
    }

    private static final java.util.regex.Pattern SCHEME =
            java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]{0,15}):");

    /**
     * Aborts every fetch in progress (they return {@link Failure#NETWORK} or {@link Failure#TIMEOUT}
     * failures at once). Used on shutdown so that a slow server cannot hold the process; the fetcher
     * stays usable afterwards.
     */
    public void cancelAll() {
        // OkHttp's dispatcher forgets a synchronous call once its headers arrive, so the calls are
        // tracked here until their body has been read too.
        for (Call call : active) {
            call.cancel();
        }
    }

    private FetchResult readBody(Response resp, HttpUrl url) throws IOException {
        long max = settings.maxBodyBytes();
        ResponseBody body = resp.body();
        if (body.contentLength() > max) {
            return tooLarge();
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (source.read(buffer, 64 * 1024) != -1) {
            if (buffer.size() > max) {
                return tooLarge();
            }
        }
        return new FetchResult.Ok(buffer.readByteArray(), resp.header("Content-Type"), resp.header("ETag"),
                resp.header("Last-Modified"), url.toString());
    }

    private Failed tooLarge() {
        return new Failed(Failure.TOO_LARGE, 0, "too large: more than " + settings.maxBodyBytes() + " bytes");
    }

    private static Failed describe(IOException e, HttpUrl url) {
        AddressRefusedException refused = refusal(e);
        if (refused != null) {
            return new Failed(Failure.NETWORK, 0, refused.getMessage());
        }
        if (e instanceof UnknownHostException) {
            return new Failed(Failure.NETWORK, 0, "DNS lookup failed for " + url.host());
        }
        if (e instanceof ConnectException) {
            return new Failed(Failure.NETWORK, 0, "cannot connect to " + url.host() + ":" + url.port());
        }
        if (e instanceof InterruptedIOException) {
            return new Failed(Failure.TIMEOUT, 0, "timeout fetching " + url.host());
        }
        if (e instanceof SSLException) {
            return new Failed(Failure.NETWORK, 0, "TLS error with " + url.host() + ": " + NetworkErrors.tls(e));
        }
        return new Failed(Failure.NETWORK, 0, "I/O error fetching " + url.host() + ": " + NetworkErrors.io(e));
    }

    /** @return the address refusal behind {@code e} (itself, a cause or a suppressed failure), or null */
    private static AddressRefusedException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AddressRefusedException r) {
                return r;
            }
            for (Throwable s : t.getSuppressed()) {
                AddressRefusedException r = refusal(s);
                if (r != null) {
                    return r;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
