package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.testing.StoreKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ChatFeedStore#addChatFeed(ChatFeed, int)}: the per-chat cap is checked in the insert's own transaction, so
 * two writers adding to one chat at once (a {@code feeds import} beside a {@code feeds add}) never take it past the
 * cap. On SQLite and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ChatFeedAddCapStoreTest {
    private static final Instant AT = Instant.parse("2026-12-07T06:30:00Z");
    private static final String CHAT = "-1001234567890";

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    private JdbcNewsStore store;

    @BeforeEach
    void open() {
        store = JdbcNewsStore.open(kind.url(dir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ChatFeed feed(String chat, String name) {
        return new ChatFeed(Platform.TELEGRAM, chat, "https://" + name + ".test/rss", "42", AT);
    }

    @Test
    void aFullChatRefusesTheNextFeedAndAKnownOneIsAlreadyThere() {
        for (int i = 0; i < 3; i++) {
            assertThat(store.chatFeeds().addChatFeed(feed(CHAT, "f" + i), 3)).isEqualTo(ChatFeedStore.Added.ADDED);
        }

        assertThat(store.chatFeeds().addChatFeed(feed(CHAT, "f3"), 3)).isEqualTo(ChatFeedStore.Added.FULL);
        assertThat(store.chatFeeds().addChatFeed(feed(CHAT, "f1"), 3)).isEqualTo(ChatFeedStore.Added.ALREADY_THERE);
        assertThat(store.chatFeeds().addChatFeed(feed("-1009", "f3"), 3)).isEqualTo(ChatFeedStore.Added.ADDED);
        assertThat(store.chatFeeds().chatFeeds(Platform.TELEGRAM, CHAT)).extracting(ChatFeed::url)
                .containsExactly("https://f0.test/rss", "https://f1.test/rss", "https://f2.test/rss");
    }

    @Test
    void twoWritersAtOnceStopAtTheCap() throws Exception {
        for (int i = 0; i < 15; i++) {
            store.chatFeeds().addChatFeed(feed(CHAT, "old" + i), 20);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (String who : List.of("import", "add")) {
                writers.add(pool.submit(() -> {
                    start.await();
                    int added = 0;
                    for (int i = 0; i < 10; i++) {
                        if (store.chatFeeds().addChatFeed(feed(CHAT, who + i), 20) == ChatFeedStore.Added.ADDED) {
                            added++;
                        }
                    }
                    return added;
                }));
            }
            start.countDown();
            int added = writers.get(0).get() + writers.get(1).get();

            assertThat(added).isEqualTo(5);
            assertThat(store.chatFeeds().chatFeeds(Platform.TELEGRAM, CHAT)).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }
}
