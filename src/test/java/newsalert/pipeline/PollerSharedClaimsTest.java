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

    @Test
    void aReadLongerThanTheClaimTimeKeepsItsFeedWhileTheClaimIsRenewed() throws Exception {
        List<FeedConfig> feeds = feeds(1);
        Duration ttl = Poller.Claims.RENEWED_TTL;
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        JdbcNewsStore storeA = JdbcNewsStore.open(kind.url(dir));
        open.add(storeA);
        ExecutorService readersA = Poller.Reads.threads(1);
        open.add(readersA::shutdownNow);
        FeedReader slow = (url, etag, lastModified, now) -> {
            reading.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return countingReader().read(url, etag, lastModified, now);
        };
        Poller a = new Poller(storeA, slow, s -> Stories.nothing(), SETTINGS, clock, null, null, Metrics.NOOP, -1,
                new Poller.Reads(readersA, 1), () -> { }, new Poller.Claims("instance-a", ttl));
        open.add(a);
        Poller b = poller("instance-b");

        CompletableFuture<Integer> cycleA = CompletableFuture.supplyAsync(() -> a.pollDue(feeds), cycles);
        assertThat(reading.await(60, TimeUnit.SECONDS)).isTrue();
        // A's read hangs for 50 s (of the test's clock), renewing every 10 s as run does
        for (int i = 0; i < 5; i++) {
            clock.advance(Poller.Claims.RENEW_EVERY);
            assertThat(a.renewClaims()).isEqualTo(1);
        }
        b.pollDue(feeds);
        assertThat(reads).isEmpty();
        assertThat(b.nextDue(feeds)).isEqualTo(T0.plusSeconds(50).plus(ttl));

        finish.countDown();
        cycleA.get(60, TimeUnit.SECONDS);
        assertThat(reads).containsOnly(Map.entry(feeds.get(0).url(), 1));
        // the stored read released the claim: nothing is left to renew
        assertThat(a.renewClaims()).isZero();
    }

    @Test
    void aKilledInstancesFeedIsReadByAnotherOnceItsRenewedClaimTimeHasPassed() {
        List<FeedConfig> feeds = feeds(1);
        Duration ttl = Poller.Claims.RENEWED_TTL;
        NewsStore killed = JdbcNewsStore.open(kind.url(dir));
        open.add(killed);
        assertThat(killed.claimFeeds(List.of(feeds.get(0).url()), "killed", T0, ttl, false).claimed()).hasSize(1);
        assertThat(killed.renewFeedClaims("killed", T0.plusSeconds(10), ttl)).isEqualTo(1);
        // killed with SIGKILL at T0 + 15 s: no renewal after the one at T0 + 10 s
        Poller live = poller("instance-live");
        clock.advance(Duration.ofSeconds(39));
        live.pollDue(feeds);
        assertThat(reads).isEmpty();
        assertThat(live.nextDue(feeds)).isEqualTo(T0.plusSeconds(40));
        clock.advance(Duration.ofSeconds(1));
        live.pollDue(feeds);
        assertThat(reads).containsOnly(Map.entry(feeds.get(0).url(), 1));
    }
}
