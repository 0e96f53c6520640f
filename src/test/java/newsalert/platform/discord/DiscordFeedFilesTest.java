package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
import newsalert.feed.OpmlCodec;
import newsalert.store.ChatFeed;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /feeds export} (the reply carries the OPML file as an attachment) and {@code /feeds import} with the
 * {@code file} attachment option, over real JDA and the fake Discord.
 */
class DiscordFeedFilesTest {
    private static final String DM = "880000000000000077";

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private JdbcNewsStore news;
    private DiscordBot bot;

    @BeforeEach
    void start() throws InterruptedException {
        discord = new FakeDiscord();
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("d.db"));
        FeedCheck check = uri -> uri.getPath().endsWith(".rss") || uri.getPath().endsWith(".json")
                ? FeedCheck.Result.feed("Wire " + uri.getHost()) : FeedCheck.Result.notFeed("HTTP 404 Not Found");
        AddressPolicy policy = new AddressPolicy(host -> List.of(InetAddress.getByAddress(host,
                new byte[] {93, (byte) 184, (byte) 216, 34})), false);
        CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                check, policy, new OpmlCodec(), null);
        bot = DiscordBot.start(discord.settings(true), registry, new MutableClock(Instant.parse("2025-08-28T15:00:00Z")));
        assertThat(bot.awaitReady(Duration.ofSeconds(10))).isTrue();
        discord.awaitCommandRegistration();
    }

    @AfterEach
    void stop() {
        bot.close();
        discord.close();
        news.close();
    }

    private JsonNode answer() {
        discord.awaitCallback();
        return discord.awaitResponse().body();
    }

    private List<String> feeds(String chat) {
        return news.chatFeeds().chatFeeds(Platform.DISCORD, chat).stream().map(ChatFeed::url).toList();
    }

    @Test
    void exportAttachesTheOpmlAndImportingItInADmGivesTheSameFeeds() {
        discord.moderatorSends("feeds", Map.of("action", "add", "url", "https://a.example.org/world.rss",
                "interval", "2h"));
        answer();
        discord.moderatorSends("feeds", Map.of("action", "add", "url", "https://b.example.net/feed.json"));
        answer();
        discord.moderatorSends("feeds", Map.of("action", "export"));

        JsonNode export = answer();
        assertThat(export.path("content").asText()).isEqualTo("The 2 feeds of this chat as OPML. Bring them into"
                + " another chat with: feeds import");
        assertThat(export.path("_files")).hasSize(1);
        assertThat(export.path("_files").get(0).path("name").asText()).isEqualTo("newsalert-feeds.opml");
        String opml = export.path("_files").get(0).path("text").asText();
        assertThat(opml).contains("xmlUrl=\"https://a.example.org/world.rss\" newsalert:interval=\"2h\"");

        FakeDiscord.Attachment file = discord.hostFile("newsalert-feeds.opml", opml.getBytes(StandardCharsets.UTF_8));
        discord.sendDirectInteraction("feeds", Map.of("action", "import", "file", file), FakeDiscord.MEMBER_ID, DM);

        assertThat(answer().path("content").asText()).isEqualTo("""
                Imported newsalert-feeds.opml: 2 added, 0 already here, 0 refused, 0 over the limit.
                added: https://a.example.org/world.rss (Wire a.example.org), every 2h
                added: https://b.example.net/feed.json (Wire b.example.net)""");
        assertThat(feeds(DM)).isEqualTo(feeds(FakeDiscord.GUILD_ID))
                .containsExactly("https://a.example.org/world.rss", "https://b.example.net/feed.json");
        assertThat(news.chatFeeds().chatFeeds(Platform.DISCORD, DM)).extracting(ChatFeed::interval)
                .containsExactly(java.time.Duration.ofHours(2), null);
    }

    /** the {@code interval} option reaches {@code feeds add} as its third word (issue 17 item 4) */
    @Test
    void theIntervalOptionGivesTheFeedItsOwnInterval() {
        discord.moderatorSends("feeds", Map.of("action", "add", "url", "https://a.example.org/world.rss",
                "interval", "30m"));
        assertThat(answer().path("content").asText()).isEqualTo(
                "Added feed https://a.example.org/world.rss (Wire a.example.org). It is polled every 30m.");
        discord.moderatorSends("feeds", Map.of("action", "add", "url", "https://b.example.net/feed.json",
                "interval", "2m"));
        // a usage error: the public deferral is deleted and the reply follows, ephemeral
        discord.awaitCallback();
        FakeDiscord.Call first = discord.awaitResponse();
        FakeDiscord.Call second = discord.awaitResponse();
        FakeDiscord.Call post = first.method().equals("POST") ? first : second;
        assertThat(post.body().path("flags").asInt() & 64).isEqualTo(64);
        assertThat(post.body().path("content").asText()).startsWith(
                "interval 2m is below poll.min-interval 5m; use 5m or more");
        assertThat(news.chatFeeds().chatFeeds(Platform.DISCORD, FakeDiscord.GUILD_ID))
                .extracting(ChatFeed::url, ChatFeed::interval)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("https://a.example.org/world.rss",
                        Duration.ofMinutes(30)));
    }

    @Test
    void hostileAttachmentIsRefusedAndAMembersImportDownloadsNothing() throws IOException {
        FakeDiscord.Attachment bomb;
        try (InputStream in = getClass().getResourceAsStream("/opml/xxe.opml")) {
            bomb = discord.hostFile("xxe.opml", in.readAllBytes());
        }
        discord.memberSends("feeds", Map.of("action", "import", "file", bomb));
        assertThat(answer().path("content").asText()).isEqualTo("Only chat admins can change feeds here.");
        assertThat(discord.fileDownloads()).isEmpty();

        discord.moderatorSends("feeds", Map.of("action", "import", "file", bomb));
        assertThat(answer().path("content").asText()).isEqualTo("That file was refused: not an OPML file: it declares"
                + " a DOCTYPE, which OPML never needs (refused: it is how external entities and entity bombs get in)."
                + " Nothing was added.");
        assertThat(discord.fileDownloads()).hasSize(1);
        assertThat(feeds(FakeDiscord.GUILD_ID)).isEmpty();
    }
}
