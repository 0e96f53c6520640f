package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.store.FeedState;
import newsalert.store.NewsStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.testing.ConsoleRows;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the poller reads what the store knows once per feed read, writes the read in one transaction, skips
 * entries republished unchanged before analysis, and batches the states of feeds that answered 304.
 */
class PollerOneTransactionTest {
    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(30));
    private static final FeedConfig A = new FeedConfig("http://127.0.0.1/a.xml", "Wire A", null);
    private static final FeedConfig B = new FeedConfig("http://127.0.0.1/b.xml", "Wire B", null);
    private static final FeedConfig C = new FeedConfig("http://127.0.0.1/c.xml", "Wire C", null);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final Map<String, ReadResult> next = new ConcurrentHashMap<>();
    private final FeedReader reader = (url, etag, lastModified, now) -> {
        ReadResult r = next.remove(url);
        return r == null ? new ReadResult.NotModified() : r;
    };
    private final List<String> assessed = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private JdbcNewsStore real;
    private Poller poller;

    @BeforeEach
    void open() {
        real = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("p.db"));
        poller = new Poller(counting(), reader, this::assess, SETTINGS, clock);
    }

    @AfterEach
    void close() {
        poller.close();
        real.close();
    }

    private Assessment assess(Story s) {
        assessed.add(s.id());
        return s.title().startsWith("Strike") ? Stories.attack(true) : Stories.nothing();
    }

    /** The real store, recording the names of the methods the poller calls. */
    @SuppressWarnings("unchecked")
    private NewsStore counting() {
        return (NewsStore) Proxy.newProxyInstance(NewsStore.class.getClassLoader(), new Class<?>[] {NewsStore.class},
                (proxy, method, args) -> {
                    synchronized (calls) {
                        calls.add(method.getName());
                        if (method.getName().equals("saveFeedStates")) {
                            batchSizes.add(((List<FeedState>) args[0]).size());
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static ReadResult.Read read(Story... stories) {
        return new ReadResult.Read("Feed", List.of(stories), null, null);
    }

    private static Story story(String id, String title) {
        return Stories.story(id, title, T0);
    }

    private void cycle() {
        clock.advance(Duration.ofMinutes(5));
        calls.clear();
        batchSizes.clear();
        assessed.clear();
        poller.pollDue(List.of(A, B, C));
    }

    @Test
    void entriesRepublishedUnchangedAreNotAssessedAgainAndAChangedOneIsOnce() {
        next.put(A.url(), read(story("a1", "Market reopens"), story("a2", "Talks resume")));
        poller.pollDue(List.of(A));
        assertThat(assessed).containsExactly("a1", "a2");

        next.put(A.url(), read(story("a1", "Market reopens"), story("a2", "Talks resume"),
                story("a3", "Strike on a depot")));
        cycle();
        assertThat(assessed).containsExactly("a3");
        assertThat(ConsoleRows.pendingAlerts(real)).containsExactly("a3");

        next.put(A.url(), read(story("a1", "Market reopens after repairs"), story("a2", "Talks resume"),
                story("a3", "Strike on a depot")));
        cycle();
        assertThat(assessed).containsExactly("a1");

        next.put(A.url(), read(story("a1", "Market reopens after repairs"), story("a2", "Talks resume"),
                story("a3", "Strike on a depot")));
        cycle();
        assertThat(assessed).isEmpty();
        assertThat(ConsoleRows.pendingAlerts(real)).containsExactly("a3");
    }

    @Test
    void aReadFeedIsOneReadAndOneWriteAndNotModifiedFeedsShareOneWrite() {
        next.put(A.url(), read(story("a1", "Market reopens"), story("a2", "Talks resume")));
        next.put(B.url(), read(story("b1", "Rain expected")));
        next.put(C.url(), read(story("c1", "Bridge opens")));
        poller.pollDue(List.of(A, B, C));

        next.put(A.url(), read(story("a1", "Market reopens"), story("a2", "Talks resume"),
                story("a3", "Strike on a depot")));
        cycle();

        assertThat(calls).filteredOn(c -> c.equals("priorState") || c.equals("apply")).containsExactly(
                "priorState", "apply");
        assertThat(calls).doesNotContain("recordEntry", "recordChatEntry", "reviseStory", "reviseChatStory",
                "storedAlertWorthy", "alertRevisedStory", "reviseEvent", "alertedEvents", "saveFeedState");
        assertThat(batchSizes).as("B and C answered 304: their states in one write").containsExactly(2);
        assertThat(real.feedState(B.url()).orElseThrow().lastPollAt()).isEqualTo(clock.instant());
        assertThat(real.feedState(C.url()).orElseThrow().nextPollAt()).isEqualTo(clock.instant().plus(
                SETTINGS.interval()));
    }
}
