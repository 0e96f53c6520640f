package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.event.EventSettings;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, pattern 8, through the poller as {@code run} drives it: a roadside bomb on an army convoy in Hama
 * (one feed) and, 40 minutes later, an air strike on a market in Hama (another feed) are two events, so the
 * second attack alerts on its own with its own toll and headline, rather than only editing the first alert.
 * Invented stories.
 */
class PollerSecondAttackTest {
    private static final Instant T0 = Instant.parse("2026-03-04T09:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofDays(3), Duration.ofMinutes(30));
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    private static final Assessor ASSESSOR = Assessor.create(AnalysisSettings.defaults());
    private static final FeedConfig LEVANT = new FeedConfig("http://127.0.0.1/levant.xml", null, null);
    private static final FeedConfig ORIENT = new FeedConfig("http://127.0.0.1/orient.xml", null, null);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final Map<String, ReadResult> next = new java.util.concurrent.ConcurrentHashMap<>();
    private final FeedReader reader = (url, etag, lastModified, now) -> {
        ReadResult r = next.remove(url);
        return r == null ? new ReadResult.NotModified() : r;
    };
    private JdbcNewsStore store;
    private SubscriptionStore subs;
    private Poller poller;

    @BeforeEach
    void open() {
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("second-attack.db"));
        subs = store.subscriptions();
        subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
        poller = new Poller(store, reader, ASSESSOR::assess, SETTINGS, clock,
                new Routing(subs, store.chatFeeds(), reader), new EventTracker(EventSettings.defaults(), 1));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void serve(FeedConfig feed, String title, Story... stories) {
        next.put(feed.url(), new ReadResult.Read(title, List.of(stories), null, null));
    }

    private void pollAll() {
        poller.pollAll(List.of(LEVANT, ORIENT));
    }

    private List<OutboxItem> deliver() {
        List<OutboxItem> rows = subs.pendingOutbox(GROUP, 20);
        for (OutboxItem row : rows) {
            subs.markSent(row.id(), "m" + row.id(), clock.instant());
        }
        return rows;
    }

    @Test
    void theMarketStrikeAlertsOnItsOwnAfterTheConvoyBombing() {
        serve(LEVANT, "Levant Wire");
        serve(ORIENT, "Orient Daily");
        pollAll();

        clock.set(Instant.parse("2026-03-04T10:00:00Z"));
        Story convoy = new Story("lv-1", "Levant Wire", "One soldier killed in bomb attack on army convoy in Hama",
                "https://levant.example.test/lv-1", Instant.parse("2026-03-04T09:40:00Z"),
                "HAMA — One soldier was killed and two were wounded when a roadside bomb hit an army convoy on the"
                        + " outskirts of Hama on Wednesday, the army said.");
        serve(LEVANT, "Levant Wire", convoy);
        pollAll();
        List<OutboxItem> first = deliver();
        assertThat(first).extracting(OutboxItem::kind).containsExactly(OutboxKind.SEND);
        assertThat(first.get(0).story().id()).isEqualTo("lv-1");
        assertThat(first.get(0).assessment().casualties().killed().display()).isEqualTo("1");

        clock.set(Instant.parse("2026-03-04T10:30:00Z"));
        Story market = new Story("or-1", "Orient Daily", "Warplanes strike busy market in Hama, killing 12",
                "https://orient.example.test/or-1", Instant.parse("2026-03-04T10:20:00Z"),
                "At least 12 people were killed on Wednesday when warplanes struck a crowded market in Hama,"
                        + " rescuers said.");
        serve(ORIENT, "Orient Daily", market);
        pollAll();
        List<OutboxItem> second = deliver();
        assertThat(second).extracting(OutboxItem::kind).containsExactly(OutboxKind.SEND);
        assertThat(second.get(0).story().id()).isEqualTo("or-1");
        assertThat(second.get(0).story().title()).isEqualTo("Warplanes strike busy market in Hama, killing 12");
        assertThat(second.get(0).assessment().casualties().killed().display()).isEqualTo("at least 12");
    }
}
