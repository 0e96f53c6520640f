package newsalert.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import newsalert.testing.JumpingClock;

/**
 * A {@link PollWait} the test drives: the poll loop of {@code run} waits here, without a deadline, until the test
 * calls {@link #nextCycle}, which jumps the clock by the wait the loop asked for (so the feeds are due) and
 * returns once that cycle is stored. A run that uses it polls once at start and then only when told.
 *
 * <p>The bounds below only stop a broken run; a working one ends each wait as soon as the loop gets there.
 */
final class DrivenPollWait implements PollWait {
    /** Upper bound for the loop to reach its wait: a cycle reads the feed over loopback and stores it. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final JumpingClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Times the loop has come to wait, i.e. cycles it finished. */
    private int arrivals;
    private boolean waiting;
    private Duration asked = Duration.ZERO;
    private int released;
    private boolean stopping;

    /** @param clock the run's clock, jumped by each {@link #nextCycle} */
    DrivenPollWait(JumpingClock clock) {
        this.clock = clock;
    }

    @Override
    public boolean await(CountDownLatch stop, Duration wait) throws InterruptedException {
        lock.lock();
        try {
            arrivals++;
            waiting = true;
            asked = wait;
            changed.signalAll();
            // a stop request through the latch alone (not through stopping()) is seen within a second
            while (released == 0 && !stopping && stop.getCount() > 0) {
                changed.await(1, TimeUnit.SECONDS);
            }
            waiting = false;
            if (stopping || stop.getCount() == 0) {
                return true;
            }
            released--;
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs one more poll cycle: waits for the loop to finish the one in progress, jumps the clock by the wait it
     * asked for, lets it go and waits until that cycle is stored and the loop waits again.
     *
     * @throws AssertionError when the loop does not get there within a minute (a broken run)
     */
    void nextCycle() throws InterruptedException {
        lock.lock();
        try {
            awaitLocked(() -> waiting, "the poll loop to finish its cycle");
            int before = arrivals;
            clock.jump(asked);
            released++;
            changed.signalAll();
            awaitLocked(() -> arrivals > before, "the poll cycle to finish");
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the loop has finished its first (or current) cycle and waits for the next. */
    void awaitIdle() throws InterruptedException {
        lock.lock();
        try {
            awaitLocked(() -> waiting, "the poll loop to finish its cycle");
        } finally {
            lock.unlock();
        }
    }

    /** Makes the loop stop at its next wait instead of polling again; call before {@link RunCommand#requestStop}. */
    void stopping() {
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitLocked(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long left = BOUND.toNanos();
        while (!done.getAsBoolean()) {
            if (left <= 0) {
                throw new AssertionError("gave up waiting for " + what + " after " + BOUND.toSeconds() + " s");
            }
            left = changed.awaitNanos(left);
        }
    }
}
