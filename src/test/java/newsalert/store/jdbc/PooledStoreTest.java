package newsalert.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import newsalert.store.OutboxItem;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.Stories;
import newsalert.testing.StoreKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pooled store (issue 14 item 1, issue 19 item 1): reads never wait for a write in progress; an outbox mark
 * waits at most for the one write in progress on SQLite (one writer) and for none on PostgreSQL. A write is held
 * open on a latch; the timeouts below only keep a broken store from hanging the build.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class PooledStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100200");

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void readsAndOutboxMarksGoOnWhileAnotherWriteIsOpen() throws Exception {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            store.subscriptions().saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            Story story = Stories.story("a", "Strike on a depot", T0);
            store.recordEntry("https://wire.test/rss", story, Stories.attack(true), true, T0, List.of(GROUP));
            OutboxItem row = store.subscriptions().pendingOutbox(GROUP, 10).get(0);

            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> poller = threads.submit(() -> store.db().write("a long feed write", conn -> {
                try (var st = conn.createStatement()) {
                    st.executeUpdate("INSERT INTO seen_entry (feed_url, entry_id, first_seen) VALUES"
                            + " ('https://other.test/rss', 'x', 1)");
                }
                inside.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            }));
            assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();

            // reads run beside the open write and do not see it
            assertThat(store.subscriptions().pendingOutbox(GROUP, 10)).extracting(OutboxItem::id)
                    .containsExactly(row.id());
            assertThat(store.seenCount("https://other.test/rss")).isZero();

            CompletableFuture<Boolean> mark = CompletableFuture.supplyAsync(
                    () -> store.subscriptions().markSent(row.id(), "m1", T0), threads);
            if (kind == StoreKind.POSTGRES) {
                assertThat(mark.get(60, TimeUnit.SECONDS)).as("PostgreSQL: the mark does not wait").isTrue();
                assertThat(poller.isDone()).isFalse();
            } else {
                while (!mark.isDone() && !store.db().writersWaiting()) {
                    Thread.onSpinWait();
                }
                assertThat(mark).as("SQLite: one writer, the mark waits for the write in progress").isNotDone();
            }
            release.countDown();
            assertThat(poller.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(mark.get(60, TimeUnit.SECONDS)).isTrue();
            assertThat(store.subscriptions().pendingOutbox(GROUP, 10)).isEmpty();
            assertThat(store.seenCount("https://other.test/rss")).isEqualTo(1);
        }
    }
}
