package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import newsalert.feed.FeedParser;
import newsalert.platform.discord.DiscordEmbeds;
import newsalert.platform.telegram.TelegramHtml;
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
 * Events in the poller (issue 6's fixture): three outlets report one strike on Poltava with tolls "at least 12",
 * "15" and "rose to 19", beside unrelated Poltava stories. One alert goes out, then two edits, and the edited
 * alert shows the fused count with an "Updated" line.
 */
class PollerEventsTest {
    private static final Instant T0 = Instant.parse("2026-03-03T05:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofDays(3), Duration.ofMinutes(30));
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    private static final Assessor ASSESSOR = Assessor.create(AnalysisSettings.defaults());

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
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("events.db"));
        subs = store.subscriptions();
        subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
        poller = newPoller();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Poller newPoller() {
        return newPoller(1);
    }

    private Poller newPoller(int minOutlets) {
        return new Poller(store, reader, ASSESSOR::assess, SETTINGS, clock,
                new Routing(subs, store.chatFeeds(), reader), new EventTracker(EventSettings.defaults(), minOutlets));
    }

    private static FeedConfig feed(String letter) {
        return new FeedConfig("http://127.0.0.1/wire-" + letter + ".xml", null, null);
    }

    /** Serves one fixture item (by guid) from the outlet's fixture file, as the whole feed. */
    private void serve(String letter, String... guids) throws Exception {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/event/wire-" + letter + ".xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var parsed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                feed(letter).url(), clock.instant());
        var stories = parsed.stories().stream().filter(s -> List.of(guids).contains(s.id())).toList();
        next.put(feed(letter).url(), new ReadResult.Read(parsed.title(), stories, null, null));
    }

    /** The first poll of each outlet: an empty feed, so that later entries are new and may alert. */
    private void firstPolls() {
        for (String letter : List.of("a", "b", "c")) {
            next.put(feed(letter).url(), new ReadResult.Read("Wire " + letter, List.of(), null, null));
        }
        pollAll();
    }

    private void pollAll() {
        poller.pollAll(List.of(feed("a"), feed("b"), feed("c")));
    }

    /** Marks every pending row of the group sent, as the delivery worker would. */
    private List<OutboxItem> deliver() {
        List<OutboxItem> rows = subs.pendingOutbox(GROUP, 20);
        for (OutboxItem row : rows) {
            subs.markSent(row.id(), row.kind() == OutboxKind.EDIT ? "m1" : "m" + row.id(), clock.instant());
        }
        return rows;
    }

    @Test
    void threeOutletsGiveOneAlertAndTwoEditsWithTheRisingToll() throws Exception {
        firstPolls();

        clock.set(Instant.parse("2026-03-03T06:05:00Z"));
        serve("a", "fx-a-1");
        pollAll();
        List<OutboxItem> first = deliver();
        assertThat(first).hasSize(1);
        assertThat(first.get(0).kind()).isEqualTo(OutboxKind.SEND);
        assertThat(first.get(0).story().id()).isEqualTo("fx-a-1");
        assertThat(first.get(0).assessment().casualties().killed().display()).isEqualTo("at least 12");

        clock.set(Instant.parse("2026-03-03T10:05:00Z"));
        serve("a", "fx-a-1", "fx-a-2");
        serve("b", "fx-b-1");
        pollAll();
        List<OutboxItem> second = deliver();
        assertThat(second).extracting(OutboxItem::kind).containsExactly(OutboxKind.EDIT);
        assertThat(second.get(0).assessment().casualties().killed().display()).isEqualTo("15");

        clock.set(Instant.parse("2026-03-03T14:05:00Z"));
        serve("c", "fx-c-1", "fx-c-2");
        pollAll();
        List<OutboxItem> third = deliver();
        assertThat(third).extracting(OutboxItem::kind).containsExactly(OutboxKind.EDIT);
        OutboxItem edit = third.get(0);
        assertThat(edit.story().id()).isEqualTo("fx-a-1");
        assertThat(edit.assessment().casualties().killed().display()).isEqualTo("19");
        // the view carries the revision apart from the text: each chat writes its time in its own zone
        assertThat(edit.story().update()).isEqualTo(
                new Story.Update(Instant.parse("2026-03-03T13:00:00Z"), "19 killed (was 15); 3 outlets"));
        assertThat(edit.story().body()).doesNotContain("Updated");
        assertThat(edit.story().source()).isEqualTo("Alpha Wire, Bravo News and 1 more");
        assertThat(TelegramHtml.alert(edit.story(), edit.assessment())).isEqualTo(snapshot("event-edit.html"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(DiscordEmbeds.alert(edit.story(), edit.assessment()).toData().toString()))
                .isEqualTo(json.readTree(resource("/snapshots/discord/event-edit.json")));

        // the talks and the concert are not attacks; the strike's other reports never alerted on their own
        assertThat(store.queries().delivery("fx-b-1", GROUP)).isEmpty();
        assertThat(store.queries().delivery("fx-c-1", GROUP)).isEmpty();
        // search lists the event once although three of its reports match
        assertThat(store.queries().searchTitles(GROUP, List.of("poltava"), 10)).extracting(s -> s.story().id())
                .containsOnlyOnce("fx-a-1").doesNotContain("fx-b-1", "fx-c-1");
        // why, asked about a later report, answers for the event's alert
        subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
        var registry = newsalert.command.CommandRegistry.standard(subs, store.queries(), store.chatFeeds(), null,
                null);
        String why = registry.run(new newsalert.command.CommandContext(GROUP, "7", false, clock), "why fx-c-1")
                .text();
        assertThat(why).startsWith("Story fx-c-1 is another outlet's report of the same event; that event's alert,"
                + " Story fx-a-1 \"Missile strike on Poltava military institute kills at least 12\", was sent here.");
        // the story command shows the event's facts for any of its stories
        assertThat(store.queries().story(GROUP, "fx-c-1").orElseThrow().assessment().casualties().killed().display())
                .isEqualTo("19");
    }

    @Test
    void afterARestartALaterReportEditsTheAlertInsteadOfAlertingAgain() throws Exception {
        firstPolls();
        clock.set(Instant.parse("2026-03-03T06:05:00Z"));
        serve("a", "fx-a-1");
        pollAll();
        assertThat(deliver()).hasSize(1);

        poller = newPoller();   // a new process: the event memory is rebuilt from the store
        clock.set(Instant.parse("2026-03-03T13:05:00Z"));
        serve("c", "fx-c-1");
        pollAll();

        List<OutboxItem> rows = deliver();
        // 12 to 19 is a rise of more than half: the edit comes with a follow-up reply
        assertThat(rows).extracting(OutboxItem::kind).containsExactly(OutboxKind.EDIT, OutboxKind.REPLY);
        assertThat(rows.get(0).assessment().casualties().killed().display()).isEqualTo("19");
    }

    @Test
    void withTwoOutletsRequiredTheSecondReportAlertsAndStandsForTheEvent() throws Exception {
        poller = newPoller(2);
        firstPolls();
        clock.set(Instant.parse("2026-03-03T06:05:00Z"));
        serve("a", "fx-a-1");
        pollAll();
        assertThat(subs.pendingOutbox(GROUP, 10)).isEmpty();

        clock.set(Instant.parse("2026-03-03T08:35:00Z"));
        serve("b", "fx-b-1");
        pollAll();
        List<OutboxItem> rows = deliver();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).story().id()).isEqualTo("fx-b-1");
        assertThat(rows.get(0).story().source()).isEqualTo("Alpha Wire and Bravo News");
        assertThat(rows.get(0).assessment().casualties().killed().display()).isEqualTo("15");
    }

    @Test
    void aSharpRiseInTheTollAddsAFollowUpReplyAfterTheEdit() throws Exception {
        firstPolls();
        clock.set(Instant.parse("2026-03-03T06:05:00Z"));
        serve("a", "fx-a-1");
        pollAll();
        deliver();

        clock.set(Instant.parse("2026-03-03T13:05:00Z"));
        Story risen = new Story("fx-c-9", "Charlie Post", "Poltava missile strike death toll rises to 41",
                "https://charliepost.example.test/fx-c-9", Instant.parse("2026-03-03T13:00:00Z"),
                "The death toll from Tuesday's Russian missile strike on a military institute in Poltava has risen"
                        + " to 41, governor Filip Pronin said, as rescuers cleared the rubble.");
        next.put(feed("c").url(), new ReadResult.Read("Charlie Post", List.of(risen), null, null));
        pollAll();

        List<OutboxItem> rows = subs.pendingOutbox(GROUP, 10);
        assertThat(rows).extracting(OutboxItem::kind).containsExactly(OutboxKind.EDIT, OutboxKind.REPLY);
        assertThat(rows.get(1).note()).isEqualTo("Death toll now 41 (was at least 12), 2 outlets: Missile strike on"
                + " Poltava military institute kills at least 12");
    }

    @Test
    void anEntryRepublishedAsAMajorAttackAlertsOnceItBecomesAlertWorthy() throws Exception {
        firstPolls();
        Instant published = Instant.parse("2026-03-03T06:00:00Z");
        Story quiet = new Story("z-1", "Alpha Wire", "Explosions heard in Zaporizhzhia overnight",
                "https://alphawire.example.test/z-1", published, "Residents reported explosions in Zaporizhzhia"
                        + " overnight. There was no immediate word on damage.");
        Story major = new Story("z-1", "Alpha Wire", "Russian missile strike on Zaporizhzhia kills 25",
                "https://alphawire.example.test/z-1", published, "A Russian missile strike on Zaporizhzhia"
                        + " overnight killed 25 people and injured 60, the regional governor said.");
        clock.set(Instant.parse("2026-03-03T06:05:00Z"));
        next.put(feed("a").url(), new ReadResult.Read("Alpha Wire", List.of(quiet), null, null));
        pollAll();
        assertThat(subs.pendingOutbox(GROUP, 10)).isEmpty();

        clock.set(Instant.parse("2026-03-03T06:35:00Z"));
        next.put(feed("a").url(), new ReadResult.Read("Alpha Wire", List.of(major), null, null));
        pollAll();
        List<OutboxItem> rows = deliver();
        assertThat(rows).extracting(OutboxItem::kind).containsExactly(OutboxKind.SEND);
        assertThat(rows.get(0).story().title()).isEqualTo("Russian missile strike on Zaporizhzhia kills 25");
        assertThat(rows.get(0).assessment().casualties().killed().display()).isEqualTo("25");

        clock.set(Instant.parse("2026-03-03T07:05:00Z"));
        next.put(feed("a").url(), new ReadResult.Read("Alpha Wire", List.of(major), null, null));
        pollAll();
        assertThat(subs.pendingOutbox(GROUP, 10)).isEmpty();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PollerEventsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String snapshot(String name) throws IOException {
        try (InputStream in = PollerEventsTest.class.getResourceAsStream("/snapshots/telegram/" + name)) {
            assertThat(in).as("snapshot " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        }
    }
}
