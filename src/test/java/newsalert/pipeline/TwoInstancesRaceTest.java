package newsalert.pipeline;

import static newsalert.pipeline.WireReads.ASSESSOR;
import static newsalert.pipeline.WireReads.GROUP;
import static newsalert.pipeline.WireReads.SETTINGS;
import static newsalert.pipeline.WireReads.T0;
import static newsalert.pipeline.WireReads.feed;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import newsalert.event.EventSettings;
import newsalert.store.FeedWrite;
import newsalert.store.LockedStories;
import newsalert.store.NewsStore;
import newsalert.store.OutboxItem;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Topic;
import newsalert.subscription.Subscription;
import newsalert.testing.MutableClock;
import newsalert.testing.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14 must-fix step 2 (a): the race between one instance's catch-up with the others' stories and the commit of
 * its decision. Two instances, each with its own store handle (as two processes have) and event memory: instance
 * two reads outlet B's report of a strike up to its decision (before the fix its catch-up was done by then); then
 * instance one stores outlet A's report of the same strike and commits; then two decides. The catch-up and the
 * decision now run in one transaction under the store's story lock ({@link NewsStore#applyDecided}), so instance
 * two sees one's story: the event alerts once. Driven by latches, on SQLite and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class TwoInstancesRaceTest {
    @Parameter
    StoreKind kind;

    /** A hang guard only: each wait ends at its event. */
    private static final long HANG_GUARD_S = 120;

    @TempDir
    Path dir;

    private final WireReads wire = new WireReads();
    private final MutableClock clock = wire.clock;
    private final Map<String, ReadResult> next = wire.next;
    private final FeedReader reader = wire;

    private void serve(String letter, String... guids) throws Exception {
        wire.serve(letter, guids);
    }

    /**
     * The store, with {@code around} wrapped around each {@link NewsStore#applyDecided} (given the real call as a
     * function of the decision).
     */
    private static NewsStore hooked(NewsStore real, Around around) {
        return (NewsStore) Proxy.newProxyInstance(NewsStore.class.getClassLoader(), new Class<?>[] {NewsStore.class},
                (proxy, method, args) -> {
                    try {
                        if (method.getName().equals("applyDecided")) {
                            @SuppressWarnings("unchecked")
                            Function<LockedStories, FeedWrite> decision = (Function<LockedStories, FeedWrite>) args[1];
                            return around.apply(decision, d -> real.applyDecided((String) args[0], d));
                        }
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @FunctionalInterface
    interface Around {
        FeedWrite.Applied apply(Function<LockedStories, FeedWrite> decision,
                                Function<Function<LockedStories, FeedWrite>, FeedWrite.Applied> real) throws Exception;
    }

    /**
     * Runs the race: instance two reads fx-b-1 and gets as far as its decision (its prior state read, its entries
     * assessed: where, before the lock, its catch-up was done), then instance one reads fx-a-1 (same strike),
     * decides and commits, then {@code betweenCommits} runs, then two decides.
     */
    private void race(NewsStore storeOne, NewsStore storeTwo, int minOutlets, Runnable betweenCommits)
            throws Exception {
        CountDownLatch twoArrived = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> twoFailed = new AtomicReference<>();
        Poller one = new Poller(storeOne, reader, ASSESSOR::assess, SETTINGS, clock, routing(storeOne),
                new EventTracker(EventSettings.defaults(), minOutlets));
        boolean[] holdTwo = {false};
        Poller two = new Poller(hooked(storeTwo, (decision, real) -> {
            if (holdTwo[0]) {
                twoArrived.countDown();
                assertThat(go.await(HANG_GUARD_S, TimeUnit.SECONDS)).isTrue();
            }
            return real.apply(decision);
        }), reader, ASSESSOR::assess, SETTINGS, clock, routing(storeTwo),
                new EventTracker(EventSettings.defaults(), minOutlets));
        Thread twoThread = new Thread(() -> {
            try {
                two.pollAll(List.of(feed("b")));
            } catch (Throwable e) {
                twoFailed.set(e);
            }
        }, "instance-two");
        try {
            // both instances running: first polls (empty feeds), one feed each
            next.put(feed("a").url(), new ReadResult.Read("Wire a", List.of(), null, null));
            next.put(feed("b").url(), new ReadResult.Read("Wire b", List.of(), null, null));
            one.pollAll(List.of(feed("a")));
            two.pollAll(List.of(feed("b")));

            clock.set(Instant.parse("2026-03-03T10:05:00Z"));
            serve("a", "fx-a-1");
            serve("b", "fx-b-1");
            holdTwo[0] = true;
            twoThread.start();
            assertThat(twoArrived.await(HANG_GUARD_S, TimeUnit.SECONDS)).isTrue();
            one.pollAll(List.of(feed("a")));
            betweenCommits.run();
            go.countDown();
            twoThread.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_S));
            assertThat(twoThread.isAlive()).isFalse();
            assertThat(twoFailed.get()).isNull();
        } finally {
            go.countDown();
            one.close();
            two.close();
        }
    }

    private Routing routing(NewsStore store) {
        JdbcNewsStore jdbc = (JdbcNewsStore) store;
        return new Routing(jdbc.subscriptions(), jdbc.chatFeeds(), reader);
    }

    @Test
    void aStoryOfTheSameEventCommittedDuringTheOthersDecisionIsAnEditNotASecondAlert() throws Exception {
        try (JdbcNewsStore storeOne = JdbcNewsStore.open(kind.url(dir));
             JdbcNewsStore storeTwo = JdbcNewsStore.open(kind.url(dir))) {
            SubscriptionStore subs = storeOne.subscriptions();
            subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            race(storeOne, storeTwo, 1, () -> {
                // one's alert went out before two decides: two's story of the same strike edits it
                List<OutboxItem> sends = subs.pendingOutbox(GROUP, 20);
                assertThat(sends).extracting(r -> r.kind() + " " + r.story().id()).containsExactly("SEND fx-a-1");
                assertThat(subs.markSent(sends.get(0).id(), "m-1", clock.instant())).isTrue();
            });
            assertThat(subs.pendingOutbox(GROUP, 20)).extracting(r -> r.kind() + " " + r.story().id())
                    .as("one SEND (sent), one EDIT of it; no SEND of fx-b-1").containsExactly("EDIT fx-a-1");
            assertThat(storeOne.alertedEvents()).hasSize(1);
        }
    }

    @Test
    void withMinOutletsTwoTheSecondOutletReadDuringTheFirstsDecisionAlertsOnce() throws Exception {
        try (JdbcNewsStore storeOne = JdbcNewsStore.open(kind.url(dir));
             JdbcNewsStore storeTwo = JdbcNewsStore.open(kind.url(dir))) {
            SubscriptionStore subs = storeOne.subscriptions();
            subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            race(storeOne, storeTwo, 2, () -> assertThat(subs.pendingOutbox(GROUP, 20))
                    .as("one outlet so far: held").isEmpty());
            assertThat(subs.pendingOutbox(GROUP, 20)).extracting(r -> r.kind() + " " + r.story().id())
                    .as("the second outlet's story alerts the event, once").containsExactly("SEND fx-b-1");
            assertThat(storeOne.alertedEvents()).hasSize(1);
        }
    }
}
