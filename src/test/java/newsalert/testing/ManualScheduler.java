package newsalert.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler the test drives by hand: periodic tasks are kept, never run by time, and {@link #runPeriodic()}
 * runs each once on the calling thread (one "tick" of the schedule); tasks given to {@link #execute} wait until
 * {@link #runQueued()}. One-shot delayed {@code Runnable}s are kept with their delay until {@link #runDelayed()};
 * delayed {@code Callable}s throw.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final List<Runnable> periodic = new ArrayList<>();
    private final List<Runnable> queued = new ArrayList<>();
    private final List<Runnable> delayed = new ArrayList<>();
    private final List<Long> delaysMillis = new ArrayList<>();
    private boolean shutdown;

    /** Runs every periodic task once, in the order they were scheduled. */
    public synchronized void runPeriodic() {
        new ArrayList<>(periodic).forEach(Runnable::run);
    }

    /** Runs the tasks given to {@link #execute} so far, in order, on the calling thread, and forgets them. */
    public void runQueued() {
        List<Runnable> now;
        synchronized (this) {
            now = new ArrayList<>(queued);
            queued.clear();
        }
        now.forEach(Runnable::run);
    }

    /** Runs the one-shot delayed tasks scheduled so far, whatever their delay, in order, and forgets them. */
    public void runDelayed() {
        List<Runnable> now;
        synchronized (this) {
            now = new ArrayList<>(delayed);
            delayed.clear();
            delaysMillis.clear();
        }
        now.forEach(Runnable::run);
    }

    /** @return the delays, in ms, of the one-shot tasks waiting for {@link #runDelayed()}, in the order scheduled */
    public synchronized List<Long> delaysMillis() {
        return List.copyOf(delaysMillis);
    }

    /** @return how many tasks given to {@link #execute} wait for {@link #runQueued()} */
    public synchronized int queuedCount() {
        return queued.size();
    }

    /** @return how many periodic tasks are scheduled */
    public synchronized int periodicCount() {
        return periodic.size();
    }

    @Override
    public synchronized ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                                  TimeUnit unit) {
        periodic.add(command);
        return new Handle(command);
    }

    @Override
    public synchronized ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
                                                               TimeUnit unit) {
        periodic.add(command);
        return new Handle(command);
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("the scheduler is shut down");
        }
        delayed.add(command);
        delaysMillis.add(unit.toMillis(delay));
        return new Handle(command);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("one-shot tasks are not scheduled by hand here");
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        periodic.clear();
        queued.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    @Override
    public synchronized void execute(Runnable command) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("the scheduler is shut down");
        }
        queued.add(command);
    }

    private final class Handle implements ScheduledFuture<Object> {
        private final Runnable task;

        Handle(Runnable task) {
            this.task = task;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (ManualScheduler.this) {
                return periodic.remove(task);
            }
        }

        @Override
        public boolean isCancelled() {
            synchronized (ManualScheduler.this) {
                return !periodic.contains(task);
            }
        }

        @Override
        public boolean isDone() {
            return isCancelled();
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("a periodic task has no result");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("a periodic task has no result");
        }
    }
}
