package newsalert.store.jdbc;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The one-writer gate of a SQLite store ({@link Db#write}): one writing transaction at a time in this process, the
 * waiting ones let in first come, first served, except that a waiting {@linkplain #enter(boolean, long) first} writer
 * (a delivery worker's mark of a platform's answer, issue 19 item 1) goes before every waiting ordinary one. So a
 * mark waits at most for the one write in progress, never for the queue behind it (a first poll cycle's feed writes,
 * claim renewals): a message the platform accepted is recorded sent within one write's time, and a kill after that
 * cannot send it again.
 *
 * <p>Marks are short single-row updates, a few per accepted message (at most the platforms' send rates), so the
 * ordinary writers they pass are delayed by little and never starved. Reentrant, as the fair lock it replaces was: a
 * thread inside enters again at once (a store on one pinned connection may nest its writes) and leaves as often.
 * Thread-safe.
 */
final class WriterGate {
    /** Waiting first writers, oldest first. */
    private final ArrayDeque<Object> first = new ArrayDeque<>();
    /** Waiting ordinary writers, oldest first. */
    private final ArrayDeque<Object> others = new ArrayDeque<>();
    /** The thread inside, or {@code null}. */
    private Thread inside;
    /** How often the thread inside has entered and not yet left. */
    private int holds;

    /**
     * Waits for the gate, at most {@code timeoutMillis}.
     *
     * @param jump          whether this writer goes before the ordinary writers waiting (a delivery mark)
     * @param timeoutMillis how long to wait, in ms
     * @return true when the caller is inside (it must {@link #leave}), at once when it is inside already; false when
     *         the time passed first
     * @throws InterruptedException when interrupted while waiting (the caller is not inside)
     */
    synchronized boolean enter(boolean jump, long timeoutMillis) throws InterruptedException {
        if (inside == Thread.currentThread()) {
            holds++;
            return true;
        }
        Object me = new Object();
        ArrayDeque<Object> queue = jump ? first : others;
        queue.addLast(me);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (!(inside == null && myTurn(me, jump))) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            inside = Thread.currentThread();
            holds = 1;
            return true;
        } finally {
            queue.remove(me);
            notifyAll(); // a head that left (in, timed out or interrupted) lets the next one look
        }
    }

    private boolean myTurn(Object me, boolean jump) {
        return jump ? first.peekFirst() == me : first.isEmpty() && others.peekFirst() == me;
    }

    /**
     * Leaves once; when the caller has left as often as it entered, lets the next writer in.
     *
     * @throws IllegalStateException when the calling thread is not inside
     */
    synchronized void leave() {
        if (inside != Thread.currentThread()) {
            throw new IllegalStateException("leaving a gate this thread is not inside");
        }
        if (--holds == 0) {
            inside = null;
            notifyAll();
        }
    }

    /** @return how many writers wait (first and ordinary), not counting the one inside */
    synchronized int waiting() {
        return first.size() + others.size();
    }
}
