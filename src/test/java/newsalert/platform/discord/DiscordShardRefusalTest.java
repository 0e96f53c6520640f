package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import newsalert.command.CommandRegistry;
import newsalert.testing.LogCapture;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** What the bot says when Discord closes a shard for good over its shard settings. */
class DiscordShardRefusalTest {
    /** Issue 14 item 5: Discord's "sharding required" close gets a line that says which setting to change. */
    @Test
    void aGatewayThatRequiresShardingIsAnsweredWithWhatToSet() throws InterruptedException {
        try (FakeDiscord strict = new FakeDiscord();
             LogCapture log = LogCapture.of(DiscordBot.class);
             LogCapture jdaLog = LogCapture.of("net.dv8tion.jda")) {
            strict.refuseNextIdentify(4011);
            DiscordBot bot = DiscordBot.start(strict.settings(false), new CommandRegistry(List.of()),
                    new MutableClock(DiscordFixture.T0));
            try {
                assertThat(log.await("discord.shards.total", Duration.ofSeconds(60))).isTrue();
                assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("Discord closed shard 0 of 1 for"
                        + " good: the bot is in too many servers for 1 shard(s)"));
                assertThat(bot.connected()).isFalse();
            } finally {
                bot.close();
            }
        }
    }

    @Test
    void anInvalidShardSaysToAlignTheSettings() {
        assertThat(DiscordBot.shutdownAdvice(net.dv8tion.jda.api.requests.CloseCode.INVALID_SHARD,
                new net.dv8tion.jda.api.JDA.ShardInfo(3, 4))).isEqualTo("Discord refused shard 3 of 4: check that"
                + " every instance has the same discord.shards.total (env DISCORD_SHARDS_TOTAL) and"
                + " discord.shards.ids below it, then restart; until then this shard's commands go unanswered, and"
                + " alerts still go out over REST");
        assertThat(DiscordBot.shutdownAdvice(net.dv8tion.jda.api.requests.CloseCode.GRACEFUL_CLOSE,
                new net.dv8tion.jda.api.JDA.ShardInfo(0, 1))).isNull();
        assertThat(DiscordBot.shutdownAdvice(null, new net.dv8tion.jda.api.JDA.ShardInfo(0, 1))).isNull();
    }
}
