package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import newsalert.delivery.ScriptedPlatform.Call;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxStatus;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
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

/** The delivery worker against a real SQLite outbox and a scripted fake platform, on a hand-moved clock. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class DeliveryWorkerTest {
    @Parameter
    StoreKind kind;

    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final String FEED = "https://wire.test/world.rss";
    private static final Target ALICE = Target.chat(Platform.TELEGRAM, "5550001");
    private static final Target BOB = Target.chat(Platform.TELEGRAM, "5550002");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");

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
        newWorker();
    }

    @AfterEach
    void close() {
        news.close();
    }

    private void newWorker() {
        telegram = new ScriptedPlatform(Platform.TELEGRAM, clock);
        worker = new DeliveryWorker(subs, List.of(telegram), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults().withoutDigests());
    }

    /** Routes story {@code id} (an attack) to the targets, as the poller does. */
    private void route(String id, Target... targets) {
        news.recordEntry(FEED, Stories.story(id, "Strike on " + id, T0), Stories.attack(true), false, clock.instant(),
                List.of(targets));
    }

    /** Calls the worker every {@code step} until {@code total} has passed; @return the summed report. */
    private DeliveryReport runFor(Duration total, Duration step) {
        Instant end = clock.instant().plus(total);
        int sent = 0;
        int merged = 0;
        int retried = 0;
        int paused = 0;
        List<DeliveryReport.Migration> migrations = new ArrayList<>();
        while (clock.instant().isBefore(end)) {
            DeliveryReport r = worker.deliverDue(clock.instant());
            sent += r.sent();
            merged += r.merged();
            retried += r.retried();
            paused += r.paused();
            migrations.addAll(r.migrations());
            clock.advance(step);
        }
        return new DeliveryReport(sent, merged, retried, paused, migrations);
    }

    private List<Instant> timesTo(Target target) {
        return telegram.calls.stream().filter(c -> c.target().equals(target)).map(Call::at).toList();
    }

    @Test
    void rowsGoInOrderPerTargetAndAFailedHeadHoldsBackOnlyItsTarget() {
        route("s1", ALICE, BOB);
        route("s2", ALICE, BOB);
        route("s3", ALICE, BOB);
        telegram.then(new SendResult.Transient("502 Bad Gateway"));   // the very first send: Alice's s1

        DeliveryReport report = runFor(Duration.ofSeconds(10), Duration.ofMillis(500));

        assertThat(report).isEqualTo(new DeliveryReport(6, 0, 1, 0, List.of()));
        assertThat(telegram.storiesTo(ALICE)).containsExactly("s1", "s1", "s2", "s3");
        assertThat(timesTo(ALICE)).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
        assertThat(telegram.storiesTo(BOB)).containsExactly("s1", "s2", "s3");
        assertThat(timesTo(BOB)).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
        assertThat(subs.pendingTargets()).isEmpty();
    }

    @Test
    void retryAfterIsHonouredAndNothingIsDropped() {
        route("s1", ALICE);
        route("s2", ALICE);
        route("s3", ALICE);
        telegram.then(new SendResult.RateLimited(Duration.ofSeconds(30)));

        DeliveryReport first = worker.deliverDue(clock.instant());
        assertThat(first).isEqualTo(new DeliveryReport(0, 0, 1, 0, List.of()));
        OutboxItem held = subs.pendingOutbox(ALICE, 10).get(0);
        assertThat(held.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(held.lastError()).isEqualTo("rate limited, retry after 30 s");

        clock.advance(Duration.ofSeconds(1));
        runFor(Duration.ofSeconds(28), Duration.ofSeconds(1));   // up to T0+29 s: nothing may go out
        assertThat(telegram.calls).hasSize(1);

        DeliveryReport rest = runFor(Duration.ofSeconds(10), Duration.ofSeconds(1));
        assertThat(rest.sent()).isEqualTo(3);
        assertThat(telegram.storiesTo(ALICE)).containsExactly("s1", "s1", "s2", "s3");
        assertThat(timesTo(ALICE)).containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(31), T0.plusSeconds(32));
        assertThat(subs.sentMessageId("s1", ALICE)).contains("m100");
        assertThat(subs.sentMessageId("s3", ALICE)).contains("m102");
        assertThat(subs.pendingTargets()).isEmpty();
    }

    @Test
    void transientFailuresBackOffDoubling() {
        route("s1", ALICE);
        telegram.then(new SendResult.Transient("timeout"), new SendResult.Transient("503"),
                new SendResult.Transient("503"), new SendResult.Transient("timeout"),
                new SendResult.Transient("connection refused"));

        DeliveryReport report = runFor(Duration.ofSeconds(40), Duration.ofMillis(250));

        assertThat(report).isEqualTo(new DeliveryReport(1, 0, 5, 0, List.of()));
        // waits of 1 and 2 s after the first failures; the third failure in a row makes the platform count as
        // down, and a down platform is tried by one probe every 10 s, whatever the rows' own back-offs say
        assertThat(timesTo(ALICE)).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(3), T0.plusSeconds(13),
                T0.plusSeconds(23), T0.plusSeconds(33));
        assertThat(subs.sentMessageId("s1", ALICE)).contains("m100");
    }

    @Test
    void anAdapterThatThrowsCountsAsTransient() {
        route("s1", ALICE);
        ChatPlatform broken = new ChatPlatform() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public SendResult send(Target target, newsalert.story.Story story, newsalert.story.Assessment a) {
                throw new IllegalStateException("socket closed");
            }

            @Override
            public SendResult sendDigest(Target target, List<newsalert.store.OutboxItem> items) {
                throw new IllegalStateException("socket closed");
            }

            @Override
            public SendResult edit(Target target, String id, newsalert.story.Story story, newsalert.story.Assessment a) {
                throw new IllegalStateException("socket closed");
            }

            @Override
            public SendResult reply(Target target, String messageId, String text) {
                throw new IllegalStateException("socket closed");
            }
        };
        worker = new DeliveryWorker(subs, List.of(broken), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults());

        assertThat(worker.deliverDue(T0)).isEqualTo(new DeliveryReport(0, 0, 1, 0, List.of()));
        OutboxItem row = subs.pendingOutbox(ALICE, 1).get(0);
        assertThat(row.lastError()).isEqualTo("transient: adapter error: java.lang.IllegalStateException: socket closed");
        assertThat(row.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(row.attempts()).isEqualTo(1);
    }

    /**
     * tester18d: JDA refused to build a Discord alert whose picture address grew past 2,000 characters once its
     * '@'s were escaped; the IllegalArgumentException counted as transient, and the row held the channel's later
     * alerts for ever. A message the client cannot build is given up at once, so no row waits behind it.
     */
    @Test
    void aMessageThePlatformsClientCannotBuildIsGivenUpAndTheNextRowGoes() {
        route("s1", ALICE);
        List<String> sent = new ArrayList<>();
        ChatPlatform picky = new ChatPlatform() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public SendResult send(Target target, newsalert.story.Story story, newsalert.story.Assessment a) {
                if (story.id().equals("s1")) {
                    throw new IllegalArgumentException("URL must not be longer than 2000");
                }
                sent.add(story.id());
                return new SendResult.Sent("m-" + story.id());
            }

            @Override
            public SendResult sendDigest(Target target, List<newsalert.store.OutboxItem> items) {
                throw new AssertionError("no digest here");
            }

            @Override
            public SendResult edit(Target target, String id, newsalert.story.Story story, newsalert.story.Assessment a) {
                throw new AssertionError("no edit here");
            }

            @Override
            public SendResult reply(Target target, String messageId, String text) {
                throw new AssertionError("no reply here");
            }
        };
        worker = new DeliveryWorker(subs, List.of(picky), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults());

        // given up at its first try: nothing of the target's is left pending behind it
        assertThat(worker.deliverDue(T0).rejected()).isEqualTo(1);
        assertThat(subs.pendingOutbox(ALICE, 5)).isEmpty();
        assertThat(sent).isEmpty();
    }

    @ParameterizedTest(name = "after {0} attempts wait {1}")
    @CsvSource({"0, PT1S", "1, PT2S", "2, PT4S", "5, PT32S", "9, PT8M32S", "10, PT10M", "40, PT10M"})
    void backoffDoublesUpToTenMinutes(int attempts, Duration expected) {
        assertThat(DeliverySettings.defaults().backoff(attempts)).isEqualTo(expected);
    }

    @Test
    void aRejectedMessageFailsOnlyItsRowAndTheTargetGoesOn() {
        subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
        route("s1", GROUP);
        route("s2", GROUP);
        telegram.then(new SendResult.Rejected("Telegram 400: Bad Request: can't parse entities"));

        DeliveryReport first = worker.deliverDue(T0);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(first.paused()).isZero();
        assertThat(subs.subscription(GROUP).orElseThrow().paused()).isFalse();
        assertThat(news.queries().delivery("s1", GROUP)).contains(OutboxStatus.FAILED);
        clock.advance(Duration.ofSeconds(3));
        assertThat(worker.deliverDue(clock.instant()).sent()).isEqualTo(1);
        assertThat(telegram.storiesTo(GROUP)).containsExactly("s1", "s2");
    }

    @Test
    void aPermanentErrorPausesTheTargetAndHoldsItsLaterRows() {
        subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
        route("s1", GROUP);
        route("s2", GROUP);
        telegram.then(new SendResult.Permanent("Forbidden: bot was kicked from the supergroup chat"));

        assertThat(worker.deliverDue(T0)).isEqualTo(new DeliveryReport(0, 0, 0, 1, List.of()));
        Subscription paused = subs.subscription(GROUP).orElseThrow();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.pauseReason()).isEqualTo("Forbidden: bot was kicked from the supergroup chat");
        // s1 is settled for good; s2 waits, unsent, while the target is paused
        assertThat(subs.pendingOutbox(GROUP, 10)).extracting(r -> r.story().id()).containsExactly("s2");
        runFor(Duration.ofMinutes(1), Duration.ofSeconds(5));
        assertThat(telegram.calls).hasSize(1);

        // resuming puts back the alert that met the error, ahead of the ones held behind it
        subs.resume(GROUP);
        assertThat(runFor(Duration.ofSeconds(10), Duration.ofSeconds(1)).sent()).isEqualTo(2);
        assertThat(telegram.storiesTo(GROUP)).containsExactly("s1", "s1", "s2");
        assertThat(subs.sentMessageId("s1", GROUP)).contains("m100");
        assertThat(subs.sentMessageId("s2", GROUP)).contains("m101");
    }

    @Test
    void aMigratedChatIsReportedPausedAndKeepsItsRow() {
        subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
        route("s1", GROUP);
        telegram.then(new SendResult.Migrated("-1009876543210"));

        DeliveryReport report = worker.deliverDue(T0);

        assertThat(report.migrations()).containsExactly(new DeliveryReport.Migration(GROUP, "-1009876543210"));
        assertThat(subs.subscription(GROUP).orElseThrow().pauseReason()).isEqualTo("chat migrated to -1009876543210");
        assertThat(subs.pendingOutbox(GROUP, 10)).extracting(r -> r.story().id()).containsExactly("s1");
    }

    @Test
    void oneMessagePerSecondToAChat() {
        route("s1", ALICE);
        route("s2", ALICE);
        route("s3", ALICE);

        assertThat(worker.deliverDue(T0).sent()).isEqualTo(1);
        clock.advance(Duration.ofMillis(999));
        assertThat(worker.deliverDue(clock.instant()).sent()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(worker.deliverDue(clock.instant()).sent()).isEqualTo(1);
        assertThat(timesTo(ALICE)).containsExactly(T0, T0.plusSeconds(1));
    }

    @Test
    void thirtyMessagesPerSecondOverall() {
        Target[] chats = IntStream.range(0, 40).mapToObj(i -> Target.chat(Platform.TELEGRAM, String.valueOf(9000 + i)))
                .toArray(Target[]::new);
        route("s1", chats);

        assertThat(worker.deliverDue(T0).sent()).isEqualTo(30);
        assertThat(worker.deliverDue(T0).sent()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.deliverDue(clock.instant()).sent()).isEqualTo(10);
        assertThat(telegram.calls).extracting(Call::target).containsExactlyInAnyOrder(chats);
    }

    @Test
    void aRestartResumesPendingRowsAndNeverResendsASentOne() {
        route("s1", ALICE, BOB);
        route("s2", ALICE, BOB);
        route("s3", ALICE, BOB);
        runFor(Duration.ofMillis(1500), Duration.ofMillis(500));   // T0 and T0+1 s: s1 and s2 to each
        assertThat(telegram.calls).hasSize(4);

        // the process dies; a new one opens the same database with a new worker
        news.close();
        news = JdbcNewsStore.open(kind.url(dir));
        subs = news.subscriptions();
        newWorker();
        runFor(Duration.ofSeconds(10), Duration.ofMillis(500));

        assertThat(telegram.calls).extracting(Call::storyId).containsExactly("s3", "s3");
        assertThat(subs.sentMessageId("s1", ALICE)).contains("m100");
        assertThat(subs.sentMessageId("s3", BOB)).isPresent();
        assertThat(subs.pendingTargets()).isEmpty();
    }

    @Test
    void targetsOfAPlatformWithNoAdapterWait() {
        Target discord = Target.chat(Platform.DISCORD, "112233445566");
        route("s1", discord, ALICE);

        assertThat(worker.deliverDue(T0)).isEqualTo(new DeliveryReport(1, 0, 0, 0, List.of()));
        assertThat(subs.pendingTargets()).containsExactly(discord);
    }

    @Test
    void afterAFiveMinuteOutageEveryTargetResumesWithinFifteenSeconds() {
        Instant back = T0.plus(Duration.ofMinutes(5));
        telegram.downUntil(back);
        route("s1", ALICE, BOB, GROUP);

        DeliveryReport during = runFor(Duration.ofMinutes(5), Duration.ofSeconds(1));
        int callsDuringOutage = telegram.calls.size();
        route("s2", ALICE, BOB, GROUP); // stored while the platform was away, just before it answers again
        runFor(Duration.ofSeconds(15), Duration.ofSeconds(1));

        assertThat(during.sent()).isZero();
        // each target sent both stories, the first within 15 s of the platform's return
        for (Target t : List.of(ALICE, BOB, GROUP)) {
            List<Call> sent = telegram.calls.stream().filter(c -> c.target().equals(t) && !c.at().isBefore(back))
                    .toList();
            assertThat(sent).extracting(Call::storyId).containsExactly("s1", "s2");
            assertThat(sent.get(0).at()).isBefore(back.plusSeconds(15));
        }
        assertThat(subs.pendingTargets()).isEmpty();
        // the outage itself cost few calls: each row's first try, then one probe per 10 s for all of them
        assertThat(callsDuringOutage).isBetween(3 + 300 / 10 - 1, 3 + 300 / 10 + 1);
    }

    @Test
    void duringAnOutageOnlyTheProbeCallsHoweverManyChatsWait() {
        // tester19c: 60 chats, each on its own back-off, made 425 calls in a 120-s outage
        Instant back = T0.plus(Duration.ofMinutes(2));
        telegram.downUntil(back);
        List<Target> chats = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> Target.chat(Platform.TELEGRAM, String.valueOf(7_770_000 + i))).toList();
        route("s1", chats.toArray(Target[]::new));

        runFor(Duration.ofMinutes(2), Duration.ofSeconds(1));
        int callsDuringOutage = telegram.calls.size();
        runFor(Duration.ofSeconds(15), Duration.ofSeconds(1));

        // each chat's row gets its first try (a new row is not held back), then only the platform's probe goes,
        // once per 10 s, whatever the rows' own back-offs say
        assertThat(callsDuringOutage).isLessThanOrEqualTo(60 + 120 / 10 + 1);
        assertThat(subs.pendingTargets()).as("every chat resumed within 15 s of the return").isEmpty();
    }

    @Test
    void aRetryAfterIsKeptExactlyEvenWhenThePlatformComesBack() {
        route("s1", ALICE);
        // Alice is told to wait 120 s; then the platform goes away for a minute while Bob and the group wait
        telegram.then(new SendResult.RateLimited(Duration.ofSeconds(120)));
        worker.deliverDue(clock.instant());
        telegram.downUntil(T0.plusSeconds(60));
        route("s2", BOB, GROUP);

        runFor(Duration.ofSeconds(119), Duration.ofSeconds(1));
        assertThat(timesTo(ALICE)).containsExactly(T0);
        // Bob and the group got theirs once it was back; Alice's wait was neither probed nor cut short
        assertThat(subs.pendingTargets()).containsExactly(ALICE);
        assertThat(timesTo(BOB).get(timesTo(BOB).size() - 1)).isBetween(T0.plusSeconds(60), T0.plusSeconds(75));

        runFor(Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(timesTo(ALICE)).containsExactly(T0, T0.plusSeconds(120));
        assertThat(subs.pendingTargets()).isEmpty();
    }

    @Test
    void aChatThatKeepsFailingAmongWorkingOnesIsNotRetriedFasterThanItsBackOff() {
        route("s1", ALICE);
        for (int i = 0; i < 40; i++) {
            route("b" + i, BOB);
        }
        // Alice's chat fails every time; Bob's sends go through in between
        telegram.failFor(ALICE);

        runFor(Duration.ofSeconds(40), Duration.ofSeconds(1));

        // back-off 1, 2, 4, 8, 16 s: tries at 0, 1, 3, 7, 15, 31 s, never more
        assertThat(timesTo(ALICE)).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(3), T0.plusSeconds(7),
                T0.plusSeconds(15), T0.plusSeconds(31));
    }

    /**
     * Issue 19 item 1: the first send accepted after an outage is marked sent before anything else is written (the
     * other rows' resumed retries come after it), so no write stands between the platform's accept and the mark.
     */
    @Test
    void theFirstSendAcceptedAfterAnOutageIsMarkedBeforeTheOtherRowsAreResumed() {
        List<String> writes = new ArrayList<>();
        SubscriptionStore recording = (SubscriptionStore) java.lang.reflect.Proxy.newProxyInstance(
                SubscriptionStore.class.getClassLoader(), new Class<?>[] {SubscriptionStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("markSent") || method.getName().equals("resumeRetries")) {
                        writes.add(method.getName());
                    }
                    try {
                        return method.invoke(subs, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        worker = new DeliveryWorker(recording, List.of(telegram), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults().withoutDigests());
        telegram.downUntil(T0.plusSeconds(30));
        route("s1", ALICE, BOB);

        runFor(Duration.ofSeconds(45), Duration.ofSeconds(1));

        assertThat(writes).containsExactly("markSent", "resumeRetries", "markSent");
        assertThat(subs.pendingTargets()).isEmpty();
    }
}
