package newsalert.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How {@code run}'s poll loop waits between two cycles. The real one waits {@code wait} of wall time or until
 * the run is asked to stop; a test passes its own, which moves a clock on and starts the next cycle when the
 * test says so, instead of waiting for {@code poll.interval}.
 */
@FunctionalInterface
interface PollWait {
    /** Waits on the stop latch for the whole span, in real time. */
    PollWait REAL = (stop, wait) -> stop.await(wait.toMillis(), TimeUnit.MILLISECONDS);

    /**
     * Waits until the next cycle is due.
     *
     * @param stop counted down when the run is asked to stop
     * @param wait how long until the next feed is due, by the run's clock (1 to 30 s)
     * @return {@code true} when the run should stop instead of polling again
     * @throws InterruptedException when the waiting thread is interrupted
     */
    boolean await(CountDownLatch stop, Duration wait) throws InterruptedException;
}
