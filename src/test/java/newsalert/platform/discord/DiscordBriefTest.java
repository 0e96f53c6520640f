package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import newsalert.delivery.AlertStyle;
import newsalert.delivery.Brief;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.SendResult;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.Briefs;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 5 on Discord, through the real JDA against the fake Discord: a daily brief part as one embed
 * (pinned by {@code snapshots/discord/brief-embed.json}), {@code SUPPRESS_NOTIFICATIONS} when silent, no mentions;
 * plain markdown where the bot may not embed; long briefs split within the embed limits; follow-ups and notices
 * silent in quiet hours.
 */
class DiscordBriefTest {
    static final Target ALERTS = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);
    static final Target PLAIN = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.PLAIN_CHANNEL_ID);
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @TempDir
    static Path dir;
    static DiscordFixture f;
    static ChatPlatform platform;

    @BeforeAll
    static void start() throws InterruptedException {
        f = new DiscordFixture(dir, true);
        platform = f.bot.platform();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static JsonNode withoutNonce(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("nonce");
        return copy;
    }

    @Test
    void aBriefPartIsOneEmbedPinnedBySnapshot() {
        SendResult r = platform.sendBrief(ALERTS, Briefs.twoEvents(), new AlertStyle(KYIV, false, "@here", true));
        JsonNode body = f.discord.awaitMessage().body();

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(body.path("flags").asInt()).isZero();
        Snapshots.assertMatches("brief-embed", withoutNonce(body).toString());
    }

    @Test
    void aSilentBriefCarriesSuppressNotifications() {
        // another brief than the snapshot's: the same part to the same channel has the same nonce, and Discord
        // answers a repeated nonce with the first message instead of posting again
        platform.sendBrief(ALERTS, Briefs.many(2), new AlertStyle(KYIV, true, null, true));
        assertThat(f.discord.awaitMessage().body().path("flags").asInt()).isEqualTo(4096);
    }

    @Test
    void withoutEmbedLinksTheBriefIsPlainMarkdown() {
        platform.sendBrief(PLAIN, Briefs.twoEvents(), AlertStyle.DEFAULT);
        JsonNode body = f.discord.awaitMessage().body();
        assertThat(body.path("embeds")).isEmpty();
        assertThat(body.path("content").asText()).isEqualTo(DiscordBrief.text(Briefs.twoEvents()))
                .startsWith("**Daily brief · Thu 28 Aug 2025**\n2 events reached this chat");
    }

    @Test
    void aLongBriefIsSplitWithinTheEmbedLimits() {
        Brief whole = Briefs.many(80);
        List<Brief> parts = whole.split(platform::briefFits);
        assertThat(parts.size()).isGreaterThan(2);
        assertThat(parts).allSatisfy(p -> {
            MessageEmbed e = DiscordBrief.embed(p);
            assertThat(e.getDescription()).hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH)
                    .doesNotEndWith("…");
            assertThat(e.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        });
        assertThat(parts.stream().mapToInt(p -> p.items().size()).sum()).isEqualTo(80);
    }

    @Test
    void followUpsAndNoticesInQuietHoursAreSilent() {
        AlertStyle silent = new AlertStyle(KYIV, true, null, true);
        platform.reply(ALERTS, "900000000000000001", "Death toll rises to 12", silent);
        assertThat(f.discord.awaitMessage().body().path("flags").asInt()).isEqualTo(4096);
        platform.notice(ALERTS, "Alerts of a feed are held back", silent);
        assertThat(f.discord.awaitMessage().body().path("flags").asInt()).isEqualTo(4096);
        platform.notice(ALERTS, "Alerts of a feed are held back again", AlertStyle.DEFAULT);
        assertThat(f.discord.awaitMessage().body().path("flags").asInt()).isZero();
    }
}
