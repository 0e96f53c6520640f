package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.SendResult;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxStatus;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery through the real JDA against the fake Discord. */
class DiscordPlatformTest {
    static final Target ALERTS = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);
    static final Target PLAIN = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.PLAIN_CHANNEL_ID);

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

    @Test
    void sendPostsTheEmbedWithAStableNonceAndEnforceNonce() {
        SendResult r = platform.send(ALERTS, DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment());
        FakeDiscord.Call posted = f.discord.awaitMessage();

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(posted.path()).isEqualTo("channels/" + FakeDiscord.CHANNEL_ID + "/messages");
        assertThat(posted.body().path("nonce").asText())
                .isEqualTo(Nonces.alert("wire-kharkiv-0828", ALERTS)).hasSizeLessThanOrEqualTo(25);
        assertThat(posted.body().path("enforce_nonce").asBoolean()).isTrue();
        assertThat(posted.body().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(posted.body().path("embeds").get(0).path("title").asText())
                .isEqualTo("Missile strike on Kharkiv apartment block kills 12");
        Snapshots.assertMatches("alert-kharkiv", posted.body().path("embeds").get(0).toString());
    }

    @Test
    void aRetriedCreateWithTheSameNonceIsNotPostedTwice() {
        var story = DiscordEmbedsTest.kharkivStory();
        var again = new newsalert.story.Story("retry-1", story.source(), story.title(), story.link(),
                story.published(), story.body());
        SendResult first = platform.send(ALERTS, again, DiscordEmbedsTest.kharkivAssessment());
        f.discord.awaitMessage();
        int duplicatesBefore = f.discord.duplicateNonces();
        SendResult second = platform.send(ALERTS, again, DiscordEmbedsTest.kharkivAssessment());

        assertThat(second).isEqualTo(first);
        assertThat(f.discord.duplicateNonces()).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void aRateLimitComesBackAsRateLimitedWithDiscordsRetryAfter() {
        f.discord.rateLimitNextCreate(3.0);
        SendResult r = platform.send(ALERTS, DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment());

        assertThat(r).isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(3)));
    }

    @Test
    void missingPermissionsIsPermanentWithTheReason() {
        f.discord.failNextCreate(403, 50013, "Missing Permissions");
        SendResult r = platform.send(ALERTS, DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment());

        assertThat(r).isEqualTo(new SendResult.Permanent("discord 50013: Missing Permissions"));
    }

    @Test
    void unknownChannelIsPermanent() {
        f.discord.failNextCreate(404, 10003, "Unknown Channel");
        SendResult r = platform.send(ALERTS, DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment());

        assertThat(r).isEqualTo(new SendResult.Permanent("discord 10003: Unknown Channel"));
    }

    @Test
    void anInvalidFormBodyIsRejectedWithoutPausingTheChannel() {
        f.discord.failNextCreate(400, 50035, "Invalid Form Body");
        SendResult r = platform.send(ALERTS, DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment());

        assertThat(r).isEqualTo(new SendResult.Rejected("discord 50035: Invalid Form Body (HTTP 400)"));
    }

    @Test
    void aServerErrorIsTransient() {
        f.discord.failNextCreate(500, 0, "Internal Server Error");
        SendResult r = platform.send(ALERTS, DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment());

        assertThat(r).isInstanceOf(SendResult.Transient.class);
        assertThat(((SendResult.Transient) r).reason()).contains("HTTP 500");
    }

    @Test
    void aFollowUpRepliesToTheAlertEscapedWithANonce() {
        SendResult r = platform.reply(ALERTS, "777000000000000001", "Death toll now 41 (was *12*), 3 outlets");
        FakeDiscord.Call posted = f.discord.awaitMessage();

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(posted.body().path("content").asText()).isEqualTo("Death toll now 41 (was \\*12\\*), 3 outlets");
        assertThat(posted.body().path("message_reference").path("message_id").asText())
                .isEqualTo("777000000000000001");
        assertThat(posted.body().path("enforce_nonce").asBoolean()).isTrue();
        assertThat(posted.body().path("nonce").asText()).isNotBlank();
    }

    @Test
    void aNoticeIsAPlainMessageOfItsOwnEscapedWithANonce() {
        SendResult r = platform.notice(ALERTS, "Held back: the feed https://x.test/a_b_c brought *more* than 10 alerts");
        FakeDiscord.Call posted = f.discord.awaitMessage();

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(posted.body().path("content").asText())
                .isEqualTo("Held back: the feed https://x.test/a_b_c brought \\*more\\* than 10 alerts");
        assertThat(posted.body().has("message_reference")).isFalse();
        assertThat(posted.body().path("nonce").asText()).isNotBlank();
    }

    @Test
    void editPatchesTheMessageById() {
        SendResult r = platform.edit(ALERTS, "777000000000000001", DiscordEmbedsTest.kharkivStory(),
                DiscordEmbedsTest.kharkivAssessment());
        FakeDiscord.Call edit = f.discord.awaitEdit();

        assertThat(r).isEqualTo(new SendResult.Sent("777000000000000001"));
        assertThat(edit.path()).isEqualTo("channels/" + FakeDiscord.CHANNEL_ID + "/messages/777000000000000001");
        assertThat(edit.body().path("embeds").get(0).path("fields").get(0).path("value").asText())
                .isEqualTo("12 killed, at least 30 injured");
    }

    @Test
    void aChannelWithoutEmbedLinksGetsPlainText() {
        SendResult r = platform.send(PLAIN, DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment());
        FakeDiscord.Call posted = f.discord.awaitMessage();

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(posted.path()).isEqualTo("channels/" + FakeDiscord.PLAIN_CHANNEL_ID + "/messages");
        assertThat(posted.body().path("embeds")).isEmpty();
        assertThat(posted.body().path("content").asText())
                .isEqualTo(DiscordEmbeds.alertText(DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment()));
    }

    @Test
    void digestPostsOneEmbedListingTheRows() {
        List<OutboxItem> rows = List.of(row(41, "d41", "Drone strike hits Odesa port"),
                row(42, "d42", "Shelling in Kherson kills two"));
        SendResult r = platform.sendDigest(ALERTS, rows);
        FakeDiscord.Call posted = f.discord.awaitMessage();

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(posted.body().path("nonce").asText()).isEqualTo(Nonces.digest(ALERTS, rows));
        assertThat(posted.body().path("embeds").get(0).path("title").asText()).isEqualTo("2 alerts");
        assertThat(posted.body().path("embeds").get(0).path("description").asText())
                .isEqualTo("• [Drone strike hits Odesa port](https://wire.example/d41) — 12 killed, at least 30 injured\n"
                        + "• [Shelling in Kherson kills two](https://wire.example/d42) — 12 killed, at least 30 injured");
    }

    @Test
    void aDigestRenderedBeforeItsFirstTryIsPostedIdenticallyOnEveryTry() {
        List<OutboxItem> rows = List.of(row(51, "d51", "Drone strike hits Odesa port"),
                row(52, "d52", "Shelling in Kherson kills two"));
        String rendered = platform.renderDigest(ALERTS, rows,
                new newsalert.delivery.AlertStyle(java.time.ZoneOffset.UTC, true, "<@&9001>", true));
        int dupes = f.discord.duplicateNonces();
        SendResult first = platform.sendRenderedDigest(ALERTS, rows, rendered);
        FakeDiscord.Call firstPost = f.discord.awaitMessage();

        // the same rows tried again (say the first answer was lost) after a member's title changed: the stored
        // message goes again, with the same nonce, so Discord answers with the first message
        List<OutboxItem> changed = List.of(row(51, "d51", "Drone strike hits Odesa port, toll rises"), rows.get(1));
        SendResult second = platform.sendRenderedDigest(ALERTS, changed, rendered);
        List<FakeDiscord.Call> posts = f.discord.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().endsWith("/messages")).toList();
        FakeDiscord.Call secondPost = posts.get(posts.size() - 1);

        assertThat(second).isEqualTo(first);
        assertThat(f.discord.duplicateNonces()).isEqualTo(dupes + 1);
        assertThat(secondPost.body()).isEqualTo(firstPost.body());
        assertThat(secondPost.body().path("nonce").asText()).isEqualTo(Nonces.digest(ALERTS, rows));
        assertThat(secondPost.body().path("content").asText()).isEqualTo("<@&9001>");
        assertThat(secondPost.body().path("flags").asInt() & 4096).isEqualTo(4096); // SUPPRESS_NOTIFICATIONS
        assertThat(secondPost.body().path("embeds").get(0).path("description").asText())
                .startsWith("• [Drone strike hits Odesa port](https://wire.example/d51) —");
    }

    @Test
    void editOfAMessageDeletedInTheChannelIsSettledWithoutPausing() {
        f.discord.failNext("PATCH", "channels/\\d+/messages/\\d+", 404, 10008, "Unknown Message");
        SendResult r = platform.edit(ALERTS, "777000000000000002", DiscordEmbedsTest.kharkivStory(),
                DiscordEmbedsTest.kharkivAssessment());

        assertThat(r).isEqualTo(new SendResult.Sent("777000000000000002"));
    }

    @Test
    void editWithoutAccessIsPermanent() {
        f.discord.failNext("PATCH", "channels/\\d+/messages/\\d+", 403, 50001, "Missing Access");
        SendResult r = platform.edit(ALERTS, "777000000000000003", DiscordEmbedsTest.kharkivStory(),
                DiscordEmbedsTest.kharkivAssessment());

        assertThat(r).isEqualTo(new SendResult.Permanent("discord 50001: Missing Access"));
    }

    @Test
    void aDirectMessageTargetPostsToItsChatId() {
        Target dm = Target.chat(Platform.DISCORD, "850000000000000001");
        SendResult r = platform.send(dm, DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment());

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(f.discord.awaitMessage().path()).isEqualTo("channels/850000000000000001/messages");
    }

    /**
     * Documents why the platform bypasses JDA's queue: a queued call (plain {@code complete()}) that meets a
     * 429 is retried by JDA after the retry-after, so the caller only sees the late success.
     */
    @Test
    void jdasQueueRetriesA429ByItselfSoAQueuedCallerNeverSeesIt() {
        f.discord.rateLimitNextCreate(1.0);
        var channel = f.bot.jda().getTextChannelById(FakeDiscord.CHANNEL_ID);
        var message = channel.sendMessage("queued").setNonce("queued-1").complete();

        assertThat(message.getId()).isNotBlank();
        assertThat(f.discord.calls().stream().filter(c -> c.method().equals("POST")
                && "queued-1".equals(c.body().path("nonce").asText()))).hasSize(2);
        assertThat(f.discord.awaitMessage().body().path("content").asText()).isEqualTo("queued");
    }

    private static OutboxItem row(long id, String storyId, String title) {
        var s = new newsalert.story.Story(storyId, "Wire", title, "https://wire.example/" + storyId,
                DiscordEmbedsTest.PUBLISHED, "");
        return new OutboxItem(id, ALERTS, s, DiscordEmbedsTest.kharkivAssessment(), 82, OutboxStatus.PENDING, 0, null,
                null, null, DiscordEmbedsTest.PUBLISHED, null, null);
    }
}
