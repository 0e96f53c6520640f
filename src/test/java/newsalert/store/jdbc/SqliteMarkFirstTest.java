package newsalert.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import newsalert.store.OutboxItem;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's one writer at a time ({@link WriterGate}) with a store's real writes: the delivery worker's marks go
 * before the writes waiting. SQLite only: on PostgreSQL writes do not queue in the process ({@link PooledStoreTest}
 * shows the mark does not wait there). The writes line up one at a time by watching the gate's queue; a write is held
 * open on a latch; the timeouts only keep a broken store from hanging the build.
 */
class SqliteMarkFirstTest {
    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100200");

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /**
     * Issue 19 item 1: on SQLite an outbox mark goes before the writes waiting for the one in progress (a first poll
     * cycle's feed writes), so it waits for that one only; each queued poll write sees the row already marked. The
     * poll writes keep their own order.
     */
    @Test
    void aMarkGoesBeforeThePollWritesWaitingForTheOneInProgress() throws Exception {
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("news.db"))) {
            store.subscriptions().saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            store.recordEntry("https://wire.test/rss", Stories.story("a", "Strike on a depot", T0),
                    Stories.attack(true), true, T0, List.of(GROUP));
            OutboxItem row = store.subscriptions().pendingOutbox(GROUP, 10).get(0);

            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> inProgress = threads.submit(() -> store.db().write("the feed write in progress", conn -> {
                inside.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            }));
            assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();

            // five poll writes line up behind it, one after the other; each notes what it saw of the row
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            List<Future<Integer>> polls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                polls.add(threads.submit(() -> store.db().write("poll write " + n, conn -> {
                    try (var st = conn.prepareStatement("SELECT status FROM outbox WHERE id = ?")) {
                        st.setLong(1, row.id());
                        try (var rs = st.executeQuery()) {
                            rs.next();
                            seen.add("poll " + n + " saw " + rs.getString(1));
                        }
                    }
                    return n;
                })));
                while (store.db().writersWaitingCount() != n + 1) {
                    Thread.onSpinWait();
                }
            }
            CompletableFuture<Boolean> mark = CompletableFuture.supplyAsync(
                    () -> store.subscriptions().markSent(row.id(), "m1", T0), threads);
            while (store.db().writersWaitingCount() != 6) {
                Thread.onSpinWait();
            }
            assertThat(mark).isNotDone();

            release.countDown();
            assertThat(mark.get(60, TimeUnit.SECONDS)).isTrue();
            assertThat(inProgress.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            for (Future<Integer> p : polls) {
                p.get(60, TimeUnit.SECONDS);
            }
            assertThat(seen).containsExactly("poll 0 saw sent", "poll 1 saw sent", "poll 2 saw sent",
                    "poll 3 saw sent", "poll 4 saw sent");
        }
    }
}
