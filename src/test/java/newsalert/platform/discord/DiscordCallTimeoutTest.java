package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import newsalert.delivery.DeliveryReport;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.store.OutboxItem;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeout given to {@link DiscordPlatform} bounds each call by itself (issue 19, slice dreply19 item 3): JDA runs
 * a call made past its queue on the calling thread, so before, the adapter's timeout waited on a finished future and
 * only the HTTP client's call timeout counted. Here the HTTP client would wait 30 s, the adapter's timeout is 1 s and
 * the fake Discord posts the message but answers after 4 s: the send is given up after 1 s as transient with its
 * outcome unknown, the retry carries the same nonce, and the channel has the message once. The real JDA client on
 * 127.0.0.1; the 1 s and 4 s are the fake's and the adapter's real waits, which no injected clock drives.
 */
class DiscordCallTimeoutTest {
    private static final Target ALERTS = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);

    @TempDir
    Path dir;
    DiscordFixture f;

    @BeforeEach
    void start() throws InterruptedException {
        f = new DiscordFixture(dir, true, Duration.ofSeconds(30));
        f.news.subscriptions().saveSubscription(Subscription.of(ALERTS, Set.of(Topic.ATTACK), 40, DiscordFixture.T0));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aHungCreateIsGivenUpAtTheAdaptersTimeoutAndItsRetryPostsNothingTwice() {
        DeliveryWorker worker = new DeliveryWorker(f.news.subscriptions(),
                List.of(new DiscordPlatform(f.bot.jda(), Duration.ofSeconds(1))), RateLimits::forPlatform,
                f.clock, DeliverySettings.defaults());
        f.story(DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment(), ALERTS);
        f.discord.answerNextCreateAfter(Duration.ofSeconds(4));

        DeliveryReport first = worker.deliverDue(f.clock.instant());
        assertThat(first.sent()).as("given up before the late answer came").isZero();
        assertThat(first.retried()).isEqualTo(1);
        assertThat(f.news.status().outboxBacklog().get(Platform.DISCORD).unknown()).isEqualTo(1);
        OutboxItem waiting = f.news.subscriptions().pendingOutbox(ALERTS, 10).get(0);
        assertThat(waiting.lastError()).isEqualTo("transient: discord unreachable: no answer in time");
        FakeDiscord.Call posted = f.discord.awaitMessage();

        f.clock.advance(Duration.between(f.clock.instant(), waiting.nextAttemptAt()));
        DeliveryReport retry = worker.deliverDue(f.clock.instant());
        assertThat(retry.sent()).isEqualTo(1);
        assertThat(f.news.subscriptions().pendingOutbox(ALERTS, 10)).isEmpty();
        f.discord.awaitLateAnswer();
        assertThat(f.discord.postedCount()).as("one message in the channel").isEqualTo(1);
        assertThat(f.discord.duplicateNonces()).isEqualTo(1);
        assertThat(f.discord.calls().stream().filter(c -> c.method().equals("POST")
                && c.path().equals("channels/" + FakeDiscord.CHANNEL_ID + "/messages")))
                .hasSize(2).allSatisfy(c -> assertThat(c.body().path("nonce").asText())
                        .isEqualTo(posted.body().path("nonce").asText()));
    }
}
