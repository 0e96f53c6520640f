package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandContext;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
import newsalert.store.ChatFeed;
import newsalert.store.FailingChatFeed;
import newsalert.store.FeedState;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat feed turned off after 7 days of failures: {@code feeds list} says so with the reason and how to turn it
 * back on, {@code feeds retry} turns it back on and makes it due at once, members cannot.
 */
class FeedsTurnedOffTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Target CHAT = Target.chat(Platform.TELEGRAM, "-100555");
    private static final String URL = "https://gone.example.org/feed.rss";

    @Test
    void listSaysTurnedOffWithTheReasonAndRetryTurnsItBackOn(@TempDir Path dir) {
        try (JdbcNewsStore news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("off.db"))) {
            MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(8)));
            news.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, CHAT.chatId(), URL, "1", T0));
            news.saveFeedState(new FeedState(URL, null, null, T0, T0.plus(Duration.ofDays(7)),
                    T0.plus(Duration.ofDays(7).plusHours(1)), 170, "HTTP 404 Not Found"));
            FailingChatFeed failing = news.chatFeeds().failingChatFeeds().get(0);
            assertThat(news.chatFeeds().noticeFailingChatFeed(failing, "turned off", true, "HTTP 404 Not Found",
                    T0.plus(Duration.ofDays(7)))).isTrue();
            assertThat(news.chatFeeds().failingChatFeeds()).as("a turned-off feed is no longer watched").isEmpty();
            CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(),
                    news.chatFeeds(), uri -> FeedCheck.Result.feed(""), new AddressPolicy(h -> List.of(), true), null,
                    new StoredFeedStatus(news, news.chatFeeds(), Duration.ofMinutes(5)));

            assertThat(registry.run(new CommandContext(CHAT, "1", true, clock), "feeds list").text()).isEqualTo("""
                    Feeds added here:
                    • https://gone.example.org/feed.rss — turned off 2026-12-08 10:00 UTC after 7 days of failures:\
                     HTTP 404 Not Found; turn it back on with: feeds retry https://gone.example.org/feed.rss""");
            assertThat(registry.run(new CommandContext(CHAT, "2", false, clock), "feeds retry " + URL).text())
                    .isEqualTo("Only chat admins can change feeds here.");
            assertThat(news.chatFeeds().chatFeeds(Platform.TELEGRAM, CHAT.chatId()).get(0).disabled()).isTrue();

            assertThat(registry.run(new CommandContext(CHAT, "1", true, clock), "feeds retry " + URL).text())
                    .isEqualTo("Turned " + URL + " back on; it is read again at the next poll; see how it went with:"
                            + " feeds list");

            ChatFeed back = news.chatFeeds().chatFeeds(Platform.TELEGRAM, CHAT.chatId()).get(0);
            assertThat(back.disabled()).isFalse();
            assertThat(back.disabledReason()).isNull();
            assertThat(news.feedState(URL).get().nextPollAt()).as("due at once").isNull();
            assertThat(news.chatFeeds().failingChatFeeds()).singleElement().satisfies(f -> {
                assertThat(f.reenabledAt()).isEqualTo(clock.instant());
                assertThat(f.failingForChatSince()).as("failures count from the retry").isEqualTo(clock.instant());
                assertThat(f.noticed()).isFalse();
            });
            assertThat(registry.run(new CommandContext(CHAT, "1", true, clock), "feeds list").text())
                    .startsWith("Feeds added here:\n• " + URL + " — failing (170 tries in a row");
        }
    }
}
