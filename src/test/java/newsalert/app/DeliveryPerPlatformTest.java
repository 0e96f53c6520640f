package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.delivery.SendResult;
import newsalert.store.OutboxItem;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 3: a send that hangs waiting for one platform's answer holds only that platform's chats; the
 * delivery loop serves each platform on its own thread, so Discord's alert goes while a Telegram call hangs.
 */
class DeliveryPerPlatformTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    /** Only a broken loop reaches it: the Discord send normally comes within one round. */
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path dir;

    /** An adapter whose sends wait for {@code release} (a hung call) or go at once when it is null. */
    private static ChatPlatform adapter(Platform platform, CountDownLatch entered, CountDownLatch release) {
        return new ChatPlatform() {
            @Override
            public Platform platform() {
                return platform;
            }

            @Override
            public SendResult send(Target target, Story story, Assessment assessment) {
                entered.countDown();
                if (release != null) {
                    try {
                        release.await(WAIT_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return new SendResult.Sent(platform.wireName() + "-1");
            }

            @Override
            public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
                return new SendResult.Sent(messageId);
            }

            @Override
            public SendResult reply(Target target, String messageId, String text) {
                return new SendResult.Sent("r");
            }

            @Override
            public SendResult sendDigest(Target target, List<OutboxItem> items) {
                return new SendResult.Sent("d");
            }
        };
    }

    @Test
    void aHungTelegramSendDoesNotHoldDiscord() throws Exception {
        Target telegramChat = Target.chat(Platform.TELEGRAM, "5550001");
        Target discordChannel = Target.chat(Platform.DISCORD, "9001");
        CountDownLatch telegramEntered = new CountDownLatch(1);
        CountDownLatch telegramRelease = new CountDownLatch(1);
        CountDownLatch discordSent = new CountDownLatch(1);
        MutableClock clock = new MutableClock(T0);
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("platforms.db"))) {
            // Telegram's row first: one thread for all would reach Discord only after the hung call
            store.recordEntry("https://wire.test/a.rss", Stories.story("s1", "Strike", T0), Stories.attack(true),
                    true, T0, List.of(telegramChat, discordChannel));
            DeliveryWorker worker = new DeliveryWorker(store.subscriptions(),
                    List.of(adapter(Platform.TELEGRAM, telegramEntered, telegramRelease),
                            adapter(Platform.DISCORD, discordSent, null)),
                    RateLimits::forPlatform, clock, DeliverySettings.defaults());
            DeliveryLoop loop = new DeliveryLoop(worker, store.subscriptions(), clock, "test-owner");
            try {
                loop.start(Duration.ofMillis(100));
                assertThat(telegramEntered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
                assertThat(discordSent.await(WAIT_SECONDS, TimeUnit.SECONDS))
                        .as("Discord's alert went while the Telegram send hung").isTrue();
                assertThat(telegramRelease.getCount()).isEqualTo(1);   // still hanging
            } finally {
                telegramRelease.countDown();
                loop.close();
            }
            // once answered, the hung send is marked like any other (the console's row waits: no console here)
            assertThat(store.subscriptions().pendingOutbox(telegramChat, 10)).isEmpty();
            assertThat(store.subscriptions().pendingOutbox(discordChannel, 10)).isEmpty();
        }
    }
}
