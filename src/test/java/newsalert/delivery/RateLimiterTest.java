package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimiterTest {
    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final Target PRIVATE = Target.chat(Platform.TELEGRAM, "5551234");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    private static final Target GROUP_TOPIC = new Target(Platform.TELEGRAM, "-1001234567890", "42");

    private final MutableClock clock = new MutableClock(T0);
    private final RateLimiter limiter = new RateLimiter(RateLimits.telegram(), clock);

    @Test
    void oneMessagePerSecondPerChat() {
        assertThat(limiter.tryAcquire(PRIVATE)).isTrue();
        assertThat(limiter.tryAcquire(PRIVATE)).isFalse();
        assertThat(limiter.nextAllowed(PRIVATE)).isEqualTo(T0.plusSeconds(1));
        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.tryAcquire(PRIVATE)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire(PRIVATE)).isTrue();
        // another chat is not held back by this one
        assertThat(limiter.tryAcquire(Target.chat(Platform.TELEGRAM, "5559876"))).isTrue();
    }

    @Test
    void groupChatGetsOneMessageEveryThreeSecondsAndTopicsShareIt() {
        assertThat(limiter.tryAcquire(GROUP)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        // per-chat allows it, the group limit (20/min) does not; the forum topic is the same chat
        assertThat(limiter.tryAcquire(GROUP_TOPIC)).isFalse();
        assertThat(limiter.nextAllowed(GROUP)).isEqualTo(T0.plusSeconds(3));
        clock.advance(Duration.ofSeconds(2));
        assertThat(limiter.tryAcquire(GROUP_TOPIC)).isTrue();
    }

    @Test
    void neverMoreThanTwentyInAnyMinuteForOneGroup() {
        int sent = 0;
        for (int s = 0; s < 60; s++) {
            if (limiter.tryAcquire(GROUP)) {
                sent++;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(sent).isEqualTo(20);
    }

    @Test
    void thirtyPerSecondOverallAcrossChats() {
        // a fresh private chat each time, so only the overall limit applies
        assertThat(acquireDistinctChats(100, 0)).isEqualTo(30);
        // the bucket alone would allow the next one 1/30 s later; the window holds it to a second after the first
        assertThat(limiter.nextAllowed(Target.chat(Platform.TELEGRAM, "1"))).isEqualTo(T0.plusSeconds(1));
        clock.advance(Duration.ofMillis(999));
        assertThat(acquireDistinctChats(100, 1000)).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(acquireDistinctChats(100, 2000)).isEqualTo(30);
        clock.advance(Duration.ofMillis(100));
        assertThat(acquireDistinctChats(100, 3000)).isZero();
    }

    @Test
    void neverMoreThanThirtyInAnySecondWhateverTheTiming() {
        // issue 19: parallel senders drained an outbox at 60 in one second (a full burst, then the bucket's steady
        // flow); ask every 7 ms for 10 s, 3 chats a time, and count every sliding second
        java.util.List<Instant> taken = new java.util.ArrayList<>();
        int id = 0;
        for (int step = 0; step < 10_000 / 7; step++) {
            for (int k = 0; k < 3; k++) {
                if (limiter.tryAcquire(Target.chat(Platform.TELEGRAM, String.valueOf(10_000 + id++)))) {
                    taken.add(clock.instant());
                }
            }
            clock.advance(Duration.ofMillis(7));
        }
        int most = 0;
        for (int i = 0, j = 0; i < taken.size(); i++) {
            while (!taken.get(j).plusSeconds(1).isAfter(taken.get(i))) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        assertThat(most).isEqualTo(30);
        // and the limit is used: 30 a second over the 10 seconds (the last second's window still open)
        assertThat(taken).hasSizeBetween(291, 300);
    }

    @Test
    void fourSendsOnTheirWayLeaveRoomInTheWindowSoArrivalsStayWithinThirty() {
        limiter.reserveForInFlight(4);
        assertThat(acquireDistinctChats(100, 0)).isEqualTo(26);
        assertThat(limiter.nextAllowed(Target.chat(Platform.TELEGRAM, "1"))).isEqualTo(T0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(acquireDistinctChats(100, 1000)).isEqualTo(26);
        // shared by three instances: 10 each, less the 4 on their way, so 3 × (6 + 4) arrive in a second at most
        limiter.shareOverall(3);
        clock.advance(Duration.ofSeconds(1));
        assertThat(acquireDistinctChats(100, 2000)).isEqualTo(6);
        limiter.reserveForInFlight(0);
        limiter.shareOverall(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(acquireDistinctChats(100, 3000)).isEqualTo(30);
    }

    @Test
    void threeInstancesSharingTheOverallLimitEachTakeTenPerSecond() {
        limiter.shareOverall(3);
        // 30 / 3 in any second: three such instances together keep to Telegram's 30/s
        assertThat(acquireDistinctChats(100, 0)).isEqualTo(10);
        assertThat(limiter.nextAllowed(Target.chat(Platform.TELEGRAM, "1"))).isEqualTo(T0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(acquireDistinctChats(100, 1000)).isEqualTo(10);
        clock.advance(Duration.ofMillis(300));
        assertThat(acquireDistinctChats(100, 2000)).isZero();
        // one instance left: the whole limit again; the bucket, spent at the share's pace, has refilled 8 at 1/30 s
        limiter.shareOverall(1);
        assertThat(acquireDistinctChats(100, 3000)).isEqualTo(8);
        clock.advance(Duration.ofSeconds(1));
        assertThat(acquireDistinctChats(100, 4000)).isEqualTo(30);
    }

    @Test
    void aSharedRateKeepsItsCountOverALongerPeriod() {
        RateLimits.Rate telegram = RateLimits.telegram().overall();
        assertThat(telegram.sharedBy(3)).isEqualTo(new RateLimits.Rate(30, Duration.ofSeconds(3), 10));
        assertThat(telegram.sharedBy(1)).isSameAs(telegram);
        assertThat(telegram.sharedBy(0)).isSameAs(telegram);
        assertThat(telegram.sharedBy(40).burst()).isEqualTo(1);
    }

    private int acquireDistinctChats(int tries, int firstId) {
        int sent = 0;
        for (int i = 0; i < tries; i++) {
            if (limiter.tryAcquire(Target.chat(Platform.TELEGRAM, String.valueOf(7000 + firstId + i)))) {
                sent++;
            }
        }
        return sent;
    }

    @Test
    void refusedTryTakesNothing() {
        RateLimiter burst = new RateLimiter(new RateLimits(new RateLimits.Rate(3, Duration.ofSeconds(3), 3), null,
                RateLimits.Rate.of(1, Duration.ofSeconds(1))), clock);
        assertThat(burst.tryAcquire(PRIVATE)).isTrue();
        // overall refuses; the per-chat bucket must not be charged for it
        assertThat(burst.tryAcquire(PRIVATE)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(burst.tryAcquire(PRIVATE)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(burst.tryAcquire(PRIVATE)).isTrue();
    }

    @ParameterizedTest(name = "{0} per {1}, burst {2}: {3} back to back")
    @CsvSource({
            "1, PT1S, 1, 1",
            "3, PT3S, 3, 3",
            "20, PT1M, 5, 5",
            "30, PT1S, 30, 30",
    })
    void burstIsHowManyGoBackToBack(int count, Duration period, int burst, int expected) {
        RateLimiter l = new RateLimiter(new RateLimits(new RateLimits.Rate(count, period, burst), null, null), clock);
        int sent = 0;
        while (l.tryAcquire(PRIVATE)) {
            sent++;
        }
        assertThat(sent).isEqualTo(expected);
        assertThat(l.nextAllowed(PRIVATE)).isEqualTo(T0.plus(period.dividedBy(count)));
    }

    @Test
    void aChatNotSeenForAnHourIsForgottenWithoutChangingAnyDecision() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.tryAcquire(Target.chat(Platform.TELEGRAM, "7" + i))).isEqualTo(i < 30);
        }
        assertThat(limiter.trackedChats()).isEqualTo(30);
        clock.advance(Duration.ofMinutes(59));
        assertThat(limiter.tryAcquire(PRIVATE)).isTrue(); // a chat seen now is kept
        assertThat(limiter.trackedChats()).isEqualTo(31);
        clock.advance(Duration.ofMinutes(1));
        // the 30 chats of an hour ago are gone; the one of a minute ago stays, and is still limited
        assertThat(limiter.trackedChats()).isEqualTo(1);
        assertThat(limiter.tryAcquire(PRIVATE)).isTrue();
        assertThat(limiter.tryAcquire(PRIVATE)).isFalse();
        // a forgotten chat starts with a full bucket, as it would have had anyway
        assertThat(limiter.tryAcquire(Target.chat(Platform.TELEGRAM, "70"))).isTrue();
    }
}
