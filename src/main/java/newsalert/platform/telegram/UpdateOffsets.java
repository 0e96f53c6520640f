package newsalert.platform.telegram;

import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The {@code getUpdates} offset this bot confirms (issue 19): the lowest update id received but not yet handled, or
 * one past the highest received when every update was handled. Telegram forgets the updates below the offset a
 * {@code getUpdates} call sends, so a command still running (or waiting for a command thread) is asked for again
 * after a crash instead of being lost. TelegramBots' own session confirms on receipt; it still filters what it
 * received before out of later answers, so an update in progress is never consumed twice within one run.
 *
 * <p>Thread-safe: the polling thread reports {@link #received}, command threads report {@link #handled}.
 */
final class UpdateOffsets {
    /** Ids received and not yet handled, lowest first. */
    private final TreeSet<Long> open = new TreeSet<>();
    /** One past the highest id received (or the stored offset at start). */
    private long next;

    /** @param start the stored offset to resume from (0 when none: Telegram's own offset applies) */
    UpdateOffsets(long start) {
        this.next = Math.max(0, start);
    }

    /** The polling thread read this update; it is open until {@link #handled}. */
    synchronized void received(long updateId) {
        open.add(updateId);
        next = Math.max(next, updateId + 1);
    }

    /** The update was handled (its reply queued, or it needed none). */
    synchronized void handled(long updateId) {
        if (open.remove(updateId)) {
            notifyAll();
        }
    }

    /** @return the offset to confirm: the lowest open update id, else one past the highest received */
    synchronized long offset() {
        return open.isEmpty() ? next : open.first();
    }

    /** @return how many updates are received and not yet handled */
    synchronized int open() {
        return open.size();
    }

    /**
     * Waits while updates are open, at most {@code maxMillis}: asking Telegram with an open update in the offset
     * returns at once (it is still there), so the polling thread would spin; it asks again when the open updates
     * are handled, or once per {@code maxMillis} for new ones meanwhile.
     */
    synchronized void awaitHandled(long maxMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (!open.isEmpty()) {
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }
}
