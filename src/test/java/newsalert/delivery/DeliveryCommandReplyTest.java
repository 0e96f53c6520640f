package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsalert.delivery.ScriptedPlatform.Call;
import newsalert.store.CommandUpdateStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import newsalert.testing.StoreKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Command replies queued in the outbox (issue 19 item 5) go out under the platform's rate limits like alerts, on a
 * driven clock: 1,000 replies keep 1 a second per chat, 20 a minute per group and 30 a second overall; a paused
 * chat still gets its answers while its alerts stay held.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class DeliveryCommandReplyTest {
    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100777");

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private JdbcNewsStore news;
    private CommandUpdateStore updates;
    private ScriptedPlatform telegram;
    private DeliveryWorker worker;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open(kind.url(dir));
        updates = news.commandUpdates();
        telegram = new ScriptedPlatform(Platform.TELEGRAM, clock);
        worker = new DeliveryWorker(news.subscriptions(), List.of(telegram), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults());
    }

    @AfterEach
    void close() {
        news.close();
    }

    @Test
    void aThousandRepliesKeepEveryTelegramLimit() {
        // 960 private chats answered once, and one group that sent 40 commands
        long update = 1;
        for (int i = 0; i < 960; i++) {
            Target chat = Target.chat(Platform.TELEGRAM, String.valueOf(7_000 + i));
            updates.queueReplies("telegram:4242", update, chat, List.of(CommandReplyNote.encode("answer " + update)),
                    update, T0);
            update++;
        }
        for (int i = 0; i < 40; i++) {
            updates.queueReplies("telegram:4242", update, GROUP, List.of(CommandReplyNote.encode("answer " + update)),
                    update, T0);
            update++;
        }

        Instant end = T0.plus(Duration.ofMinutes(3));
        while (clock.instant().isBefore(end) && !news.subscriptions().pendingTargets().isEmpty()) {
            worker.deliverDue(clock.instant());
            clock.advance(Duration.ofSeconds(1));
        }

        List<Call> calls = telegram.calls;
        assertThat(calls).hasSize(1_000);
        assertThat(calls).extracting(Call::storyId).doesNotHaveDuplicates()
                .allSatisfy(s -> assertThat(s).startsWith("reply:null:answer "));
        assertThat(news.subscriptions().pendingTargets()).isEmpty();
        // 30 a second overall, rounds a second apart as run's delivery loop makes them (the limiter is a bucket of 30:
        // rounds closer together could put up to 30 more into one second, never more than 30 a second sustained)
        List<Instant> all = calls.stream().map(Call::at).toList();
        for (Instant t : all) {
            assertThat(all.stream().filter(o -> !o.isBefore(t) && o.isBefore(t.plusSeconds(1))).count())
                    .isLessThanOrEqualTo(30);
            assertThat(all.stream().filter(o -> !o.isBefore(t) && o.isBefore(t.plusSeconds(10))).count())
                    .isLessThanOrEqualTo(30 * 10);
        }
        assertThat(Duration.between(all.get(0), all.get(all.size() - 1))).isGreaterThanOrEqualTo(Duration.ofSeconds(33));
        // at least one second between two messages to one chat; at most 20 a minute to the group
        Map<Target, List<Instant>> perChat = new HashMap<>();
        calls.forEach(c -> perChat.computeIfAbsent(c.target(), t -> new ArrayList<>()).add(c.at()));
        perChat.values().forEach(times -> {
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        });
        List<Instant> group = perChat.get(GROUP);
        assertThat(group).hasSize(40);
        for (Instant t : group) {
            assertThat(group.stream().filter(o -> !o.isBefore(t) && o.isBefore(t.plusSeconds(60))).count())
                    .isLessThanOrEqualTo(20);
        }
        // the 960 private chats are not held back by the group: all answered within 1,000 / 30 s and a little
        Instant lastPrivate = calls.stream().filter(c -> !c.target().equals(GROUP)).map(Call::at)
                .max(Instant::compareTo).orElseThrow();
        assertThat(lastPrivate).isBefore(T0.plusSeconds(36));
    }

    @Test
    void aPausedChatGetsItsAnswersWhileItsAlertsStayHeld() {
        news.subscriptions().saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
        news.recordEntry("https://wire.test/rss", Stories.story("s1", "Strike on a depot", T0), Stories.attack(true),
                false, T0, List.of(GROUP));
        news.subscriptions().pause(GROUP, "the bot was removed from the chat");
        updates.queueReplies("telegram:4242", 5, GROUP, List.of(CommandReplyNote.encode("status: paused")), 5, T0);

        worker.deliverDue(clock.instant());

        assertThat(telegram.calls).extracting(Call::storyId).containsExactly("reply:null:status: paused");
        assertThat(news.subscriptions().pendingOutbox(GROUP, 10)).extracting(r -> r.story().id())
                .containsExactly("s1");
    }
}
