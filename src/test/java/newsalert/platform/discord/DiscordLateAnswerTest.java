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
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.story.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 3 on Discord, end to end: Discord posts an alert but answers after 45 s, while the bot gives up on a
 * delivery request after 15 s ({@code discord.request-timeout}). The send's outcome is unknown; the retry carries
 * the same nonce with {@code enforce_nonce}, Discord answers it with the message it already posted, and the channel
 * has the alert once. The real JDA client, the delivery worker and {@link FakeDiscord} (which keeps Discord's nonce
 * rule: a repeated nonce in a channel gets the first message back and posts nothing). Scaled because the wait is
 * OkHttp's call timeout and the fake's answer, which no injected clock drives (JDA runs a delivery request on the
 * calling thread, so the bound is the HTTP client's {@code discord.request-timeout}): scaled 1/5, the bot gives up
 * after 3 s and the answer comes after 9 s (1 s against 3 s risked the bot's start timing out on a loaded machine).
 */
class DiscordLateAnswerTest {
    private static final Target ALERTS = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration LATE_ANSWER = Duration.ofSeconds(9);

    @TempDir
    Path dir;
    DiscordFixture f;
    DeliveryWorker worker;

    @BeforeEach
    void start() throws InterruptedException {
        f = new DiscordFixture(dir, true, REQUEST_TIMEOUT);
        f.news.subscriptions().saveSubscription(Subscription.of(ALERTS, Set.of(Topic.ATTACK), 40, DiscordFixture.T0));
        worker = new DeliveryWorker(f.news.subscriptions(),
                List.of(f.bot.platform()), RateLimits::forPlatform,
                f.clock, DeliverySettings.defaults());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aSendAnsweredAfterTheTimeoutIsRetriedWithItsNonceAndPostedOnce() {
        f.story(DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment(), ALERTS);
        f.discord.answerNextCreateAfter(LATE_ANSWER);

        DeliveryReport first = worker.deliverDue(f.clock.instant());
        assertThat(first.sent()).isZero();
        assertThat(first.retried()).isEqualTo(1);
        OutboxItem waiting = f.news.subscriptions().pendingOutbox(ALERTS, 10).get(0);
        assertThat(f.news.status().outboxBacklog().get(Platform.DISCORD).unknown())
                .as("an unanswered send's outcome is unknown, not failed").isEqualTo(1);
        FakeDiscord.Call posted = f.discord.awaitMessage();
        assertThat(f.discord.postedCount()).as("Discord did post it").isEqualTo(1);

        // the retry goes out while Discord still holds the first answer; its nonce was stored when it was posted
        f.clock.advance(Duration.between(f.clock.instant(), waiting.nextAttemptAt()));
        DeliveryReport retry = worker.deliverDue(f.clock.instant());

        assertThat(retry.sent()).isEqualTo(1);
        assertThat(f.news.subscriptions().pendingOutbox(ALERTS, 10)).isEmpty();
        assertThat(f.news.status().outboxBacklog().getOrDefault(Platform.DISCORD, null))
                .satisfiesAnyOf(b -> assertThat(b).isNull(), b -> assertThat(b.unknown()).isZero());
        assertThat(f.discord.postedCount()).as("one message in the channel").isEqualTo(1);
        assertThat(f.discord.duplicateNonces()).as("the retry was recognised by its nonce").isEqualTo(1);
        List<FakeDiscord.Call> creates = f.discord.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("channels/" + FakeDiscord.CHANNEL_ID
                        + "/messages")).toList();
        assertThat(creates).hasSize(2).allSatisfy(c -> {
            assertThat(c.body().path("nonce").asText()).isEqualTo(posted.body().path("nonce").asText()).isNotEmpty();
            assertThat(c.body().path("enforce_nonce").asBoolean()).isTrue();
        });
        assertThat(creates.get(1).body().path("embeds")).isEqualTo(posted.body().path("embeds"));
        f.discord.awaitLateAnswer(); // the fake's held answer ends before it closes
    }
}
