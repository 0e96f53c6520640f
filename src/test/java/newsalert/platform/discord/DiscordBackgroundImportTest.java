package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
import newsalert.command.FeedImports;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.feed.OpmlCodec;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /feeds import} the way {@code run} wires it, over real JDA and the fake Discord, in a server channel that
 * has no subscription: the interaction is answered at once, the checks run when the test drains the imports'
 * executor, and the summary is posted later to the channel the command came from (never to the bare server id).
 */
class DiscordBackgroundImportTest {
    private static final String OPML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><body>
              <outline text="Harbour" xmlUrl="https://harbour.example.org/news.rss"/>
            </body></opml>
            """;

    @TempDir
    Path dir;

    private final Queue<Runnable> importTasks = new ConcurrentLinkedQueue<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T06:30:00Z"));
    private FakeDiscord discord;
    private JdbcNewsStore news;
    private DiscordBot bot;

    @BeforeEach
    void start() throws InterruptedException {
        discord = new FakeDiscord();
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("d.db"));
        FeedCheck check = uri -> FeedCheck.Result.feed("Wire " + uri.getHost());
        AddressPolicy policy = new AddressPolicy(host -> List.of(InetAddress.getByAddress(host,
                new byte[] {93, (byte) 184, (byte) 216, 34})), false);
        CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                check, policy, new OpmlCodec(), null, null, new FeedImports(importTasks::add, 1,
                        FeedImports.Budget.DEFAULT));
        bot = DiscordBot.start(discord.settings(true), registry, clock);
        assertThat(bot.awaitReady(Duration.ofSeconds(10))).isTrue();
        discord.awaitCommandRegistration();
    }

    @AfterEach
    void stop() {
        bot.close();
        discord.close();
        news.close();
    }

    @Test
    void theInteractionIsAnsweredAtOnceAndTheSummaryIsPostedToTheChannelLater() {
        FakeDiscord.Attachment file = discord.hostFile("reading.opml", OPML.getBytes(StandardCharsets.UTF_8));
        discord.moderatorSends("feeds", Map.of("action", "import", "file", file));
        discord.awaitCallback();
        assertThat(discord.awaitResponse().body().path("content").asText()).startsWith("Importing 1 feed from"
                + " reading.opml; the summary follows here when it is done");
        assertThat(importTasks).hasSize(1);
        assertThat(news.chatFeeds().chatFeeds(newsalert.subscription.Platform.DISCORD, FakeDiscord.GUILD_ID))
                .as("nothing added before the import ran").isEmpty();

        importTasks.poll().run();
        new DeliveryWorker(news.subscriptions(), List.of(bot.platform()), RateLimits::forPlatform, clock,
                DeliverySettings.defaults()).deliverDue(clock.instant());

        FakeDiscord.Call posted = discord.awaitMessage();
        assertThat(posted.path()).isEqualTo("channels/" + FakeDiscord.CHANNEL_ID + "/messages");
        assertThat(posted.body().path("content").asText()).isEqualTo("""
                Imported reading.opml: 1 added, 0 already here, 0 refused, 0 over the limit.
                added: https://harbour.example.org/news.rss (Wire harbour.example.org)""");
        assertThat(discord.postedCount()).isEqualTo(1);
    }
}
