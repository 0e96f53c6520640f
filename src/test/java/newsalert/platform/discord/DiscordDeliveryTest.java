package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import newsalert.delivery.DeliveryReport;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.pipeline.Poller;
import newsalert.store.OutboxItem;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The outbox worker driving {@link DiscordPlatform} against the fake: what a 429 and a 50013 do to the rows. */
class DiscordDeliveryTest {
    /** The failing feeds these tests poll on purpose log WARN lines: captured, off the console. */
    @RegisterExtension
    final LogCapture.PerTest pollerLog = LogCapture.perTest(Poller.class);

    static final Target ALERTS = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);

    @TempDir
    Path dir;
    DiscordFixture f;
    DeliveryWorker worker;

    @BeforeEach
    void start() throws InterruptedException {
        f = new DiscordFixture(dir, true);
        f.news.subscriptions().saveSubscription(Subscription.of(ALERTS, Set.of(Topic.ATTACK), 40, DiscordFixture.T0));
        worker = new DeliveryWorker(f.news.subscriptions(), List.of(f.bot.platform()), RateLimits::forPlatform,
                f.clock, DeliverySettings.defaults());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void a429IsHonouredByTheWorkerAndTheAlertGoesOutOnceAfterwards() {
        f.story(DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment(), ALERTS);
        f.discord.rateLimitNextCreate(7.0);

        DeliveryReport first = worker.deliverDue(f.clock.instant());
        OutboxItem waiting = f.news.subscriptions().pendingOutbox(ALERTS, 10).get(0);
        assertThat(first.retried()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isEqualTo(DiscordFixture.T0.plusSeconds(7));
        assertThat(waiting.lastError()).isEqualTo("rate limited, retry after 7 s");

        worker.deliverDue(f.clock.instant().plusSeconds(6));
        assertThat(f.discord.postedCount()).isZero();
        DeliveryReport later = worker.deliverDue(f.clock.instant().plusSeconds(7));
        assertThat(later.sent()).isEqualTo(1);
        assertThat(f.discord.awaitMessage().body().path("embeds").get(0).path("title").asText())
                .isEqualTo("Missile strike on Kharkiv apartment block kills 12");
        assertThat(f.discord.postedCount()).isEqualTo(1);
    }

    /** Issue 17 item 4 on Discord: the 24 h notice of a failing chat feed reaches the subscribed channel. */
    @Test
    void aChatFeedFailingFor24HoursBringsTheSubscribedChannelOneNotice() {
        f.news.chatFeeds().addChatFeed(new newsalert.store.ChatFeed(Platform.DISCORD, FakeDiscord.GUILD_ID,
                "https://broken.example.org/rss", FakeDiscord.MEMBER_ID, DiscordFixture.T0));
        newsalert.pipeline.FeedReader reader = (location, etag, lastModified, now) ->
                new newsalert.pipeline.ReadResult.Failed("HTTP 500 Internal Server Error", null);
        newsalert.pipeline.Poller poller = new newsalert.pipeline.Poller(f.news, reader,
                s -> newsalert.testing.Stories.nothing(), new newsalert.config.PollSettings(java.time.Duration
                .ofMinutes(5), java.time.Duration.ofHours(24), java.time.Duration.ofHours(1)), f.clock,
                new newsalert.pipeline.Routing(f.news.subscriptions(), f.news.chatFeeds(), reader));
        poller.pollDue(List.of());
        f.clock.advance(java.time.Duration.ofHours(24));
        poller.pollDue(List.of());

        DeliveryReport report = worker.deliverDue(f.clock.instant());

        assertThat(report.sent()).isEqualTo(1);
        FakeDiscord.Call posted = f.discord.awaitMessage();
        assertThat(posted.path()).isEqualTo("channels/" + FakeDiscord.CHANNEL_ID + "/messages");
        assertThat(posted.body().path("content").asText()).isEqualTo("The feed https://broken.example.org/rss has"
                + " failed every poll since 2025-08-28 15:00 UTC: HTTP 500 Internal Server Error. It is still tried;"
                + " after 7 days of failures it is turned off for this chat. See: /feeds list");
        assertThat(posted.body().has("embeds") && posted.body().path("embeds").size() > 0).isFalse();
        f.clock.advance(java.time.Duration.ofHours(1));
        poller.pollDue(List.of());
        assertThat(worker.deliverDue(f.clock.instant()).sent()).as("one notice per run of failures").isZero();
    }

    /**
     * Issue 17: a server with no subscribed channel has no channel to be told in; its notice was once sent to the
     * bare server id, which Discord refuses. Now nothing is queued and one INFO line says why.
     */
    @Test
    void aServerWithNoSubscribedChannelGetsNoNoticeAndOneInfoLine() {
        f.news.subscriptions().removeSubscription(ALERTS);
        f.news.chatFeeds().addChatFeed(new newsalert.store.ChatFeed(Platform.DISCORD, FakeDiscord.GUILD_ID,
                "https://broken.example.org/rss", FakeDiscord.MEMBER_ID, DiscordFixture.T0));
        newsalert.pipeline.FeedReader reader = (location, etag, lastModified, now) ->
                new newsalert.pipeline.ReadResult.Failed("HTTP 500 Internal Server Error", null);
        newsalert.pipeline.Poller poller = new newsalert.pipeline.Poller(f.news, reader,
                s -> newsalert.testing.Stories.nothing(), new newsalert.config.PollSettings(java.time.Duration
                .ofMinutes(5), java.time.Duration.ofHours(24), java.time.Duration.ofHours(1)), f.clock,
                new newsalert.pipeline.Routing(f.news.subscriptions(), f.news.chatFeeds(), reader));
        try (LogCapture store = LogCapture.of(newsalert.store.jdbc.JdbcChatFeedStore.class)) {
            poller.pollDue(List.of());
            f.clock.advance(java.time.Duration.ofHours(24));
            poller.pollDue(List.of());
            f.clock.advance(java.time.Duration.ofHours(1));
            poller.pollDue(List.of());

            DeliveryReport report = worker.deliverDue(f.clock.instant());

            assertThat(report.sent()).isZero();
            assertThat(report.retried() + report.rejected()).isZero();
            assertThat(f.discord.postedCount()).isZero();
            assertThat(f.news.subscriptions().pendingOutbox(100)).isEmpty();
            assertThat(store.lines()).containsExactly("INFO feed-health notice for https://broken.example.org/rss"
                    + " not sent to Discord server " + FakeDiscord.GUILD_ID + ": no channel there is subscribed"
                    + " (subscribe a channel to get these notices)");
        }
    }

    @Test
    void missingPermissionsPausesTheSubscriptionWithTheReason() {
        f.story(DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment(), ALERTS);
        f.discord.failNextCreate(403, 50013, "Missing Permissions");

        DeliveryReport report = worker.deliverDue(f.clock.instant());

        assertThat(report.paused()).isEqualTo(1);
        Subscription sub = f.news.subscriptions().subscription(ALERTS).orElseThrow();
        assertThat(sub.paused()).isTrue();
        assertThat(sub.pauseReason()).isEqualTo("discord 50013: Missing Permissions");
    }

    @Test
    void aDroppedGatewayDoesNotStopDeliveries() throws InterruptedException {
        // JDA logs the close it is sent at ERROR on its own thread: kept off the console, and checked
        try (LogCapture jda = LogCapture.of("net.dv8tion.jda")) {
            f.discord.awaitFromBot(2);
            f.discord.dropConnection();
            Story s = DiscordEmbedsTest.kharkivStory();
            f.story(s, DiscordEmbedsTest.kharkivAssessment(), ALERTS);

            DeliveryReport report = worker.deliverDue(f.clock.instant());

            assertThat(report.sent()).isEqualTo(1);
            assertThat(f.discord.awaitMessage().path()).isEqualTo("channels/" + FakeDiscord.CHANNEL_ID + "/messages");
            assertThat(f.discord.awaitFromBot(6).path("d").path("session_id").asText()).isEqualTo(FakeDiscord.SESSION_ID);
            assertThat(f.news.subscriptions().sentMessageId(s.id(), ALERTS)).isPresent();
            assertThat(jda.await("4000", java.time.Duration.ofSeconds(30))).isTrue();
        }
    }
}
