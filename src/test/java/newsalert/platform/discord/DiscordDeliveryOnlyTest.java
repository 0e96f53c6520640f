package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
import newsalert.delivery.SendResult;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session started for delivery only (a second instance on a database another instance serves) posts
 * alerts but neither registers nor answers slash commands until {@link DiscordBot#answerCommands()}.
 */
class DiscordDeliveryOnlyTest {
    private static final Target ALERTS = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);

    @TempDir
    Path dir;

    @Test
    void deliversWithoutCommandsThenAnswersThemOnceAsked() throws Exception {
        try (FakeDiscord discord = new FakeDiscord();
             JdbcNewsStore news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("d.db"))) {
            MutableClock clock = new MutableClock(DiscordFixture.T0);
            CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(),
                    news.chatFeeds(), uri -> FeedCheck.Result.feed("Example Wire"), new AddressPolicy(host -> {
                        throw new UnknownHostException(host);
                    }, false));
            DiscordBot bot = DiscordBot.startForDelivery(discord.settings(true), registry, clock);
            try {
                assertThat(bot.awaitReady(Duration.ofSeconds(10))).isTrue();
                SendResult sent = bot.platform().send(ALERTS, DiscordEmbedsTest.kharkivStory(),
                        DiscordEmbedsTest.kharkivAssessment());
                assertThat(sent).isInstanceOf(SendResult.Sent.class);
                assertThat(discord.awaitMessage().path()).isEqualTo("channels/" + FakeDiscord.CHANNEL_ID + "/messages");
                // READY came long before that message: a bot answering commands would have registered them
                assertThat(discord.calls()).noneMatch(c -> c.method().equals("PUT") && c.path().endsWith("/commands"));

                bot.answerCommands();
                assertThat(discord.awaitCommandRegistration().body()).hasSize(17);
                String id = discord.moderatorSends("subscribe", Map.of("topics", "attack"));
                assertThat(discord.awaitCallback().path()).isEqualTo("interactions/" + id + "/token-" + id + "/callback");
                bot.answerCommands(); // a second call changes nothing
            } finally {
                bot.close();
            }
        }
    }
}
