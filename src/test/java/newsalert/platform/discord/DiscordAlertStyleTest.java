package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import newsalert.delivery.AlertStyle;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.SendResult;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 on Discord, through the real JDA against the fake Discord: {@code SUPPRESS_NOTIFICATIONS} for silent
 * alerts, a mention with allowed mentions limited to exactly that role, the feed picture as the embed thumbnail,
 * and the plain-text fallback's time in the chat's zone. The request bodies are pinned (the nonce and the embed's
 * text left out: {@code alert-kharkiv.json} pins those).
 */
class DiscordAlertStyleTest {
    static final Target ALERTS = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);
    static final Target PLAIN = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.PLAIN_CHANNEL_ID);
    static final String ROLE = "830000000000000001";
    static final String PICTURE = "https://img.example.org/kharkiv.jpg";

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

    private static Story pictured(String id) {
        Story s = DiscordEmbedsTest.kharkivStory();
        return new Story(id, s.source(), s.title(), s.link(), s.published(), s.body(), PICTURE);
    }

    /** @return the pinned JSON, parsed: compared as trees, so the order of fields does not matter */
    private static JsonNode json(String text) {
        try {
            return Snapshots.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return the body without nonce and with each embed cut to its thumbnail */
    private static JsonNode pinned(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("nonce");
        if (copy.has("embeds")) {
            copy.withArray("embeds").forEach(e -> ((ObjectNode) e).retain("thumbnail"));
        }
        return copy;
    }

    @Test
    void aLoudAlertAtMentionAtPingsExactlyThatRoleWithThePictureAsThumbnail() {
        AlertStyle style = new AlertStyle(ZoneOffset.UTC, false, "<@&" + ROLE + ">", true);
        SendResult r = platform.send(ALERTS, pictured("style-1"), DiscordEmbedsTest.kharkivAssessment(), style);
        JsonNode body = f.discord.awaitMessage().body();

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(pinned(body)).isEqualTo(json("{\"components\":[],\"tts\":false,\"flags\":0,\"allowed_mentions\":{\"roles\":[\"830000000000000"
                + "001\"],\"parse\":[],\"replied_user\":true},\"poll\":null,\"embeds\":[{\"thumbnail\":{\"url\":\""
                + "https://img.example.org/kharkiv.jpg\"}}],\"enforce_nonce\":true,\"content\":\"<@&83000000000000"
                + "0001>\"}"));
    }

    @Test
    void aSilentAlertCarriesSuppressNotificationsAndNoMention() {
        AlertStyle style = new AlertStyle(ZoneOffset.UTC, true, null, false);
        platform.send(ALERTS, pictured("style-2"), DiscordEmbedsTest.kharkivAssessment(), style);
        JsonNode body = f.discord.awaitMessage().body();

        assertThat(pinned(body)).isEqualTo(json("{\"components\":[],\"tts\":false,\"flags\":4096,\"allowed_mentions\":{\"parse\":[],\"replied_us"
                + "er\":true},\"poll\":null,\"embeds\":[{}],\"enforce_nonce\":true,\"content\":\"\"}"));
    }

    @Test
    void hereIsAllowedThroughEveryoneParsingOnly() {
        AlertStyle style = new AlertStyle(ZoneOffset.UTC, false, "@here", true);
        platform.send(ALERTS, pictured("style-3"), DiscordEmbedsTest.kharkivAssessment(), style);
        assertThat(pinned(f.discord.awaitMessage().body())).isEqualTo(json("{\"components\":[],\"tts\":false,\"flags\":0,\"allowed_mentions\":{\"parse\":[\"everyone\"],\"r"
                + "eplied_user\":true},\"poll\":null,\"embeds\":[{\"thumbnail\":{\"url\":\"https://img.example.org"
                + "/kharkiv.jpg\"}}],\"enforce_nonce\":true,\"content\":\"@here\"}"));
    }

    @Test
    void thePlainTextFallbackLeadsWithTheMentionAndWritesTheTimeInTheChatsZone() {
        AlertStyle style = new AlertStyle(ZoneId.of("Europe/Kyiv"), false, "<@&" + ROLE + ">", true);
        platform.send(PLAIN, pictured("style-4"), DiscordEmbedsTest.kharkivAssessment(), style);
        JsonNode body = f.discord.awaitMessage().body();
        assertThat(pinned(body)).isEqualTo(json("{\"components\":[],\"tts\":false,\"flags\":0,\"allowed_mentions\":{\"roles\":[\"830000000000000"
                + "001\"],\"parse\":[],\"replied_user\":true},\"poll\":null,\"embeds\":[],\"enforce_nonce\":true,"
                + "\"content\":\"<@&830000000000000001>\\nATTACK \u00b7 severity 82\\n**Missile strike on Kharkiv "
                + "apartment block kills 12**\\nCasualties: 12 killed, at least 30 injured\\nWhere: Ukraine\\n> \u201cRescuers are "
                + "working through the night\u201d \u2014 Oleh Syniehubov (Governor)\\n> \u201ca deliberate strike"
                + " on sleeping families\u201d \u2014 Ihor Terekhov (Mayor of Kharkiv)\\nNorthern Wire \u00b7 2025"
                + "-08-28 17:30 UTC+3 \u00b7 <https://wire.example/world/kharkiv-strike>\\nid: style-4\"}"));
    }

    @Test
    void anEditKeepsTheMentionTextButPingsNobody() {
        AlertStyle style = new AlertStyle(ZoneOffset.UTC, false, "<@&" + ROLE + ">", true).forEdit();
        platform.edit(ALERTS, "900000000000000001", pictured("style-5"), DiscordEmbedsTest.kharkivAssessment(), style);
        assertThat(pinned(f.discord.awaitEdit().body())).isEqualTo(json("{\"components\":[],\"attachments\":[],\"flags\":0,\"allowed_mentions\":{\"parse\":[],\"replied_"
                + "user\":true},\"embeds\":[{\"thumbnail\":{\"url\":\"https://img.example.org/kharkiv.jpg\"}}],\"c"
                + "ontent\":\"<@&830000000000000001>\"}"));
    }

    /**
     * tester18e: Discord refuses an alert whose thumbnail address it does not take (400, 50035 "Invalid Form Body",
     * e.g. a port past 65535): the alert goes once more without the picture, instead of being given up; the same
     * for an edit.
     */
    @Test
    void anAlertRefusedWithItsPictureGoesOnceWithoutIt() {
        Story s = DiscordEmbedsTest.kharkivStory();
        Story odd = new Story("style-9", s.source(), s.title(), s.link(), s.published(), s.body(),
                "https://img.example.org:99999/a.jpg");
        AlertStyle style = new AlertStyle(ZoneOffset.UTC, false, null, true);
        int before = f.discord.postedCount();
        f.discord.failNextCreate(400, 50035, "Invalid Form Body");

        SendResult sent = platform.send(ALERTS, odd, DiscordEmbedsTest.kharkivAssessment(), style);
        assertThat(sent).isInstanceOf(SendResult.Sent.class);
        assertThat(f.discord.postedCount()).isEqualTo(before + 1);
        JsonNode embed = f.discord.awaitMessage().body().path("embeds").get(0);
        assertThat(embed.has("thumbnail")).isFalse();
        assertThat(embed.path("title").asText()).isEqualTo(s.title());

        f.discord.failNext("PATCH", "channels/\\d+/messages/\\d+", 400, 50035, "Invalid Form Body");
        SendResult edited = platform.edit(ALERTS, ((SendResult.Sent) sent).messageId(), odd,
                DiscordEmbedsTest.kharkivAssessment(), style);
        assertThat(edited).isInstanceOf(SendResult.Sent.class);
        assertThat(f.discord.awaitEdit().body().path("embeds").get(0).has("thumbnail")).isFalse();
    }

    /**
     * tester18d: a story link and a feed picture of 990 '@' each grow past Discord's 2,000 characters once written
     * %40: the alert goes, as an embed with neither link nor thumbnail, and in plain text without the link.
     */
    @Test
    void anAlertWhoseLinkAndPictureGrowPastTheLimitGoesWithoutThem() {
        Story s = DiscordEmbedsTest.kharkivStory();
        Story hostile = new Story("style-8", s.source(), s.title(), "https://wire.example/a?u=" + "@".repeat(990),
                s.published(), s.body(), "https://img.example.org/" + "@".repeat(990));
        AlertStyle style = new AlertStyle(ZoneOffset.UTC, false, null, true);

        assertThat(platform.send(ALERTS, hostile, DiscordEmbedsTest.kharkivAssessment(), style))
                .isInstanceOf(SendResult.Sent.class);
        JsonNode embed = f.discord.awaitMessage().body().path("embeds").get(0);
        assertThat(embed.has("thumbnail")).isFalse();
        assertThat(embed.has("url")).isFalse();
        assertThat(embed.path("title").asText()).isEqualTo(s.title());

        assertThat(platform.send(PLAIN, hostile, DiscordEmbedsTest.kharkivAssessment(), style))
                .isInstanceOf(SendResult.Sent.class);
        assertThat(f.discord.awaitMessage().body().path("content").asText()).doesNotContain("@@").doesNotContain("%40")
                .contains("\nNorthern Wire · 2025-08-28 14:30 UTC\nid: style-8");
    }

    private static Story revised(String id, Instant at) {
        Story s = DiscordEmbedsTest.kharkivStory();
        return new Story(id, s.source(), s.title(), s.link(), s.published(), s.body(), null, null,
                new Story.Update(at, "19 killed (was 12); 3 outlets"));
    }

    @Test
    void anEditedEventSaysUpdatedInTheChatsZoneInTheEmbedAndInPlainText() {
        AlertStyle kyiv = new AlertStyle(ZoneId.of("Europe/Kyiv"), false, null, true).forEdit();
        Story edited = revised("style-6", Instant.parse("2026-03-03T13:00:00Z"));

        platform.edit(ALERTS, "900000000000000001", edited, DiscordEmbedsTest.kharkivAssessment(), kyiv);
        JsonNode embed = f.discord.awaitEdit().body().path("embeds").get(0);
        assertThat(embed.path("description").asText())
                .startsWith("Updated 15:00 UTC+2: 19 killed (was 12); 3 outlets\n\n");

        platform.edit(PLAIN, "900000000000000002", edited, DiscordEmbedsTest.kharkivAssessment(), kyiv);
        assertThat(f.discord.awaitEdit().body().path("content").asText())
                .contains("\nUpdated 15:00 UTC+2: 19 killed (was 12); 3 outlets\nNorthern Wire · ")
                .doesNotContain("13:00");
    }

    @Test
    void anEditAfterKyivsAutumnFallBackReadsUtcPlusTwo() {
        // 2026-10-25 01:00 UTC: Kyiv moves from UTC+3 back to UTC+2
        AlertStyle kyiv = new AlertStyle(ZoneId.of("Europe/Kyiv"), false, null, true).forEdit();
        platform.edit(PLAIN, "900000000000000003", revised("style-7", Instant.parse("2026-10-25T00:30:00Z")),
                DiscordEmbedsTest.kharkivAssessment(), kyiv);
        assertThat(f.discord.awaitEdit().body().path("content").asText()).contains("\nUpdated 03:30 UTC+3: ");
        platform.edit(PLAIN, "900000000000000003", revised("style-7", Instant.parse("2026-10-25T01:30:00Z")),
                DiscordEmbedsTest.kharkivAssessment(), kyiv);
        assertThat(f.discord.awaitEdit().body().path("content").asText()).contains("\nUpdated 03:30 UTC+2: ");
    }
}
