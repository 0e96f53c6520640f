package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.testing.ConsoleRows;
import newsalert.testing.LogCapture;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class JdbcNewsStoreTest {
    /** HikariCP logs ERROR when its connection check meets a file that is not a database (tested on purpose): captured. */
    @RegisterExtension
    final LogCapture.PerTest poolLog = LogCapture.perTest("com.zaxxer.hikari.pool.PoolBase");

    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("sub/folder/news.db");
    }

    @Test
    void createsFolderAndSchemaOnFirstOpen() {
        try (NewsStore store = JdbcNewsStore.open(url())) {
            assertThat(store.feedState("x")).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("sub/folder/news.db"))).isTrue();
    }

    @Test
    void feedStateRoundTrips() {
        FeedState s = new FeedState("http://127.0.0.1/f.xml", "\"abc\"", "Thu, 28 Aug 2025 14:30:00 GMT",
                T0, T0.plusSeconds(5), T0.plusSeconds(300), 2, "HTTP 503");
        try (NewsStore store = JdbcNewsStore.open(url())) {
            store.saveFeedState(s);
            store.saveFeedState(s);
        }
        try (NewsStore store = JdbcNewsStore.open(url())) {
            assertThat(store.feedState(s.url())).contains(s);
        }
    }

    @Test
    void entryIsRecordedOncePerFeedAndAlertedOncePerStory() {
        Story story = Stories.story("guid-1", "Missile strike on city kills 19", T0);
        try (NewsStore store = JdbcNewsStore.open(url())) {
            assertThat(store.recordEntry("feedA", story, Stories.attack(true), true, T0)).isTrue();
            assertThat(store.recordEntry("feedA", story, Stories.attack(true), true, T0)).isFalse();
            // the same story id from another feed is a new entry there, but no second alert
            assertThat(store.recordEntry("feedB", story, Stories.attack(true), true, T0)).isTrue();
            assertThat(store.seenCount("feedA")).isEqualTo(1);
            assertThat(ConsoleRows.pendingAlerts(store)).containsExactly("guid-1");
        }
    }

    @Test
    void pendingAlertsSurviveRestartUntilDelivered() {
        Story a = Stories.story("a", "First strike", T0);
        Story b = Stories.story("b", "Second strike", T0);
        try (NewsStore store = JdbcNewsStore.open(url())) {
            store.recordEntry("f", a, Stories.attack(true), true, T0);
            store.recordEntry("f", b, Stories.attack(true), true, T0);
        }
        try (NewsStore store = JdbcNewsStore.open(url())) {
            var pending = ConsoleRows.pending(store);
            assertThat(pending).extracting(p -> p.story().id()).containsExactly("a", "b");
            assertThat(pending.get(0).story()).isEqualTo(a);
            assertThat(pending.get(0).assessment()).isEqualTo(Stories.attack(true));
            assertThat(pending.get(0).createdAt()).isEqualTo(T0);
            ((JdbcNewsStore) store).subscriptions().markSent(pending.get(0).id(), "First strike", T0);
        }
        try (NewsStore store = JdbcNewsStore.open(url())) {
            assertThat(ConsoleRows.pendingAlerts(store)).containsExactly("b");
        }
    }

    @Test
    void unusableUrlGivesStoreException() {
        assertThatThrownBy(() -> JdbcNewsStore.open("jdbc:nosuchdb:whatever"))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot open store");
    }

    @Test
    void aStoreThatCannotBeCreatedSaysWhyAndWhatToDoWithoutLibraryText() throws Exception {
        java.nio.file.Path blocker = java.nio.file.Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        java.nio.file.Path db = blocker.resolve("x.db");
        assertThatThrownBy(() -> JdbcNewsStore.open("jdbc:sqlite:" + db))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot create the folder " + blocker + " for the store " + db + " (a file of that name is"
                        + " in the way); set store.url in the config (or NEWSALERT_STORE_URL) to a file in a folder you"
                        + " can write, e.g. jdbc:sqlite:data/newsalert.db");
        java.nio.file.Path junk = java.nio.file.Files.writeString(dir.resolve("junk.db"), "not a database at all, no");
        assertThatThrownBy(() -> JdbcNewsStore.open("jdbc:sqlite:" + junk))
                .hasMessage("the store " + junk + " is not a SQLite database; point store.url (or NEWSALERT_STORE_URL)"
                        + " at another file, or move this one away");
    }
}
