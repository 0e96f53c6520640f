package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import newsalert.delivery.ScriptedPlatform.Call;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.OutboxStatus;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import newsalert.testing.StoreKind;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Backlogs merge lower-severity alerts into one digest instead of dropping them. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class DeliveryDigestTest {
    @Parameter
    StoreKind kind;

    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final Target ALICE = Target.chat(Platform.TELEGRAM, "5550001");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private JdbcNewsStore news;
    private SubscriptionStore subs;
    private ScriptedPlatform telegram;
    private DeliveryWorker worker;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open(kind.url(dir));
        subs = news.subscriptions();
        telegram = new ScriptedPlatform(Platform.TELEGRAM, clock);
        worker = new DeliveryWorker(subs, List.of(telegram), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults());
    }

    @AfterEach
    void close() {
        news.close();
    }

    /** Routes stories s1, s2, … to Alice with the given severities. */
    private void routeSeverities(int... severities) {
        for (int i = 0; i < severities.length; i++) {
            Assessment a = new Assessment(Set.of(Topic.ATTACK), severities[i], List.of(), Casualties.NONE, List.of(),
                    true);
            news.recordEntry("https://wire.test/rss", Stories.story("s" + (i + 1), "Story " + (i + 1), T0), a, false,
                    T0, List.of(ALICE));
        }
    }

    @Test
    void aBacklogSendsOneDigestThenTheMostSevereSingly() {
        routeSeverities(30, 90, 20, 40, 85, 10, 50, 60);
        // the rows have waited a minute (say the bot was stopped): a real backlog
        clock.advance(DeliveryWorker.DIGEST_AFTER);

        // the two kept singles wait for the chat's one message a second: the report says when it allows the next
        assertThat(worker.deliverDue(clock.instant())).isEqualTo(new DeliveryReport(1, 6, 0, 0, List.of(), 0, 0,
                clock.instant().plusSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.deliverDue(clock.instant()).sent()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.deliverDue(clock.instant()).sent()).isEqualTo(1);

        assertThat(telegram.calls).extracting(Call::storyId)
                .containsExactly("digest:s1,s3,s4,s6,s7,s8", "s2", "s5");
        assertThat(subs.pendingTargets()).isEmpty();
        // merged rows are settled, not sent: no message id of their own to edit later
        assertThat(subs.sentMessageId("s1", ALICE)).isEmpty();
        assertThat(subs.sentMessageId("s2", ALICE)).contains("m101");
        assertThat(subs.sentMessageId("s5", ALICE)).contains("m102");
    }

    @Test
    void aBurstOfFreshAlertsFromOnePollGoesOutOneByOne() {
        routeSeverities(30, 90, 20, 40, 85, 10, 50, 60);

        for (int i = 0; i < 8; i++) {
            assertThat(worker.deliverDue(clock.instant()).sent()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(telegram.calls).extracting(Call::storyId)
                .containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
        assertThat(subs.pendingTargets()).isEmpty();
    }

    @Test
    void aDigestIsFixedBeforeItsFirstTryAndRetriedWithExactlyItsRows() {
        routeSeverities(50, 50, 50, 50, 50, 50);
        telegram.then(new SendResult.Transient("504 Gateway Timeout"), new SendResult.Transient("504 Gateway Timeout"));

        // fresh rows go singly: s1 fails, which makes the queue a backlog
        assertThat(worker.deliverDue(T0)).isEqualTo(new DeliveryReport(0, 0, 1, 0, List.of()));
        clock.advance(Duration.ofSeconds(1));
        // the digest of s1-s4 is fixed in the store, then its first try fails
        assertThat(worker.deliverDue(clock.instant())).isEqualTo(new DeliveryReport(0, 0, 1, 0, List.of()));
        assertThat(subs.pendingOutbox(ALICE, 10)).extracting(OutboxItem::digestId)
                .containsExactly(1L, 1L, 1L, 1L, null, null);
        // five more alerts arrive while it waits: they do not join it, and it is not re-composed
        for (int i = 7; i <= 11; i++) {
            Assessment a = new Assessment(Set.of(Topic.ATTACK), 20, List.of(), Casualties.NONE, List.of(), true);
            news.recordEntry("https://wire.test/rss", Stories.story("s" + i, "Story " + i, T0), a, true,
                    clock.instant(), List.of(ALICE));
        }
        clock.advance(Duration.ofMillis(1_999));
        assertThat(worker.deliverDue(clock.instant()).sent()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(worker.deliverDue(clock.instant())).isEqualTo(new DeliveryReport(1, 4, 0, 0, List.of(), 0, 0,
                clock.instant().plusSeconds(1)));
        assertThat(telegram.calls).extracting(Call::storyId)
                .containsExactly("s1", "digest:s1,s2,s3,s4", "digest:s1,s2,s3,s4");
        // the rest have waited 4 s and never failed: no backlog, they go on their own
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue(clock.instant());
        assertThat(telegram.calls.get(3).storyId()).isEqualTo("s5");
    }

    @ParameterizedTest(name = "severities [{0}], above {1} keep {2}: merge [{3}]")
    @CsvSource({
            "30 90 20 40 85 10 50 60, 5, 2, s1 s3 s4 s6 s7 s8",
            // equal severities: the newest stay single, so order is kept
            "50 50 50 50 50 50 50, 5, 2, s1 s2 s3 s4 s5",
            "50 50 50 50 50, 5, 2, ''",
            "10 20 30 40 50 60, 5, 0, s1 s2 s3 s4 s5 s6",
            "10 20 30 40 50 60, 0, 0, ''",
            "70 20 70 20, 3, 1, s1 s2 s4",
    })
    void digestPicksAllButTheMostSevere(String severities, int threshold, int singles, String expected) {
        int[] sev = Arrays.stream(severities.split(" ")).mapToInt(Integer::parseInt).toArray();
        List<OutboxItem> queue = IntStream.range(0, sev.length)
                .mapToObj(i -> new OutboxItem(i + 1, ALICE, Stories.story("s" + (i + 1), "t", T0), null, sev[i],
                        OutboxStatus.PENDING, 0, null, null, null, T0, null, OutboxKind.SEND))
                .toList();
        List<String> merged = Digest.toMerge(queue, threshold, singles).stream().map(r -> r.story().id()).toList();
        assertThat(merged).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
    }
}
