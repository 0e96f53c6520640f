package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.event.EventSettings;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.testing.LogCapture;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: in {@code run}, a new story that has a topic but is not alerted gets one INFO line with its decision
 * and the deciding value (too old, joined an alerted event, below the severity cut, held by min-outlets).
 */
class PollerDecisionLogTest {
    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(30));
    private static final FeedConfig A = new FeedConfig("http://127.0.0.1/a.xml", "Wire A", null);
    private static final FeedConfig B = new FeedConfig("http://127.0.0.1/b.xml", "Wire B", null);
    private static final String STRIKE = "Missile strike kills 19 at a rail depot in Poltava";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final Map<String, List<Story>> next = new ConcurrentHashMap<>();
    private final FeedReader reader = (url, etag, lastModified, now) ->
            new ReadResult.Read("Feed", next.getOrDefault(url, List.of()), null, null);
    private JdbcNewsStore store;

    /** The test logging config logs WARN and above; these lines are INFO, as {@code run} logs them. */
    private final ch.qos.logback.classic.Logger pollerLog =
            (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Poller.class);
    private ch.qos.logback.classic.Level level;

    @BeforeEach
    void open() {
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("d.db"));
        level = pollerLog.getLevel();
        pollerLog.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void close() {
        pollerLog.setLevel(level);
        store.close();
    }

    /** "Strike…"/"Missile…" titles are attacks of severity 80; "Minor…" ones attacks of severity 30; else none. */
    private static Assessment assess(Story s) {
        if (s.title().startsWith("Minor")) {
            return new Assessment(Set.of(Topic.ATTACK), 30, List.of("attack: \"clash\""), Casualties.NONE, List.of(),
                    false);
        }
        return s.title().startsWith("Strike") || s.title().startsWith("Missile") ? Stories.attack(true)
                : Stories.nothing();
    }

    /** Polls A and B once empty (the first poll records without alerting), then once with the given entries. */
    private List<String> pollLogged(int minOutlets, boolean events, List<Story> a, List<Story> b) {
        Poller poller = new Poller(store, reader, PollerDecisionLogTest::assess, SETTINGS, clock, null,
                events ? new EventTracker(EventSettings.defaults(), minOutlets) : null, newsalert.metrics.Metrics.NOOP,
                40);
        try (poller; LogCapture log = LogCapture.of(Poller.class)) {
            next.clear();
            poller.pollAll(List.of(A, B));
            clock.advance(Duration.ofMinutes(5));
            next.put(A.url(), a);
            next.put(B.url(), b);
            poller.pollAll(List.of(A, B));
            return log.lines().stream().filter(l -> l.contains("not alerted")).toList();
        }
    }

    @Test
    void aStoryOlderThanMaxAgeSaysWhenItWasPublished() {
        Story old = Stories.story("old1", "Strike on a depot", Instant.parse("2025-08-26T09:30:00Z"));
        for (boolean events : new boolean[] {false, true}) {
            store.close();
            store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("d" + events + ".db"));
            assertThat(pollLogged(1, events, List.of(old), List.of())).containsExactly(
                    "INFO feed Wire A (http://127.0.0.1/a.xml): not alerted: \"Strike on a depot\" (old1): too old: published"
                            + " 2025-08-26T09:30:00Z, older than poll.max-age 24h");
        }
    }

    @Test
    void aStoryBelowTheCutSaysItsSeverityAndTheCut() {
        Story minor = Stories.story("m1", "Minor clash at a checkpoint", T0);
        Story none = Stories.story("n1", "Football final tonight", T0);
        Story strike = Stories.story("s1", "Strike on a bridge", T0);
        String line = "INFO feed Wire A (http://127.0.0.1/a.xml): not alerted: \"Minor clash at a checkpoint\" (m1): below the"
                + " severity cut: severity 30 < analysis.alert-severity 40";
        assertThat(pollLogged(1, false, List.of(minor, none, strike), List.of())).containsExactly(line);
        store.close();
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("e.db"));
        assertThat(pollLogged(1, true, List.of(minor, none, strike), List.of())).containsExactly(line);
    }

    @Test
    void aSecondOutletsStoryJoinsTheAlertedEventAndNamesIt() {
        Story first = Stories.story("a1", STRIKE, T0);
        Story second = Stories.story("b1", STRIKE, T0.plusSeconds(60));
        List<String> lines = pollLogged(1, true, List.of(first), List.of(second));
        String event = store.alertedEvents().keySet().iterator().next();
        // the two feeds are read side by side: whichever read is stored first alerts, the other joins
        boolean aAlerted = store.alertedEvents().get(event).equals("a1");
        String joined = aAlerted ? "Wire B (http://127.0.0.1/b.xml): not alerted: \"" + STRIKE + "\" (b1)"
                : "Wire A (http://127.0.0.1/a.xml): not alerted: \"" + STRIKE + "\" (a1)";
        assertThat(lines).containsExactly("INFO feed " + joined + ":"
                + " joined event " + event + " (\"" + STRIKE + "\"), whose alert was already queued; later stories"
                + " only edit it when the counts change");
    }

    @Test
    void anEventWithTooFewOutletsIsHeldByMinOutlets() {
        Story first = Stories.story("a1", STRIKE, T0);
        assertThat(pollLogged(2, true, List.of(first), List.of())).containsExactly(
                "INFO feed Wire A (http://127.0.0.1/a.xml): not alerted: \"" + STRIKE + "\" (a1): held by events.min-outlets:"
                        + " 1 of 2 outlets so far");
    }
}
