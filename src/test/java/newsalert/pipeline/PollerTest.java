package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.store.FeedWrite;
import newsalert.store.NewsStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.testing.ConsoleRows;
import newsalert.testing.MutableClock;
import newsalert.testing.LogCapture;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PollerTest {
    /** The failing feeds these tests poll on purpose log WARN lines: captured, off the console. */
    @RegisterExtension
    final LogCapture.PerTest pollerLog = LogCapture.perTest(Poller.class);

    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(30));
    private static final FeedConfig FEED = new FeedConfig("http://127.0.0.1/feed.xml", "Local Wire", null);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedReader reader = new ScriptedReader();
    private NewsStore store;

    @BeforeEach
    void open() {
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("p.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Poller poller() {
        return new Poller(store, reader, PollerTest::assess, SETTINGS, clock);
    }

    /** @return the global alerts queued for the console, as "story id|source" */
    private List<String> queued() {
        return ConsoleRows.pending(store).stream().map(o -> o.story().id() + "|" + o.story().source()).toList();
    }

    /** Stories whose title starts with "Strike" are alerts. */
    private static Assessment assess(Story s) {
        return s.title().startsWith("Strike") ? Stories.attack(true) : Stories.nothing();
    }

    @Test
    void firstPollRecordsWithoutAlertingThenNewStoryAlertsOnce() {
        Story old = Stories.story("old", "Strike from yesterday's news", T0.minusSeconds(600));
        Story fresh = Stories.story("new", "Strike on a market kills 12", T0.plusSeconds(200));
        reader.next(read(old));
        assertThat(poller().pollDue(List.of(FEED))).isZero();
        assertThat(queued()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        reader.next(read(old, fresh));
        assertThat(poller().pollDue(List.of(FEED))).isEqualTo(1);
        assertThat(queued()).containsExactly("new|Local Wire");

        clock.advance(Duration.ofMinutes(5));
        reader.next(read(old, fresh));
        assertThat(poller().pollDue(List.of(FEED))).isZero();
        assertThat(queued()).containsExactly("new|Local Wire");
        assertThat(reader.calls).isEqualTo(3);
    }

    @Test
    void feedIsNotReadBeforeItsIntervalAndEtagIsSentBack() {
        reader.next(new ReadResult.Read("T", List.of(), "\"v1\"", "Mon, 01 Jan 2024 00:00:00 GMT"));
        poller().pollDue(List.of(FEED));
        clock.advance(Duration.ofMinutes(4));
        poller().pollDue(List.of(FEED));
        assertThat(reader.calls).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        reader.next(new ReadResult.NotModified());
        poller().pollDue(List.of(FEED));
        assertThat(reader.calls).isEqualTo(2);
        assertThat(reader.lastEtag).isEqualTo("\"v1\"");
        assertThat(reader.lastModified).isEqualTo("Mon, 01 Jan 2024 00:00:00 GMT");
        assertThat(store.feedState(FEED.url()).orElseThrow().nextPollAt()).isEqualTo(clock.instant().plus(
                Duration.ofMinutes(5)));
    }

    @Test
    void failuresBackOffDoublingUpToTheCapAndSuccessResets() {
        Poller p = poller();
        Duration[] expected = {Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
            Duration.ofMinutes(30), Duration.ofMinutes(30)};
        for (int i = 0; i < expected.length; i++) {
            reader.next(new ReadResult.Failed("HTTP 503"));
            p.pollDue(List.of(FEED));
            var state = store.feedState(FEED.url()).orElseThrow();
            assertThat(state.failures()).isEqualTo(i + 1);
            assertThat(state.lastError()).isEqualTo("HTTP 503");
            assertThat(Duration.between(clock.instant(), state.nextPollAt())).isEqualTo(expected[i]);
            clock.advance(expected[i]);
        }
        reader.next(read());
        p.pollDue(List.of(FEED));
        assertThat(store.feedState(FEED.url()).orElseThrow().failures()).isZero();
    }

    @Test
    void storiesOlderThanMaxAgeAreNeverAlerted() {
        reader.next(read());
        poller().pollDue(List.of(FEED));
        clock.advance(Duration.ofMinutes(5));
        reader.next(read(Stories.story("stale", "Strike two days ago", T0.minus(Duration.ofHours(48)))));
        assertThat(poller().pollDue(List.of(FEED))).isZero();
        assertThat(queued()).isEmpty();
    }

    @Test
    void undatedStoryUsesFirstSeenTimeAndIsAlerted() {
        reader.next(read());
        poller().pollDue(List.of(FEED));
        clock.advance(Duration.ofMinutes(5));
        reader.next(read(new Story("undated", "", "Strike with no date", null, null, "")));
        assertThat(poller().pollDue(List.of(FEED))).isEqualTo(1);
        assertThat(queued()).containsExactly("undated|Local Wire");
    }

    @Test
    void alertsAreQueuedForTheConsoleInTheirOrderAndThePollerPrintsNothing() {
        reader.next(read());
        poller().pollDue(List.of(FEED));
        clock.advance(Duration.ofMinutes(5));
        reader.next(read(Stories.story("s1", "Strike one", T0), Stories.story("s2", "Strike two", T0)));
        assertThat(poller().pollDue(List.of(FEED))).isEqualTo(2);
        // the delivery loop sends them, on its own schedule; the poll cycle only stores
        assertThat(ConsoleRows.pending(store)).extracting(o -> o.story().id() + "@" + o.createdAt())
                .containsExactly("s1@" + clock.instant(), "s2@" + clock.instant());
    }

    @Test
    void restartDoesNotAlertAgain() {
        reader.next(read());
        poller().pollDue(List.of(FEED));
        clock.advance(Duration.ofMinutes(5));
        Story s = Stories.story("s1", "Strike one", T0);
        reader.next(read(s));
        poller().pollDue(List.of(FEED));
        store.close();
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("p.db"));
        clock.advance(Duration.ofMinutes(5));
        reader.next(read(s));
        assertThat(poller().pollDue(List.of(FEED))).isZero();
        assertThat(queued()).containsExactly("s1|Local Wire");
    }

    @Test
    void aReaderThatThrowsDoesNotStopTheOtherFeeds() {
        FeedConfig bad = new FeedConfig("http://127.0.0.1/bad.xml", null, null);
        FeedReader throwing = (loc, e, l, now) -> {
            if (loc.contains("bad")) {
                throw new IllegalStateException("boom");
            }
            return read();
        };
        Poller p = new Poller(store, throwing, PollerTest::assess, SETTINGS, clock);
        try (LogCapture log = LogCapture.of(Poller.class)) {
            p.pollDue(List.of(bad, FEED));
            // a feed without a configured name is named by its URL alone; the exception goes to the log only
            assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN")).singleElement().asString()
                    .startsWith("WARN feed http://127.0.0.1/bad.xml: internal error");
        }
        // lastError is shown to users (feeds list): plain words, no exception text
        assertThat(store.feedState(bad.url()).orElseThrow().lastError())
                .isEqualTo("internal error while reading the feed (details are in the log)");
        assertThat(store.feedState(FEED.url()).orElseThrow().firstPollAt()).isEqualTo(T0);
    }

    @Test
    void stopRequestEndsTheCycleBeforeTheNextFeedIsStored() {
        reader.next(read());
        reader.next(read());
        FeedConfig other = new FeedConfig("other", null, null);
        // feeds are read side by side; a stop ends the cycle before the next read result is stored
        poller().pollDue(List.of(FEED, other),
                () -> store.feedState(FEED.url()).isPresent() || store.feedState(other.url()).isPresent());
        assertThat(store.feedState(FEED.url()).isPresent() ^ store.feedState(other.url()).isPresent()).isTrue();
    }

    @Test
    void aSlowFeedDoesNotHoldBackTheStoringOfAnother() throws Exception {
        java.util.concurrent.CountDownLatch slowMayAnswer = new java.util.concurrent.CountDownLatch(1);
        FeedConfig slow = new FeedConfig("http://127.0.0.1/slow.xml", null, null);
        FeedReader readers = (url, etag, lastModified, now) -> {
            if (url.equals(slow.url())) {
                try {
                    slowMayAnswer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return read(Stories.story(url, "Calm day", T0));
        };
        // the fast feed's apply (its entries and state, one transaction) counts the latch down once it returned
        java.util.concurrent.CountDownLatch fastStored = new java.util.concurrent.CountDownLatch(1);
        NewsStore watched = (NewsStore) java.lang.reflect.Proxy.newProxyInstance(NewsStore.class.getClassLoader(),
                new Class<?>[] {NewsStore.class}, (proxy, method, args) -> {
                    Object out;
                    try {
                        out = method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("apply") && ((FeedWrite) args[0]).feedUrl().equals(FEED.url())) {
                        fastStored.countDown();
                    }
                    return out;
                });
        Poller p = new Poller(watched, readers, PollerTest::assess, SETTINGS, clock);
        var cycle = java.util.concurrent.CompletableFuture.supplyAsync(() -> p.pollDue(List.of(slow, FEED)));

        // the fast feed is stored while the slow one is still being read (the slow one cannot be stored before
        // the latch below opens); the 60 s bound only stops a hang
        assertThat(fastStored.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(store.feedState(FEED.url())).isPresent();
        assertThat(store.feedState(slow.url())).isEmpty();
        slowMayAnswer.countDown();
        cycle.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(store.feedState(slow.url())).isPresent();
        p.close();
    }

    @Test
    void quietCyclesAreLoggedAtInfoOnlyOnceAnHourButEveryCycleThatBroughtSomethingIs() {
        Poller p = poller();
        reader.next(read(Stories.story("a", "Talks resume", T0.minusSeconds(60))));
        p.pollDue(List.of(FEED)); // first poll: 1 new entry -> INFO
        for (int i = 0; i < 4; i++) { // four quiet cycles within the hour: the first at INFO, three at DEBUG
            clock.advance(Duration.ofMinutes(5));
            reader.next(new ReadResult.NotModified());
            p.pollDue(List.of(FEED));
        }
        clock.advance(Duration.ofMinutes(5));
        reader.next(read(Stories.story("a", "Talks resume", T0.minusSeconds(60)),
                Stories.story("b", "Envoys meet", T0.plusSeconds(1500))));
        p.pollDue(List.of(FEED)); // a new entry: INFO whatever the hour
        clock.advance(Duration.ofMinutes(60));
        reader.next(new ReadResult.NotModified());
        p.pollDue(List.of(FEED)); // an hour after the last quiet INFO line: INFO again
        assertThat(pollerLog.capture().lines()).filteredOn(l -> l.startsWith("INFO poll cycle"))
                .extracting(l -> l.replaceAll(", [0-9.]+ s$", ""))
                .containsExactly("INFO poll cycle: 1 feeds, 0 not modified, 0 errors, 1 new entries, 0 alerts",
                        "INFO poll cycle: 1 feeds, 1 not modified, 0 errors, 0 new entries, 0 alerts",
                        "INFO poll cycle: 1 feeds, 0 not modified, 0 errors, 1 new entries, 0 alerts",
                        "INFO poll cycle: 1 feeds, 1 not modified, 0 errors, 0 new entries, 0 alerts");
        p.close();
    }

    private static ReadResult.Read read(Story... stories) {
        return new ReadResult.Read("Feed Title", List.of(stories), null, null);
    }

    /** Returns queued results in order, recording what it was asked. */
    private static final class ScriptedReader implements FeedReader {
        private final Deque<ReadResult> queue = new ArrayDeque<>();
        int calls;
        String lastEtag;
        String lastModified;

        void next(ReadResult r) {
            queue.add(r);
        }

        @Override
        public synchronized ReadResult read(String location, String etag, String lastModified, Instant now) {
            calls++;
            this.lastEtag = etag;
            this.lastModified = lastModified;
            return queue.isEmpty() ? new ReadResult.Failed("no scripted result") : queue.poll();
        }
    }
}
