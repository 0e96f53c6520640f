package newsalert.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.platform.telegram.FakeTelegramApi.Failure;
import newsalert.store.OutboxItem;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import newsalert.subscription.QuietHours;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 2 on Telegram, through the real client and the fake Bot API: a digest's message is rendered and
 * stored when the digest is fixed, before its first try, so a retry is byte-for-byte the same request even after
 * a member's toll rose and the chat went quiet meanwhile.
 */
class TelegramFixedDigestTest {
    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1002000000001");
    private static final String FEED = "https://wire.test/rss";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private FakeTelegramApi fake;
    private TelegramPlatform telegram;
    private JdbcNewsStore news;
    private DeliveryWorker worker;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeTelegramApi();
        telegram = new TelegramPlatform(fake.settings(Duration.ofSeconds(1)));
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("digest.db"));
        worker = new DeliveryWorker(news.subscriptions(), List.of(telegram), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults());
    }

    @AfterEach
    void stop() {
        telegram.close();
        news.close();
        fake.close();
    }

    @Test
    void aRetriedDigestIsTheSameMessageAfterATollRoseAndQuietHoursBegan() {
        for (int i = 1; i <= 6; i++) {
            news.recordEntry(FEED, Stories.story("s" + i, "Strike number " + i, T0), Stories.attackKilling(10 + i),
                    false, T0, List.of(GROUP));
        }
        clock.advance(DeliveryWorker.DIGEST_AFTER); // a real backlog: s1–s4 become one digest, s5 and s6 stay single
        fake.failNextSends(1, Failure.serverError());
        assertThat(worker.deliverDue(clock.instant()).retried()).isEqualTo(1);
        assertThat(fake.bodies()).hasSize(1);
        assertThat(fake.sent()).isEmpty();

        // meanwhile s2's toll rises and the chat's quiet hours begin (a silent digest would be a new message)
        news.reviseStory(Stories.story("s2", "Strike number 2: toll rises", T0), Stories.attackKilling(40),
                clock.instant());
        List<OutboxItem> pending = news.subscriptions().pendingOutbox(GROUP, 20);
        assertThat(pending.stream().filter(r -> "s2".equals(r.story().id())).findFirst().orElseThrow()
                .assessment().casualties().killed().min()).isEqualTo(40);
        news.subscriptions().saveChatSettings(new ChatSettings(Platform.TELEGRAM, GROUP.chatId(), ZoneOffset.UTC,
                new QuietHours(LocalTime.of(8, 0), LocalTime.of(12, 0)), true), clock.instant());

        clock.advance(Duration.ofSeconds(3)); // the 1-s back-off and the group chat's one message per 3 s
        assertThat(worker.deliverDue(clock.instant()).merged()).isEqualTo(4);

        List<FakeTelegramApi.Sent> sent = fake.sent();
        assertThat(fake.bodies().get(1)).isEqualTo(fake.bodies().get(0));
        assertThat(sent.get(0).text()).startsWith("<b>Digest: 4 alerts</b>")
                .contains("Strike number 2</b> — 12 killed").doesNotContain("toll rises").doesNotContain("40");
        assertThat(fake.bodies().get(1).has("disable_notification")
                && fake.bodies().get(1).get("disable_notification").asBoolean()).isFalse();
    }
}
