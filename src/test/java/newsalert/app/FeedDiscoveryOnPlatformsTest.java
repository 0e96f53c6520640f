package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandRegistry;
import newsalert.config.ConfigLoader;
import newsalert.feed.OpmlCodec;
import newsalert.platform.discord.DiscordBot;
import newsalert.platform.discord.FakeDiscord;
import newsalert.platform.telegram.FakeTelegramApi;
import newsalert.platform.telegram.TelegramBot;
import newsalert.store.ChatFeed;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 items 2 and 3 on both platforms, with the real feed check (fetch, discovery, JSON Feed) against a site on
 * 127.0.0.1, and the real clients against the fake Bot API and the fake Discord: a page with one alternate (a JSON
 * Feed) adds that feed and says which, a page with several lists them, a page with none says where it looked.
 */
class FeedDiscoveryOnPlatformsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-28T15:00:00Z"), ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String JSON_FEED = """
            {"version": "https://jsonfeed.org/version/1", "title": "Harbour JSON",
             "author": {"name": "Harbour desk"},
             "items": [{"id": "h1", "url": "/h1", "title": "Ferry resumes", "content_text": "It does.",
                        "date_published": "2025-08-28T10:00:00Z"}]}""";

    @TempDir
    Path dir;

    private final MockWebServer site = new MockWebServer();
    private JdbcNewsStore news;
    private String base;

    private static MockResponse html(String head) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!doctype html><html><head><title>Page</title>" + head + "</head><body>Hi</body></html>")
                .build();
    }

    @BeforeEach
    void start() throws IOException {
        site.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                return switch (path) {
                    case "/one" -> html("<link rel=\"alternate\" type=\"application/feed+json\" title=\"JSON\""
                            + " href=\"/one/feed.json\">");
                    case "/one/feed.json" -> new MockResponse.Builder()
                            .addHeader("Content-Type", "application/feed+json").body(JSON_FEED).build();
                    case "/several" -> html("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"World\""
                            + " href=\"/w.rss\"><link rel=\"alternate\" type=\"application/atom+xml\" title=\"Sport\""
                            + " href=\"/s.atom\">");
                    case "/none" -> html("");
                    default -> new MockResponse.Builder().code(404).body("no").build();
                };
            }
        });
        site.start(InetAddress.getByName("127.0.0.1"), 0);
        base = "http://127.0.0.1:" + site.getPort();
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("d.db"));
    }

    @AfterEach
    void stop() {
        site.close();
        news.close();
    }

    /** The real check: the chat-feed reader with private addresses allowed (the site is on loopback). */
    private CommandRegistry registry() {
        Wiring wiring = new Wiring(ConfigLoader.load(null, Map.of()));
        Dns dns = host -> List.of(InetAddress.getAllByName(host));
        return CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                new FetchingFeedCheck(wiring.chatFeedReader(dns, null), CLOCK),
                new AddressPolicy(host -> List.of(InetAddress.getAllByName(host)), true), new OpmlCodec(), null);
    }

    private String expectedOne() {
        return "That page is not a feed itself; found its feed " + base + "/one/feed.json (Harbour JSON) and added it.";
    }

    private String expectedSeveral() {
        return "That page offers 2 feeds. Add the one you want with: feeds add <its address>\n1. World — " + base
                + "/w.rss\n2. Sport — " + base + "/s.atom";
    }

    private static final String EXPECTED_NONE = "That address is not a feed we can read: it is a web page that links"
            + " to no feed, and none was found at /feed, /rss, /atom.xml, /index.xml";

    @Test
    void onTelegramOneSeveralAndNoAlternates() throws Exception {
        long chat = -1001000000003L;
        try (FakeTelegramApi fake = new FakeTelegramApi()) {
            fake.setMemberStatus(chat, 111, "administrator");
            TelegramBot bot = new TelegramBot(fake.settings(Duration.ofSeconds(1)), registry(), CLOCK);
            try {
                bot.start();
                fake.pushGroupCommand(chat, 111, "/feeds add " + base + "/one");
                assertThat(fake.awaitSent(1, WAIT).get(0).text()).isEqualTo(expectedOne());
                fake.pushGroupCommand(chat, 111, "/feeds add " + base + "/several");
                // sent as HTML: the chat shows <its address>
                assertThat(fake.awaitSent(2, WAIT).get(1).text())
                        .isEqualTo(expectedSeveral().replace("<its address>", "&lt;its address&gt;"));
                fake.pushGroupCommand(chat, 111, "/feeds add " + base + "/none");
                assertThat(fake.awaitSent(3, WAIT).get(2).text()).isEqualTo(EXPECTED_NONE);
            } finally {
                bot.close();
            }
        }
        assertThat(news.chatFeeds().chatFeeds(Platform.TELEGRAM, String.valueOf(chat))).extracting(ChatFeed::url)
                .containsExactly(base + "/one/feed.json");
    }

    @Test
    void onDiscordOneSeveralAndNoAlternates() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            DiscordBot bot = DiscordBot.start(discord.settings(true), registry(), CLOCK);
            try {
                assertThat(bot.awaitReady(WAIT)).isTrue();
                discord.awaitCommandRegistration();
                for (String[] c : List.of(new String[] {"/one", expectedOne()},
                        // markdown escaped: the channel shows <its address> and "1." as written
                        new String[] {"/several", expectedSeveral().replace("<its address>", "\\<its address\\>")
                                .replace("\n1.", "\n1\\.").replace("\n2.", "\n2\\.")},
                        new String[] {"/none", EXPECTED_NONE})) {
                    discord.moderatorSends("feeds", Map.of("action", "add", "url", base + c[0]));
                    discord.awaitCallback();
                    JsonNode answer = discord.awaitResponse().body();
                    assertThat(answer.path("content").asText()).isEqualTo(c[1]);
                }
            } finally {
                bot.close();
            }
        }
        assertThat(news.chatFeeds().chatFeeds(Platform.DISCORD, FakeDiscord.GUILD_ID)).extracting(ChatFeed::url)
                .containsExactly(base + "/one/feed.json");
    }
}
