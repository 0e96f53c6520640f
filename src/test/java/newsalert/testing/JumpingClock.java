package newsalert.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time plus the jumps a test made. What a run does on wall time (the delivery rounds every second, a
 * server's answer) keeps working, while a test skips ahead of an interval ({@code poll.interval}, a
 * {@code retry_after}) instead of waiting it out. Thread-safe; never goes back.
 */
public final class JumpingClock extends Clock {
    private final Clock real;
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    /** A clock on the system's UTC time, no jump yet. */
    public JumpingClock() {
        this(Clock.systemUTC());
    }

    /** @param real the time the jumps are added to */
    public JumpingClock(Clock real) {
        this.real = real;
    }

    /**
     * Moves this clock ahead of real time by {@code d} more.
     *
     * @param d a span of zero or more
     * @throws IllegalArgumentException when {@code d} is negative
     */
    public void jump(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a clock jump must not go back: " + d);
        }
        ahead.accumulateAndGet(d, Duration::plus);
    }

    /** @return how far ahead of real time this clock is */
    public Duration ahead() {
        return ahead.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return real.instant().plus(ahead.get());
    }
}
