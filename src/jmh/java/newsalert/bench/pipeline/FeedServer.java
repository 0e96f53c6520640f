package newsalert.bench.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The benchmark's feed server: the JDK's {@code com.sun.net.httpserver} on 127.0.0.1 (an ephemeral port),
 * serving {@code GET /feed/<n>.xml} from documents rendered before each cycle opens, with ETag and
 * Last-Modified, and 304 Not Modified to a conditional GET whose {@code If-None-Match} (else
 * {@code If-Modified-Since}) matches.
 *
 * <p>It keeps a request log per cycle (requests, 304s, the first request and last response in epoch ms)
 * and the first time each item was sent in a 200 response, which is where the alert latency starts. Per feed it
 * counts the requests of each cycle and notes every request that came sooner than {@link #soonMs} after the
 * previous one for the same feed (a feed read twice within half an interval, when several instances share it).
 */
final class FeedServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService workers;
    private volatile FeedPlan plan;
    private volatile Cycle cycle;
    private AtomicLongArray firstServed;
    private int seqStride;
    private AtomicLongArray lastRequest;
    private volatile long soonMs;

    /** The request log of one cycle; counters are updated by the server threads. */
    static final class Cycle {
        final int number;
        final int version;
        final byte[][] bodies;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger notModified = new AtomicInteger();
        final AtomicInteger otherStatus = new AtomicInteger();
        final AtomicLong firstRequestMs = new AtomicLong();
        final AtomicLong lastResponseMs = new AtomicLong();
        /** Requests per feed in this cycle. */
        final AtomicIntegerArray perFeed;
        /** Requests that came sooner than the server's "soon" after the previous one for the same feed. */
        final AtomicInteger soonRepeats = new AtomicInteger();
        /** The first few of those: feed number and ms since its previous request. */
        final java.util.Queue<long[]> soonExamples = new java.util.concurrent.ConcurrentLinkedQueue<>();

        Cycle(int number, int version, byte[][] bodies) {
            this.number = number;
            this.version = version;
            this.bodies = bodies;
            this.perFeed = new AtomicIntegerArray(bodies.length);
        }

        /** @return how many feeds were requested at least twice in this cycle */
        int feedsReadTwice() {
            int n = 0;
            for (int f = 0; f < perFeed.length(); f++) {
                n += perFeed.get(f) >= 2 ? 1 : 0;
            }
            return n;
        }

        /** @return how many feeds were not requested in this cycle */
        int feedsNotRead() {
            int n = 0;
            for (int f = 0; f < perFeed.length(); f++) {
                n += perFeed.get(f) == 0 ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * Starts the server.
     *
     * @param threads server threads
     * @throws IOException when 127.0.0.1 cannot be bound
     */
    FeedServer(int threads) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-feed-server");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(workers);
        http.createContext("/feed/", this::handle);
        http.start();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    String base() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Sets the plan whose documents are served; call once, before the first cycle. */
    void plan(FeedPlan plan, int cycles) {
        this.plan = plan;
        this.seqStride = plan.maxSeq(cycles) + 1;
        this.firstServed = new AtomicLongArray(plan.feeds() * seqStride);
        this.lastRequest = new AtomicLongArray(plan.feeds());
    }

    /** Sets how soon after a feed's previous request a new one counts as a repeat (ms; 0 = never). */
    void soon(long ms) {
        this.soonMs = ms;
    }

    /**
     * Renders cycle {@code number}'s documents (reusing the previous ones when the version did not change)
     * and serves them from now on.
     *
     * @return the new cycle's request log
     */
    Cycle open(int number, java.time.Instant now) {
        int version = FeedPlan.version(number);
        Cycle before = cycle;
        byte[][] bodies;
        if (before != null && before.version == version) {
            bodies = before.bodies;
        } else {
            plan.open(version, now);
            bodies = new byte[plan.feeds()][];
            for (int f = 0; f < bodies.length; f++) {
                bodies[f] = plan.render(f, version);
            }
        }
        Cycle c = new Cycle(number, version, bodies);
        cycle = c;
        return c;
    }

    /** @return epoch ms at which item {@code seq} of feed {@code f} was first sent, or 0 */
    long firstServed(int f, int seq) {
        return f < plan.feeds() && seq < seqStride ? firstServed.get(f * seqStride + seq) : 0;
    }

    private void handle(HttpExchange ex) throws IOException {
        Cycle c = cycle;
        if (c == null) {
            ex.sendResponseHeaders(503, -1);
            ex.close();
            return;
        }
        long now = System.currentTimeMillis();
        c.firstRequestMs.compareAndSet(0, now);
        c.requests.incrementAndGet();
        try (ex) {
            int f = feedNumber(ex.getRequestURI().getPath());
            if (f < 0 || f >= plan.feeds() || !"GET".equals(ex.getRequestMethod())) {
                c.otherStatus.incrementAndGet();
                ex.sendResponseHeaders(404, -1);
                return;
            }
            c.perFeed.incrementAndGet(f);
            long before = lastRequest.getAndSet(f, now);
            if (before > 0 && soonMs > 0 && now - before < soonMs) {
                if (c.soonRepeats.incrementAndGet() <= 10) {
                    c.soonExamples.add(new long[] {f, now - before});
                }
            }
            String etag = plan.etag(f, c.version);
            String lastModified = plan.lastModified(c.version);
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Last-Modified", lastModified);
            if (notModified(ex, etag, c.version)) {
                c.notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
            } else {
                byte[] body = c.bodies[f];
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
                long sent = System.currentTimeMillis();
                for (int seq : plan.seqs(c.version)) {
                    firstServed.compareAndSet(f * seqStride + seq, 0, sent);
                }
            }
        } finally {
            c.lastResponseMs.accumulateAndGet(System.currentTimeMillis(), Math::max);
        }
    }

    private boolean notModified(HttpExchange ex, String etag, int version) {
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        if (inm != null) {
            return inm.contains(etag);
        }
        String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
        if (ims == null) {
            return false;
        }
        try {
            long since = ZonedDateTime.parse(ims, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
            return since >= plan.versionSecond(version);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static int feedNumber(String path) {
        if (!path.startsWith("/feed/") || !path.endsWith(".xml")) {
            return -1;
        }
        try {
            return Integer.parseInt(path.substring(6, path.length() - 4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
    }
}
