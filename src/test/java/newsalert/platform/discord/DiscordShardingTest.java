package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
import newsalert.delivery.SendResult;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bots of one application on the fake, {@code total 2}, one with shard 0 and one with shard 1 (issue 14 item
 * 5): each answers the slash commands of the guild its shard carries, once; either delivers to any channel.
 */
class DiscordShardingTest {
    static final Target SECOND = new Target(Platform.DISCORD, FakeDiscord.SECOND_GUILD_ID,
            FakeDiscord.SECOND_CHANNEL_ID);

    @TempDir
    Path dir;
    FakeDiscord discord;
    JdbcNewsStore news;
    DiscordBot shard0;
    DiscordBot shard1;

    @BeforeEach
    void start() throws InterruptedException {
        discord = FakeDiscord.withTwoGuilds();
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("discord.db"));
        CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                uri -> FeedCheck.Result.feed("Example Wire"), new AddressPolicy(host -> {
                    throw new UnknownHostException(host);
                }, false));
        MutableClock clock = new MutableClock(DiscordFixture.T0);
        shard0 = DiscordBot.start(discord.settings(false).withShards(new DiscordShards(2, List.of(0))), registry,
                clock);
        shard1 = DiscordBot.start(discord.settings(false).withShards(new DiscordShards(2, List.of(1))), registry,
                clock);
        for (DiscordBot bot : List.of(shard0, shard1)) {
            assertThat(bot.awaitReady(Duration.ofSeconds(60))).as("READY of its shard").isTrue();
            assertThat(bot.commandsRegistered()).succeedsWithin(Duration.ofSeconds(60));
        }
    }

    @AfterEach
    void stop() {
        shard0.close();
        shard1.close();
        discord.close();
        news.close();
    }

    @Test
    void eachBotOpensItsOwnShardAndCachesOnlyTheGuildOnIt() {
        assertThat(discord.openShards()).containsExactlyInAnyOrder(0, 1);
        assertThat(shard0.shards().getGuilds()).extracting(g -> g.getId()).containsExactly(FakeDiscord.GUILD_ID);
        assertThat(shard1.shards().getGuilds()).extracting(g -> g.getId())
                .containsExactly(FakeDiscord.SECOND_GUILD_ID);
        assertThat(shard1.jda().getShardInfo().getShardId()).isEqualTo(1);
        assertThat(shard1.jda().getShardInfo().getShardTotal()).isEqualTo(2);
        assertThat(shard0.connected()).isTrue();
    }

    @Test
    void aCommandInAGuildOfShard1IsAnsweredOnceByTheShard1Bot() {
        String id = discord.sendInteraction("feeds", Map.of(), FakeDiscord.MEMBER_ID, List.of(),
                FakeDiscord.SECOND_CHANNEL_ID);

        FakeDiscord.Call callback = discord.awaitCallback();
        FakeDiscord.Call answer = discord.awaitResponse();
        assertThat(callback.path()).isEqualTo("interactions/" + id + "/token-" + id + "/callback");
        assertThat(answer.path()).startsWith("webhooks/" + FakeDiscord.BOT_ID + "/token-" + id);
        // only the shard-1 session got the interaction, so no other bot could answer it
        assertThat(discord.shardsReached(id)).containsExactly(1);
        assertThat(discord.calls()).filteredOn(c -> c.path().startsWith("interactions/" + id + "/")).hasSize(1);

        // and a command in the guild of shard 0 goes to the other bot, once too
        String other = discord.sendInteraction("feeds", Map.of(), FakeDiscord.MEMBER_ID, List.of(),
                FakeDiscord.CHANNEL_ID);
        assertThat(discord.awaitCallback().path()).isEqualTo("interactions/" + other + "/token-" + other + "/callback");
        discord.awaitResponse();
        assertThat(discord.shardsReached(other)).containsExactly(0);
        assertThat(discord.calls()).filteredOn(c -> c.path().startsWith("interactions/" + other + "/")).hasSize(1);
    }

    @Test
    void theShard0BotDeliversAndEditsInAChannelOfAShard1GuildOverRest() {
        shard1.close(); // nothing of shard 1 is running any more: only REST by channel id can reach the channel
        assertThat(shard0.shards().getTextChannelById(FakeDiscord.SECOND_CHANNEL_ID)).isNull();

        SendResult sent = shard0.platform().send(SECOND, DiscordEmbedsTest.kharkivStory(),
                DiscordEmbedsTest.kharkivAssessment());

        assertThat(sent).isInstanceOf(SendResult.Sent.class);
        FakeDiscord.Call posted = discord.awaitMessage();
        assertThat(posted.path()).isEqualTo("channels/" + FakeDiscord.SECOND_CHANNEL_ID + "/messages");
        assertThat(posted.body().path("embeds").get(0).path("title").asText())
                .isEqualTo("Missile strike on Kharkiv apartment block kills 12");
        String messageId = ((SendResult.Sent) sent).messageId();

        assertThat(shard0.platform().edit(SECOND, messageId, DiscordEmbedsTest.kharkivStory(),
                DiscordEmbedsTest.kharkivAssessment())).isEqualTo(new SendResult.Sent(messageId));
        assertThat(discord.awaitEdit().path())
                .isEqualTo("channels/" + FakeDiscord.SECOND_CHANNEL_ID + "/messages/" + messageId);
        assertThat(shard0.platform().notice(SECOND, "hello from shard 0")).isInstanceOf(SendResult.Sent.class);
        assertThat(discord.awaitMessage().path()).isEqualTo("channels/" + FakeDiscord.SECOND_CHANNEL_ID + "/messages");
    }
}
