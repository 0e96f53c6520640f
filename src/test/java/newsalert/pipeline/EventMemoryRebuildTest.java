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
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import newsalert.event.EventSettings;
import newsalert.store.FeedWrite;
import newsalert.store.LockedStories;
import newsalert.store.NewsStore;
import newsalert.store.StoreException;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Topic;
import newsalert.subscription.Subscription;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed decision under the story lock changes the event memory before its write commits (issue 14 step 2 (a)).
 * When the write then fails, or the store runs the decision again (a PostgreSQL deadlock victim, SQLite busy),
 * the memory no longer matches the store: it is marked dirty and rebuilt from the store before the next decision.
 * Without that, the failed decision's mark "event alerted" would keep the feed's story from ever alerting.
 */
class EventMemoryRebuildTest {

    @TempDir
    Path dir;

    private final WireReads wire = new WireReads();
    private final MutableClock clock = wire.clock;
    private final Map<String, ReadResult> next = wire.next;
    private final FeedReader reader = wire;
    /** What the next {@link NewsStore#applyDecided} does instead of the real call; {@code null} for the real one. */
    private Function<Function<LockedStories, FeedWrite>, Function<LockedStories, FeedWrite>> fault;
    private JdbcNewsStore real;
    private SubscriptionStore subs;
    private EventTracker tracker;
    private Poller poller;

    private void serve(String letter, String... guids) throws Exception {
        wire.serve(letter, guids);
    }

    @BeforeEach
    void open() {
        real = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("r.db"));
        subs = real.subscriptions();
        subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
        NewsStore faulty = (NewsStore) Proxy.newProxyInstance(NewsStore.class.getClassLoader(),
                new Class<?>[] {NewsStore.class}, (proxy, method, args) -> {
                    try {
                        if (method.getName().equals("applyDecided") && fault != null) {
                            @SuppressWarnings("unchecked")
                            Function<LockedStories, FeedWrite> d = (Function<LockedStories, FeedWrite>) args[1];
                            Function<LockedStories, FeedWrite> changed = fault.apply(d);
                            fault = null;
                            return real.applyDecided((String) args[0], changed);
                        }
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        tracker = new EventTracker(EventSettings.defaults(), 1);
        poller = new Poller(faulty, reader, ASSESSOR::assess, SETTINGS, clock,
                new Routing(subs, real.chatFeeds(), reader), tracker);
        next.put(feed("a").url(), new ReadResult.Read("Wire a", List.of(), null, null));
        next.put(feed("b").url(), new ReadResult.Read("Wire b", List.of(), null, null));
        poller.pollAll(List.of(feed("a"), feed("b")));
        clock.set(Instant.parse("2026-03-03T10:05:00Z"));
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        poller.close();
        real.close();
    }

    private List<String> pending() {
        return subs.pendingOutbox(GROUP, 20).stream().map(r -> r.kind() + " " + r.story().id()).toList();
    }

    @Test
    void aDecisionWhoseWriteFailedIsForgottenAndTheFeedsNextReadAlerts() throws Exception {
        serve("a", "fx-a-1");
        fault = decision -> locked -> {
            decision.apply(locked); // the memory now holds fx-a-1 with its event alerted
            throw new StoreException("the disk is full (test)", null);
        };
        poller.pollAll(List.of(feed("a")));
        assertThat(pending()).as("nothing stored").isEmpty();
        assertThat(tracker.dirty()).isTrue();

        clock.advance(Duration.ofMinutes(10));
        serve("a", "fx-a-1");
        poller.pollAll(List.of(feed("a")));

        assertThat(pending()).as("the retried read alerts the event, once").containsExactly("SEND fx-a-1");
        assertThat(tracker.dirty()).isFalse();
        assertThat(tracker.storiesHeld()).isEqualTo(1);
        assertThat(tracker.eventOf("fx-a-1")).isNotNull();
    }

    @Test
    void aDecisionTheStoreRanTwiceIsDecidedOnAMemoryRebuiltInBetween() throws Exception {
        serve("a", "fx-a-1");
        fault = decision -> locked -> {
            decision.apply(locked); // a first run, rolled back by the store (deadlock victim, SQLITE_BUSY)
            return decision.apply(locked);
        };
        poller.pollAll(List.of(feed("a")));

        assertThat(pending()).as("the second run's write alerts the event").containsExactly("SEND fx-a-1");
        assertThat(tracker.dirty()).isFalse();
        assertThat(tracker.storiesHeld()).isEqualTo(1);

        // the memory matches the store: the same strike from another outlet joins the alerted event
        serve("b", "fx-b-1");
        poller.pollAll(List.of(feed("b")));
        // the event's view revised: an edit behind the pending send, in case it was on its way (V31)
        assertThat(pending()).containsExactly("SEND fx-a-1", "EDIT fx-a-1");
        assertThat(tracker.eventOf("fx-b-1")).isEqualTo(tracker.eventOf("fx-a-1"));
        assertThat(tracker.outletsOf("fx-b-1")).isEqualTo(2);
    }
}
