package newsalert.pipeline;

import static newsalert.pipeline.WireReads.ASSESSOR;
import static newsalert.pipeline.WireReads.GROUP;
import static newsalert.pipeline.WireReads.SETTINGS;
import static newsalert.pipeline.WireReads.T0;
import static newsalert.pipeline.WireReads.feed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import newsalert.event.EventSettings;
import newsalert.store.OutboxItem;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Topic;
import newsalert.subscription.Subscription;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (tester14's reproduction, adapted): two {@code run} instances on one store, each with its own
 * {@link EventTracker} as two processes have. Each catches up with the other's stories before a feed's decision
 * ({@link EventTracker#catchUp}), so a happening read from two feeds by two instances is one event, as with one
 * instance.
 */
class TwoInstancesOneEventTest {

    @TempDir
    Path dir;

    private final WireReads wire = new WireReads();
    private final MutableClock clock = wire.clock;
    private final Map<String, ReadResult> next = wire.next;
    private final FeedReader reader = wire;

    private void serve(String letter, String... guids) throws Exception {
        wire.serve(letter, guids);
    }

    @Test
    void oneStrikeReadByTwoInstancesAlertsOnceLikeOneInstance() throws Exception {
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("two.db"))) {
            SubscriptionStore subs = store.subscriptions();
            subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            EventTracker trackerOne = new EventTracker(EventSettings.defaults(), 1);
            EventTracker trackerTwo = new EventTracker(EventSettings.defaults(), 1);
            Poller one = new Poller(store, reader, ASSESSOR::assess, SETTINGS, clock,
                    new Routing(subs, store.chatFeeds(), reader), trackerOne);
            Poller two = new Poller(store, reader, ASSESSOR::assess, SETTINGS, clock,
                    new Routing(subs, store.chatFeeds(), reader), trackerTwo);
            next.put(feed("a").url(), new ReadResult.Read("Wire a", List.of(), null, null));
            next.put(feed("b").url(), new ReadResult.Read("Wire b", List.of(), null, null));
            one.pollAll(List.of(feed("a")));
            two.pollAll(List.of(feed("b")));

            clock.set(Instant.parse("2026-03-03T06:05:00Z"));
            serve("a", "fx-a-1");
            one.pollAll(List.of(feed("a")));
            clock.set(Instant.parse("2026-03-03T10:05:00Z"));
            serve("b", "fx-b-1");
            two.pollAll(List.of(feed("b")));

            // one instance alone gives the same: the SEND of fx-a-1 still pending, the event's view revised (its
            // send renders the revised view; was: a second SEND for fx-b-1), and an EDIT queued behind it in case
            // the send was on its way (V31; skipped without a call when the send shows the revision)
            assertThat(subs.pendingOutbox(GROUP, 20)).extracting(r -> r.kind() + " " + r.story().id())
                    .containsExactly("SEND fx-a-1", "EDIT fx-a-1");
            assertThat(trackerTwo.eventOf("fx-b-1")).as("instance two put fx-b-1 in instance one's alerted event")
                    .isEqualTo(trackerOne.eventOf("fx-a-1")).isNotNull();
            assertThat(trackerTwo.outletsOf("fx-b-1")).isEqualTo(2);
            assertThat(store.lastStorySeq()).isEqualTo(2);
            assertThat(trackerTwo.seenSeq()).as("its own fx-b-1 is read back at its next catch-up").isEqualTo(1);
        }
    }

    @Test
    void withMinOutletsTwoAStrikeReportedByTwoOutletsAlerts() throws Exception {
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("two.db"))) {
            SubscriptionStore subs = store.subscriptions();
            subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            Poller one = new Poller(store, reader, ASSESSOR::assess, SETTINGS, clock,
                    new Routing(subs, store.chatFeeds(), reader), new EventTracker(EventSettings.defaults(), 2));
            Poller two = new Poller(store, reader, ASSESSOR::assess, SETTINGS, clock,
                    new Routing(subs, store.chatFeeds(), reader), new EventTracker(EventSettings.defaults(), 2));
            // both instances running: first polls (empty feeds), one feed each
            next.put(feed("a").url(), new ReadResult.Read("Wire a", List.of(), null, null));
            next.put(feed("b").url(), new ReadResult.Read("Wire b", List.of(), null, null));
            one.pollAll(List.of(feed("a")));
            two.pollAll(List.of(feed("b")));

            // outlet A's report of the strike is read by instance one, outlet B's (same strike) by instance two
            clock.set(Instant.parse("2026-03-03T06:05:00Z"));
            serve("a", "fx-a-1");
            one.pollAll(List.of(feed("a")));
            clock.set(Instant.parse("2026-03-03T10:05:00Z"));
            serve("b", "fx-b-1");
            two.pollAll(List.of(feed("b")));

            List<OutboxItem> rows = subs.pendingOutbox(GROUP, 20);
            // one instance alone (PollerEventsTest) gives SEND fx-a-1 then an EDIT of it for fx-b-1
            assertThat(rows).extracting(r -> r.kind() + " " + r.story().id())
                    .hasSize(1);   // one alert: two outlets reported it
        }
    }

    @Test
    void controlOneInstanceWithMinOutletsTwo() throws Exception {
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("two.db"))) {
            SubscriptionStore subs = store.subscriptions();
            subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            Poller one = new Poller(store, reader, ASSESSOR::assess, SETTINGS, clock,
                    new Routing(subs, store.chatFeeds(), reader), new EventTracker(EventSettings.defaults(), 2));
            Poller two = new Poller(store, reader, ASSESSOR::assess, SETTINGS, clock,
                    new Routing(subs, store.chatFeeds(), reader), new EventTracker(EventSettings.defaults(), 2));
            // both instances running: first polls (empty feeds), one feed each
            next.put(feed("a").url(), new ReadResult.Read("Wire a", List.of(), null, null));
            next.put(feed("b").url(), new ReadResult.Read("Wire b", List.of(), null, null));
            one.pollAll(List.of(feed("a")));
            one.pollAll(List.of(feed("b")));

            // outlet A's report of the strike is read by instance one, outlet B's (same strike) by instance two
            clock.set(Instant.parse("2026-03-03T06:05:00Z"));
            serve("a", "fx-a-1");
            one.pollAll(List.of(feed("a")));
            clock.set(Instant.parse("2026-03-03T10:05:00Z"));
            serve("b", "fx-b-1");
            one.pollAll(List.of(feed("b")));

            List<OutboxItem> rows = subs.pendingOutbox(GROUP, 20);
            // one instance alone (PollerEventsTest) gives SEND fx-a-1 then an EDIT of it for fx-b-1
            assertThat(rows).extracting(r -> r.kind() + " " + r.story().id())
                    .hasSize(1);   // one alert: two outlets reported it
        }
    }
}
