package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import newsalert.store.ChatFeed;
import newsalert.store.FeedState;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feeds list} shows why a chat feed's last poll failed and when it is tried next (Retry-After). */
class FeedsListStatusTest {
    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    private static final Target CHAT = Target.chat(Platform.DISCORD, "42");

    @TempDir
    Path dir;

    @Test
    void aFeedThatAskedUsToWaitShowsTheReasonAndTheNextTry() {
        try (JdbcNewsStore news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("f.db"))) {
            news.chatFeeds().addChatFeed(new ChatFeed(Platform.DISCORD, "42", "https://busy.example.org/rss", "1", NOW));
            news.chatFeeds().addChatFeed(new ChatFeed(Platform.DISCORD, "42", "https://fine.example.org/rss", "1", NOW));
            news.saveFeedState(new FeedState("https://busy.example.org/rss", null, null, NOW, NOW,
                    NOW.plusSeconds(7200), 1, "HTTP 429 Too Many Requests; the site asks us to wait 2 h (Retry-After)"));
            news.saveFeedState(new FeedState("https://fine.example.org/rss", null, null, NOW, NOW,
                    NOW.plusSeconds(300), 0, null));
            CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(),
                    news.chatFeeds(), null, null);

            String reply = registry.run(new CommandContext(CHAT, "1", true, new MutableClock(NOW)), "feeds list").text();

            assertThat(reply).isEqualTo("""
                    Feeds added here:
                    • https://busy.example.org/rss — last poll failed: HTTP 429 Too Many Requests; the site asks us to \
                    wait 2 h (Retry-After); next try 17:00 UTC
                    • https://fine.example.org/rss""");
        }
    }
}
