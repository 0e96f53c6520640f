package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.store.NewsStore;
import newsalert.store.StoreException;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.testing.LogCapture;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import newsalert.testing.ConsoleRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that refuses writes (another process holds SQLite's lock past the busy timeout) must not stop
 * polling: tester finding — the poller's recovery write threw again and `run` died with a stack trace.
 */
class PollerStoreFailureTest {
    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(30));
    private static final FeedConfig FEED = new FeedConfig("http://127.0.0.1/feed.xml", "Local Wire", null);
    private static final Set<String> WRITES = Set.of("recordEntry", "saveFeedState", "reviseStory", "recordEntries", "apply",
            "saveFeedStates");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private JdbcNewsStore real;
    private boolean locked;

    @BeforeEach
    void open() {
        real = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("p.db"));
    }

    @AfterEach
    void close() {
        real.close();
    }

    /** The real store, except that writes fail like a locked SQLite database while {@link #locked}. */
    private NewsStore lockable() {
        return (NewsStore) Proxy.newProxyInstance(NewsStore.class.getClassLoader(), new Class<?>[] {NewsStore.class},
                (proxy, method, args) -> {
                    if (locked && WRITES.contains(method.getName())) {
                        throw new StoreException("cannot save feed state",
                                new SQLException("[SQLITE_BUSY] The database file is locked (database is locked)"));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Assessment assess(Story s) {
        return s.title().startsWith("Strike") ? Stories.attack(true) : Stories.nothing();
    }

    @Test
    void aLockedStoreCostsOneCycleAndOnePlainLineThenPollingGoesOn() {
        NewsStore store = lockable();
        Story old = Stories.story("old", "Strike from yesterday's news", T0.minusSeconds(600));
        Story fresh = Stories.story("new", "Strike on a market kills 12", T0.plusSeconds(200));
        List<ReadResult> script = new ArrayList<>(List.of(read(old), read(old, fresh), read(old, fresh)));
        FeedReader reader = (location, etag, lastModified, now) -> script.remove(0);
        Poller poller = new Poller(store, reader, PollerStoreFailureTest::assess, SETTINGS,
                clock);

        assertThat(poller.pollDue(List.of(FEED))).isZero();
        clock.advance(Duration.ofMinutes(5));
        locked = true;
        try (LogCapture log = LogCapture.of(Poller.class)) {
            assertThat(poller.pollDue(List.of(FEED))).isZero();
            assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN")).containsExactly(
                    "WARN feed Local Wire (http://127.0.0.1/feed.xml): the store did not take its entries (cannot save"
                            + " feed state: [SQLITE_BUSY] The database file is locked (database is locked)); they are"
                            + " read again next cycle",
                    "WARN feed Local Wire (http://127.0.0.1/feed.xml): its failure could not be recorded either"
                            + " (cannot save feed state: [SQLITE_BUSY] The database file is locked (database is"
                            + " locked)); it is due again next cycle");
        }
        locked = false;
        clock.advance(Duration.ofMinutes(5));

        assertThat(poller.pollDue(List.of(FEED))).isEqualTo(1);
        assertThat(ConsoleRows.pendingAlerts(real)).containsExactly("new");
        poller.close();
    }

    private static ReadResult.Read read(Story... stories) {
        return new ReadResult.Read("Feed Title", List.of(stories), null, null);
    }
}
