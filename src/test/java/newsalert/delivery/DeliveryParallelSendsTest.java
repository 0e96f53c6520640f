package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxStatus;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.RecordingPlatform;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: a worker made with {@link DeliveryWorker#sendingOn} sends to several targets of a platform at once within
 * one round, keeps each target's rows in order, and keeps the shared rate limits exactly; a target whose send throws
 * does not stop the others. The clock is a hand-moved one; threads are real (the point is concurrency), and the only
 * waits are hang bounds on latches that the sends themselves count down.
 */
class DeliveryParallelSendsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String FEED = "https://wire.test/world.rss";
    /** How long a latch may wait before the test counts as hung (never reached when the code is right). */
    private static final long HANG_BOUND_S = 20;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private JdbcNewsStore news;
    private SubscriptionStore subs;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("news.db"));
        subs = news.subscriptions();
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        news.close();
    }

    private static Target chat(int n) {
        return Target.chat(Platform.TELEGRAM, String.valueOf(5_550_000 + n));
    }

    private void route(String storyId, List<Target> targets) {
        news.recordEntry(FEED, Stories.story(storyId, "Strike on " + storyId, T0), Stories.attack(true), false,
                clock.instant(), targets);
    }

    private DeliveryWorker worker(ChatPlatform platform, RateLimits limits, int threads) {
        pool = Executors.newFixedThreadPool(threads);
        return new DeliveryWorker(subs, List.of(platform), p -> limits, clock,
                DeliverySettings.defaults().withoutDigests()).sendingOn(p -> pool);
    }

    @Test
    void aSendWaitingForItsAnswerDoesNotHoldAnotherChatsSend() {
        Target first = chat(1);
        Target second = chat(2);
        route("s1", List.of(first, second));
        CountDownLatch bothStarted = new CountDownLatch(2);
        RecordingPlatform platform = platform((target, story) -> {
            // each send is answered only once the other chat's send has started too: one after the other, the
            // first would wait out the hang bound and count as a failure
            bothStarted.countDown();
            return await(bothStarted) ? null : new SendResult.Transient("the other send never started");
        });

        DeliveryReport report = worker(platform, RateLimits.telegram(), 2).deliverDue(clock.instant());

        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.retried()).isZero();
        assertThat(platform.storiesTo(first)).containsExactly("s1");
        assertThat(platform.storiesTo(second)).containsExactly("s1");
        assertThat(subs.pendingOutbox(10)).isEmpty();
    }

    @Test
    void eachChatsRowsGoInOrderOneRoundAfterTheOtherWhileChatsRunSideBySide() {
        List<Target> chats = IntStream.rangeClosed(1, 12).mapToObj(DeliveryParallelSendsTest::chat).toList();
        route("s1", chats);
        route("s2", chats);
        route("s3", chats);
        RecordingPlatform platform = platform((target, story) -> null);
        DeliveryWorker worker = worker(platform, RateLimits.telegram(), 4);

        int sent = 0;
        for (int round = 0; round < 3; round++) {
            sent += worker.deliverDue(clock.instant()).sent();
            clock.advance(Duration.ofSeconds(1)); // Telegram: one message per chat per second
        }

        assertThat(sent).isEqualTo(36);
        for (Target chat : chats) {
            assertThat(platform.storiesTo(chat)).as("order at %s", chat).containsExactly("s1", "s2", "s3");
        }
        assertThat(subs.pendingOutbox(100)).isEmpty();
    }

    @Test
    void threeSendersTogetherTakeTheOverallWindowLessTheirReserveAndNoMore() {
        List<Target> chats = IntStream.rangeClosed(1, 200).mapToObj(DeliveryParallelSendsTest::chat).toList();
        route("s1", chats);
        RecordingPlatform platform = platform((target, story) -> null);
        DeliveryWorker worker = worker(platform, RateLimits.telegram(), 3);

        DeliveryReport first = worker.deliverDue(clock.instant());

        // the clock stands still: Telegram's 30 a second, less room for the 3 sends that may be on their way at once
        // (they could arrive inside the next second), whichever threads ask
        assertThat(first.sent()).isEqualTo(27);
        assertThat(platform.calls()).hasSize(27);
        assertThat(subs.pendingOutbox(1_000)).hasSize(173);
        assertThat(first.limitedUntil()).as("the overall window opens a second after the burst")
                .isEqualTo(T0.plusSeconds(1));

        clock.advance(Duration.ofMillis(100)); // still within that second: none
        DeliveryReport held = worker.deliverDue(clock.instant());
        assertThat(held.sent()).isZero();
        assertThat(held.limitedUntil()).isEqualTo(T0.plusSeconds(1));
        clock.advance(Duration.ofMillis(900));
        assertThat(worker.deliverDue(clock.instant()).sent()).isEqualTo(27);
        assertThat(platform.calls()).hasSize(54);
        assertThat(platform.calls().stream().distinct().count()).as("no chat sent to twice").isEqualTo(54);
    }

    @Test
    void aChatWhoseSendThrowsStopsOnlyItselfAndTheRoundReportsTheError() {
        Target broken = chat(1);
        List<Target> others = IntStream.rangeClosed(2, 6).mapToObj(DeliveryParallelSendsTest::chat).toList();
        List<Target> all = new ArrayList<>(others);
        all.add(0, broken);
        route("s1", all);
        RecordingPlatform platform = platform((target, story) -> {
            if (target.equals(broken)) {
                throw new LinkageError("a class of the platform's client failed to load");
            }
            return null;
        });
        DeliveryWorker worker = worker(platform, RateLimits.telegram(), 3);

        assertThatThrownBy(() -> worker.deliverDue(clock.instant()))
                .isInstanceOf(LinkageError.class)
                .hasMessage("a class of the platform's client failed to load");

        for (Target chat : others) {
            assertThat(platform.storiesTo(chat)).as("sent to %s", chat).containsExactly("s1");
        }
        List<OutboxItem> pending = subs.pendingOutbox(10);
        assertThat(pending).extracting(OutboxItem::target).containsExactly(broken);
        assertThat(pending.get(0).status()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void withoutSendersEveryTargetRunsOnTheCallersThread() {
        route("s1", List.of(chat(1), chat(2), chat(3)));
        Thread caller = Thread.currentThread();
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        RecordingPlatform platform = platform((target, story) -> {
            threads.add(Thread.currentThread());
            return null;
        });
        DeliveryWorker worker = new DeliveryWorker(subs, List.of(platform), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults().withoutDigests());

        assertThat(worker.deliverDue(clock.instant()).sent()).isEqualTo(3);
        assertThat(threads).containsExactly(caller, caller, caller);
        assertThat(worker.concurrentSends(Platform.TELEGRAM)).isEqualTo(3);
        assertThat(worker.concurrentSends(Platform.DISCORD)).isEqualTo(1);
    }

    @Test
    void aRetryAfterCountsFromTheAnswerNotFromTheStartOfALongRound() {
        // tester19c: 300 chats at 200 ms an answer made a round last 15 s; a 429 "retry after 10 s" answered late in
        // it was counted from the round's start, and the chat was called again 4.2 s after the 429
        Target slow = chat(1);
        Target limited = chat(2);
        route("s1", List.of(slow, limited));
        RecordingPlatform platform = platform((target, story) -> {
            if (target.equals(slow)) {
                clock.advance(Duration.ofSeconds(15)); // this answer takes the round's first 15 s
                return null;
            }
            clock.advance(Duration.ofMillis(200));
            return new SendResult.RateLimited(Duration.ofSeconds(10));
        });
        DeliveryWorker serial = new DeliveryWorker(subs, List.of(platform), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults().withoutDigests());

        DeliveryReport report = serial.deliverDue(T0);

        assertThat(report.sent()).isEqualTo(1);
        assertThat(report.retried()).isEqualTo(1);
        OutboxItem waiting = subs.pendingOutbox(10).get(0);
        assertThat(waiting.target()).isEqualTo(limited);
        assertThat(waiting.nextAttemptAt()).as("10 s after the 429 came, at T0 + 15.2 s")
                .isEqualTo(T0.plusMillis(25_200));
    }

    @Test
    void aHungSendHoldsOnlyItsOwnChatAndItsResultComesWithALaterRound() throws Exception {
        // tester19c: one send answered after 60 s held every Telegram chat for that minute
        Target hung = chat(1);
        Target other = chat(2);
        Target third = chat(3);
        route("s1", List.of(hung));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch othersSent = new CountDownLatch(2);
        RecordingPlatform platform = platform((target, story) -> {
            if (target.equals(hung) && story.id().equals("s1")) {
                return await(release) ? null : new SendResult.Transient("never released");
            }
            if (!target.equals(hung)) {
                othersSent.countDown();
            }
            return null;
        });
        pool = Executors.newFixedThreadPool(3);
        // rounds wait for nothing (Duration.ZERO): what ends later is reported by a later round
        DeliveryWorker worker = new DeliveryWorker(subs, List.of(platform), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults().withoutDigests()).sendingOn(p -> pool, Duration.ZERO);

        worker.deliverDue(clock.instant()); // the hung send starts; the round does not wait for it
        clock.advance(Duration.ofSeconds(2));
        route("s2", List.of(hung, other, third));
        DeliveryReport second = worker.deliverDue(clock.instant()); // may count sends that ended before it returned
        assertThat(await(othersSent)).as("the other chats get s2 while the hung send waits").isTrue();
        assertThat(platform.storiesTo(hung)).as("its chat is skipped meanwhile, its order kept").containsExactly("s1");

        release.countDown(); // the answer comes
        finishSends();
        clock.advance(Duration.ofSeconds(2));
        DeliveryReport third3 = worker.deliverDue(clock.instant()); // reports the late ones, sends s2 to the hung chat
        finishSends();
        DeliveryReport fourth = worker.deliverDue(clock.instant());

        assertThat(second.sent() + third3.sent() + fourth.sent())
                .as("s1 and s2 to the hung chat, s2 to the two others").isEqualTo(4);
        assertThat(platform.storiesTo(hung)).containsExactly("s1", "s2");
        assertThat(platform.storiesTo(other)).containsExactly("s2");
        assertThat(platform.storiesTo(third)).containsExactly("s2");
        assertThat(subs.pendingOutbox(10)).isEmpty();
    }

    @Test
    void sendsHangingOnEveryPermitLendThemToTheOtherChatsAtTheNextRound() throws Exception {
        // tester19d: four sends hanging at once (Telegram allows four in flight) held every other chat for 60 s
        List<Target> hung = List.of(chat(1), chat(2));
        List<Target> others = IntStream.rangeClosed(3, 8).mapToObj(DeliveryParallelSendsTest::chat).toList();
        route("s1", hung);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch othersSent = new CountDownLatch(others.size());
        java.util.concurrent.atomic.AtomicInteger sending = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
        RecordingPlatform platform = new RecordingPlatform(Platform.TELEGRAM, 2, (target, story) -> {
            if (hung.contains(target)) {
                return await(release) ? null : new SendResult.Transient("never released");
            }
            mostAtOnce.accumulateAndGet(sending.incrementAndGet(), Math::max);
            sending.decrementAndGet();
            othersSent.countDown();
            return null;
        });
        // two permits (the platform's concurrent sends), eight threads; rounds wait for nothing, so a send counts
        // as hung from the next round on
        pool = Executors.newFixedThreadPool(8);
        DeliveryWorker worker = new DeliveryWorker(subs, List.of(platform), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults().withoutDigests()).sendingOn(p -> pool, Duration.ZERO);

        worker.deliverDue(clock.instant()); // both hung sends start and take both permits
        clock.advance(Duration.ofSeconds(1));
        route("s2", others);
        // frees the hung sends' permits; the other chats go on them (a send that ends before the round returns is
        // counted by it, the others by the next round)
        DeliveryReport second = worker.deliverDue(clock.instant());

        assertThat(await(othersSent)).as("the six other chats get s2 while both hung sends wait").isTrue();
        assertThat(mostAtOnce.get()).as("never more than the two permits sending at once").isLessThanOrEqualTo(2);
        assertThat(platform.storiesTo(chat(1))).containsExactly("s1");
        release.countDown();
        finishSends();
        clock.advance(Duration.ofSeconds(1));
        DeliveryReport late = worker.deliverDue(clock.instant());
        assertThat(second.sent() + late.sent()).as("the two hung sends, reported late, and the six others")
                .isEqualTo(8);
        assertThat(subs.pendingOutbox(10)).isEmpty();
    }

    @Test
    void aTaskWhosePermitWasFreedLeavesItsChatsLaterRowsToALaterRound() throws Exception {
        Target hung = chat(1);
        route("s1", List.of(hung));
        route("s2", List.of(hung));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingPlatform platform = new RecordingPlatform(Platform.TELEGRAM, 1, (target, story) -> {
            if (story.id().equals("s1")) {
                started.countDown();
                return await(release) ? null : new SendResult.Transient("never released");
            }
            return null;
        });
        pool = Executors.newFixedThreadPool(2);
        DeliveryWorker worker = new DeliveryWorker(subs, List.of(platform), p -> RateLimits.discord(), clock,
                DeliverySettings.defaults().withoutDigests()).sendingOn(p -> pool, Duration.ZERO);

        worker.deliverDue(clock.instant());
        assertThat(await(started)).isTrue();
        clock.advance(Duration.ofSeconds(3));
        worker.deliverDue(clock.instant()); // the chat is in flight: skipped; its permit is freed
        release.countDown();
        finishSends();

        assertThat(platform.storiesTo(hung)).as("the task ended after the send it waited for").containsExactly("s1");
        assertThat(subs.pendingOutbox(10)).extracting(r -> r.story().id()).containsExactly("s2");
        worker.deliverDue(clock.instant());
        finishSends();
        assertThat(platform.storiesTo(hung)).containsExactly("s1", "s2");
    }

    /** Lets every send on the pool end (a hang bound only), then gives the worker a fresh pool. */
    private void finishSends() throws InterruptedException {
        pool.shutdown();
        assertThat(pool.awaitTermination(HANG_BOUND_S, TimeUnit.SECONDS)).as("sends ended").isTrue();
        pool = Executors.newFixedThreadPool(3);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(HANG_BOUND_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static RecordingPlatform platform(BiFunction<Target, Story, SendResult> answer) {
        return new RecordingPlatform(Platform.TELEGRAM, 3, answer);
    }
}
