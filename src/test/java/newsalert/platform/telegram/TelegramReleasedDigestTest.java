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
import newsalert.store.ChatFeedCap;
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
 * Issue 19 item 2 for rows held by a chat-added feed's hourly cap: when their hour ends they go as one digest
 * that is fixed (rows and rendered message) before its first try, so a retry — after a restart, a toll rise and
 * the chat's quiet hours beginning — sends the identical request, and a row released later is not folded in.
 * The real Telegram client against the fake Bot API on 127.0.0.1; time is driven.
 */
class TelegramReleasedDigestTest {
    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1002000000002");
    private static final String FEED = "https://chat-feed.test/rss";
    private static final ChatFeedCap CAP = new ChatFeedCap(1, Duration.ofHours(1), end -> "held until " + end);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private FakeTelegramApi fake;
    private TelegramPlatform telegram;
    private JdbcNewsStore news;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeTelegramApi();
        telegram = new TelegramPlatform(fake.settings(Duration.ofSeconds(1)));
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("released.db"));
    }

    @AfterEach
    void stop() {
        telegram.close();
        news.close();
        fake.close();
    }

    private DeliveryWorker worker() {
        return new DeliveryWorker(news.subscriptions(), List.of(telegram), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults());
    }

    /** Delivers until nothing more goes now, the clock moving 3 s (the group's pace) between rounds. */
    private void drain() {
        DeliveryWorker worker = worker();
        for (int i = 0; i < 10; i++) {
            worker.deliverDue(clock.instant());
            clock.advance(Duration.ofSeconds(3));
        }
    }

    private void record(String id, String title, int killed) {
        news.recordChatEntry(FEED, id, Stories.story(id, title, clock.instant()), Stories.attackKilling(killed),
                clock.instant(), List.of(GROUP), CAP);
    }

    @Test
    void aReleasedDigestIsFixedBeforeItsFirstTryAndRetriedByteForByte() {
        record("c1", "Strike number 1", 11); // the hour's one row: goes at once
        for (int i = 2; i <= 5; i++) {
            record("c" + i, "Strike number " + i, 10 + i); // held: c2–c5, and the chat told once
        }
        drain();
        assertThat(fake.sent()).hasSize(2); // the alert and the held-back notice
        int before = fake.bodies().size();

        clock.set(T0.plus(Duration.ofHours(1)));
        fake.failNextSends(1, Failure.serverError());
        assertThat(worker().deliverDue(clock.instant()).retried()).isEqualTo(1);
        assertThat(fake.bodies()).hasSize(before + 1);
        List<OutboxItem> fixed = news.subscriptions().releasedOutbox(GROUP, clock.instant(), 10);
        assertThat(fixed).hasSize(4).allSatisfy(r -> assertThat(r.digestId()).isEqualTo(fixed.get(0).id()));

        // a restart; meanwhile c3's toll rises and the chat's quiet hours begin
        news.close();
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("released.db"));
        String c3 = fixed.get(1).story().id();
        news.reviseChatStory(Stories.story(c3, "Strike number 3: toll rises", T0), Stories.attackKilling(40),
                clock.instant());
        assertThat(news.subscriptions().releasedOutbox(GROUP, clock.instant(), 10).get(1).assessment().casualties()
                .killed().min()).isEqualTo(40);
        news.subscriptions().saveChatSettings(new ChatSettings(Platform.TELEGRAM, GROUP.chatId(), ZoneOffset.UTC,
                new QuietHours(LocalTime.of(8, 0), LocalTime.of(12, 0)), true), clock.instant());

        clock.advance(Duration.ofSeconds(3));
        assertThat(worker().deliverDue(clock.instant()).merged()).isEqualTo(4);
        assertThat(fake.bodies().get(before + 1)).isEqualTo(fake.bodies().get(before));
        String text = fake.sent().get(2).text();
        assertThat(text).startsWith("<b>Digest: 4 alerts</b>").contains("Strike number 3</b> — 13 killed")
                .doesNotContain("toll rises").doesNotContain("40");
        assertThat(news.subscriptions().releasedOutbox(GROUP, clock.instant(), 10)).isEmpty();
    }
}
