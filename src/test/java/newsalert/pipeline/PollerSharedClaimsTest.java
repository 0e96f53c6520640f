package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.metrics.Metrics;
import newsalert.store.NewsStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.MutableClock;
import newsalert.testing.StoreKind;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14 item 3: two pollers on one database (two store handles, two owners) read each due feed once per
 * interval between them; a feed another instance holds is left to it until its claim lapses. The clock is moved by
 * hand; the two cycles start together on a latch.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class PollerSharedClaimsTest {
    @Parameter
    StoreKind kind;

    private static final Instant T0 = Instant.parse("2026-12-07T05:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(30));
    private static final Duration TTL = Duration.ofSeconds(135);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<AutoCloseable> open = new ArrayList<>();
    private final ExecutorService cycles = Executors.newFixedThreadPool(2);
    /** Reads per feed URL, across both pollers. */
    private final Map<String, Integer> reads = new ConcurrentHashMap<>();

    @AfterEach
    void close() throws Exception {
        cycles.shutdownNow();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private static List<FeedConfig> feeds(int n) {
        List<FeedConfig> feeds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            feeds.add(new FeedConfig("http://127.0.0.1/feed/" + i + ".xml", "Wire " + i, null));
        }
        return feeds;
    }

    private FeedReader countingReader() {
        return (url, etag, lastModified, now) -> {
            reads.merge(url, 1, Integer::sum);
            String id = url.substring(url.lastIndexOf('/') + 1);
            return new ReadResult.Read("Wire", List.of(Stories.story(id, "Harvest fair opens " + id, T0)), null, null);
        };
    }

    private Poller poller(String owner) {
        JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir));
        open.add(store);
        ExecutorService readers = Poller.Reads.threads(4);
        open.add(readers::shutdownNow);
        Poller p = new Poller(store, countingReader(), s -> Stories.nothing(), SETTINGS, clock, null, null,
                Metrics.NOOP, -1, new Poller.Reads(readers, 4), () -> { }, new Poller.Claims(owner, TTL));
        open.add(p);
        return p;
    }

    /** Runs one due-cycle of each poller, started together. */
    private void bothPollDue(Poller a, Poller b, List<FeedConfig> feeds) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> await(go, a, feeds), cycles);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> await(go, b, feeds), cycles);
        go.countDown();
        first.get(120, TimeUnit.SECONDS);
        second.get(120, TimeUnit.SECONDS);
    }

    private static int await(CountDownLatch go, Poller p, List<FeedConfig> feeds) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return p.pollDue(feeds);
    }

    @Test
    void twoPollersReadEachFeedOncePerIntervalBetweenThem() throws Exception {
        List<FeedConfig> feeds = feeds(40);
        Poller a = poller("instance-a");
        Poller b = poller("instance-b");

        bothPollDue(a, b, feeds);
        assertThat(reads).hasSize(40).allSatisfy((url, n) -> assertThat(n).as(url).isEqualTo(1));
        assertThat(a.lastCycle().read() + b.lastCycle().read()).isEqualTo(40);

        // within the interval nothing is due for either
        clock.advance(Duration.ofMinutes(4));
        bothPollDue(a, b, feeds);
        assertThat(reads.values()).containsOnly(1);

        // one interval on, each feed is read once more
        clock.advance(Duration.ofMinutes(1));
        bothPollDue(a, b, feeds);
        assertThat(reads).hasSize(40).allSatisfy((url, n) -> assertThat(n).as(url).isEqualTo(2));
    }

    @Test
    void aFeedHeldByADeadInstanceIsReadAfterItsClaimLapsesAndNotBefore() {
        List<FeedConfig> feeds = feeds(3);
        NewsStore dead = JdbcNewsStore.open(kind.url(dir));
        open.add(dead);
        // another instance claimed feed 0 and died before storing its read
        assertThat(dead.claimFeeds(List.of(feeds.get(0).url()), "dead-instance", T0, TTL, false).claimed())
                .hasSize(1);
        Poller live = poller("instance-live");

        live.pollDue(feeds);
        assertThat(reads).containsOnlyKeys(feeds.get(1).url(), feeds.get(2).url());
        // the loop sleeps until the claim lapses, not in a tight loop on a feed that looks due
        assertThat(live.nextDue(feeds)).isEqualTo(T0.plus(TTL));

        clock.advance(TTL.minusMillis(1));
        live.pollDue(feeds);
        assertThat(reads).doesNotContainKey(feeds.get(0).url());

        clock.advance(Duration.ofMillis(1));
        live.pollDue(feeds);
        assertThat(reads).containsEntry(feeds.get(0).url(), 1);
        assertThat(dead.feedState(feeds.get(0).url()).orElseThrow().firstPollAt()).isEqualTo(T0.plus(TTL));
    }
}
