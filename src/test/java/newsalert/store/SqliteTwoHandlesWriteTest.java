package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.KeywordRule;
import newsalert.subscription.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 (tester17c): two store handles on one SQLite file, as two instances sharing it have — each with its own
 * pool and its own in-process writer lock, so only SQLite's file lock orders them. A read-then-write transaction
 * ({@code addChatFeed(feed, max)} counting the chat's feeds, keyword add/remove) takes the write lock before it
 * reads; before, one that read first failed at once with "database is locked" when the other handle committed in
 * between (89 of 200 adds).
 */
class SqliteTwoHandlesWriteTest {
    private static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");
    private static final String CHAT = "-1001000000401";

    @TempDir
    Path dir;

    @Test
    void concurrentCappedAddsFromTwoHandlesNeverFailAndStopAtTheCap() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("shared.db");
        try (JdbcNewsStore a = JdbcNewsStore.open(url); JdbcNewsStore b = JdbcNewsStore.open(url)) {
            for (int i = 0; i < 15; i++) {
                a.chatFeeds().addChatFeed(feed(CHAT, "https://before" + i + ".example.org/rss"), 20);
            }
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            List<ChatFeedStore.Added> outcomes = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> writers = new ArrayList<>();
                List<JdbcNewsStore> handles = List.of(a, b, a, b);
                for (int w = 0; w < handles.size(); w++) {
                    JdbcNewsStore s = handles.get(w);
                    // two writers on the capped chat, two on other chats: every one of them writes the same file
                    String chat = w < 2 ? CHAT : "-100100000050" + w;
                    int writer = w;
                    writers.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < 50; i++) {
                            try {
                                ChatFeedStore.Added added = s.chatFeeds().addChatFeed(feed(chat,
                                        "https://w" + writer + "n" + i + ".example.org/rss"), 20);
                                if (chat.equals(CHAT)) {
                                    outcomes.add(added);
                                }
                                s.subscriptions().addKeywordRule(new KeywordRule(Platform.TELEGRAM, chat,
                                        "harbour" + writer + "x" + i, KeywordRule.Kind.INCLUDE, "42", AT));
                            } catch (RuntimeException e) {
                                failures.add(e.toString());
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : writers) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(failures).isEmpty();
            assertThat(a.chatFeeds().chatFeeds(Platform.TELEGRAM, CHAT)).hasSize(20);
            assertThat(outcomes).filteredOn(o -> o == ChatFeedStore.Added.ADDED).hasSize(5);
            assertThat(outcomes).filteredOn(o -> o == ChatFeedStore.Added.FULL).hasSize(95);
            assertThat(b.chatFeeds().chatFeeds(Platform.TELEGRAM, "-1001000000502")).hasSize(20);
        }
    }

    private static ChatFeed feed(String chat, String url) {
        return new ChatFeed(Platform.TELEGRAM, chat, url, "42", AT);
    }
}
