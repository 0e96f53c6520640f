package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import newsalert.delivery.DeliveryReport;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
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
import org.junit.jupiter.api.io.TempDir;

/** The outbox worker driving {@link DiscordPlatform} against the fake: what a 429 and a 50013 do to the rows. */
class DiscordDeliveryTest {
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
