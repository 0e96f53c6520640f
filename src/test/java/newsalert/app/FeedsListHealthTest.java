package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandContext;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
import newsalert.net.AddressRule;
import newsalert.store.ChatFeed;
import newsalert.store.FeedState;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Story;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code feeds list} shows each chat feed's health from the poller's stored state, a failing feed with when its
 * failures began ({@code feed_state.failing_since}, V9) and its next try.
 */
class FeedsListHealthTest {
    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final Target CHAT = Target.chat(Platform.TELEGRAM, "-100555");

    @Test
    void eachFeedSaysOkFailingOrNotPolledWithItsLastNewItemAndIntervalAndRetryMakesOneDue(@TempDir Path dir) {
        try (JdbcNewsStore news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("h.db"))) {
            MutableClock clock = new MutableClock(T0);
            String ok = "https://ok.example.org/feed.rss";
            String failing = "https://failing.example.org/feed.rss";
            String fresh = "https://fresh.example.org/feed.rss";
            for (String url : List.of(ok, failing, fresh)) {
                news.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, CHAT.chatId(), url, "1", clock.instant()));
                clock.advance(Duration.ofSeconds(1));
            }
            Assessment none = new Assessment(Set.of(), 0, List.of(), Casualties.NONE, List.of(), false);
            news.recordEntry(ok, new Story("o1", "Ok", "Old", null, null, ""), none, false, T0.minusSeconds(7200));
            news.recordEntry(ok, new Story("o2", "Ok", "New", null, null, ""), none, false, T0.minusSeconds(600));
            news.saveFeedState(new FeedState(ok, null, null, T0.minusSeconds(7200), T0.minusSeconds(60),
                    T0.plusSeconds(240), 0, null));
            news.recordEntry(failing, new Story("f1", "F", "Only", null, null, ""), none, false,
                    Instant.parse("2025-08-26T09:30:00Z"));
            news.saveFeedState(new FeedState(failing, null, null, T0.minusSeconds(86_400 * 3),
                    T0.minusSeconds(4 * 3600), T0.minusSeconds(3 * 3600), 1, "HTTP 503 Service Unavailable"));
            news.saveFeedState(new FeedState(failing, null, null, T0.minusSeconds(86_400 * 3),
                    T0.minusSeconds(300), T0.plusSeconds(3600), 4, "HTTP 503 Service Unavailable"));
            CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(),
                    news.chatFeeds(), uri -> FeedCheck.Result.feed(""), new AddressPolicy(h -> List.of(), true), null,
                    new StoredFeedStatus(news, news.chatFeeds(), Duration.ofMinutes(5)));

            String list = registry.run(new CommandContext(CHAT, "1", true, clock), "feeds list").text();

            assertThat(list).isEqualTo("""
                    Feeds added here:
                    • https://ok.example.org/feed.rss — ok; last new item 2025-08-28 14:50 UTC; every 5m
                    • https://failing.example.org/feed.rss — failing since 2025-08-28 11:00 UTC (4 tries in a row,\
                     last 2025-08-28 14:55 UTC): HTTP 503 Service Unavailable; next try 16:00 UTC; last new item 2025-08-26 09:30 UTC; every 5m
                    • https://fresh.example.org/feed.rss — not polled yet; every 5m""");

            // a Kyiv chat (UTC+3 in August) reads every time in its zone, with the offset
            news.subscriptions().saveChatSettings(ChatSettings.defaults(Platform.TELEGRAM, CHAT.chatId())
                    .withZone(java.time.ZoneId.of("Europe/Kyiv")), T0);
            assertThat(registry.run(new CommandContext(CHAT, "1", true, clock), "feeds list").text()).isEqualTo("""
                    Feeds added here:
                    • https://ok.example.org/feed.rss — ok; last new item 2025-08-28 17:50 UTC+3; every 5m
                    • https://failing.example.org/feed.rss — failing since 2025-08-28 14:00 UTC+3 (4 tries in a row,\
                     last 2025-08-28 17:55 UTC+3): HTTP 503 Service Unavailable; next try 19:00 UTC+3; last new item\
                     2025-08-26 12:30 UTC+3; every 5m
                    • https://fresh.example.org/feed.rss — not polled yet; every 5m""");
            news.subscriptions().saveChatSettings(ChatSettings.defaults(Platform.TELEGRAM, CHAT.chatId()), T0);

            String retried = registry.run(new CommandContext(CHAT, "1", true, clock), "feeds retry " + failing).text();
            String other = registry.run(new CommandContext(CHAT, "1", true, clock),
                    "feeds retry https://elsewhere.example.org/x.rss").text();

            assertThat(retried).isEqualTo("Retrying " + failing + " at the next poll; see how it went with: feeds list");
            assertThat(news.feedState(failing)).get().satisfies(s -> {
                assertThat(s.nextPollAt()).as("due at once").isNull();
                assertThat(s.failures()).isEqualTo(4);
                assertThat(s.lastError()).isEqualTo("HTTP 503 Service Unavailable");
            });
            assertThat(other).isEqualTo("That feed is not in this chat's list. See: feeds list");
        }
    }

    @Test
    void oneLineCarriesTheRetryAfterReasonTheNextTryAndTheHealthAndARefusedAddressSaysItIsNotPolled(@TempDir Path dir) {
        try (JdbcNewsStore news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("r.db"))) {
            MutableClock clock = new MutableClock(T0);
            String busy = "https://busy.example.org/rss";
            String later = "https://later.example.org/rss";
            String inside = "http://intranet.example.org/rss";
            for (String url : List.of(busy, later, inside)) {
                news.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, CHAT.chatId(), url, "1", clock.instant()));
                clock.advance(Duration.ofSeconds(1));
            }
            Assessment none = new Assessment(Set.of(), 0, List.of(), Casualties.NONE, List.of(), false);
            news.recordEntry(busy, new Story("b1", "B", "One", null, null, ""), none, false, T0.minusSeconds(3000));
            news.saveFeedState(new FeedState(busy, null, null, T0.minusSeconds(86_400), T0, T0.plusSeconds(7200), 1,
                    "HTTP 429 Too Many Requests; the site asks us to wait 2 h (Retry-After)"));
            news.saveFeedState(new FeedState(later, null, null, T0.minusSeconds(86_400), T0,
                    T0.plusSeconds(6 * 3600 + 86_400), 9, "HTTP 503 Service Unavailable"));
            news.recordEntry(inside, new Story("i1", "I", "Old", null, null, ""), none, false,
                    Instant.parse("2025-08-20T08:00:00Z"));
            news.saveFeedState(new FeedState(inside, null, null, T0.minusSeconds(86_400 * 9), T0.minusSeconds(60),
                    null, 3, "refused: 10.1.2.3 is a private address"));
            AddressPolicy.Resolver dns = host -> List.of(InetAddress.getByName(host.startsWith("intranet")
                    ? "10.1.2.3" : "93.184.216.34"));
            CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(),
                    news.chatFeeds(), uri -> FeedCheck.Result.feed(""), new AddressPolicy(dns,
                            new AddressRule(Set::of, clock)), null,
                    new StoredFeedStatus(news, news.chatFeeds(), Duration.ofMinutes(5)));

            String list = registry.run(new CommandContext(CHAT, "1", true, clock), "feeds list").text();

            assertThat(list).isEqualTo("""
                    Feeds added here:
                    • https://busy.example.org/rss — failing (1 try in a row, last 2025-08-28 15:00 UTC): HTTP 429 Too\
                     Many Requests; the site asks us to wait 2 h (Retry-After); next try 17:00 UTC; last new item\
                     2025-08-28 14:10 UTC; every 5m
                    • https://later.example.org/rss — failing (9 tries in a row, last 2025-08-28 15:00 UTC): HTTP 503\
                     Service Unavailable; next try 2025-08-29 21:00 UTC; no items yet; every 5m
                    • http://intranet.example.org/rss — not polled: it points to a private address (10.1.2.3), and this\
                     bot reads only public addresses for chat feeds; last new item 2025-08-20 08:00 UTC""");
        }
    }
}
