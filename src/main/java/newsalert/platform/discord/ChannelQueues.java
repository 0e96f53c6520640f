package newsalert.platform.discord;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded queue of slash commands per channel in front of the command threads (issue 19). The commands of one
 * channel run one at a time, in the order they were submitted; channels run side by side up to the executor's
 * threads. After each command a channel with more waiting goes to the back of the executor's queue instead of
 * keeping its thread, so a flooding channel holds at most one thread at a time and another channel's command starts
 * after at most one command of each channel ahead of it (round robin over the busy channels, given a FIFO executor).
 * At most {@code maxWaiting} commands wait per channel behind the one running; one more is refused
 * ({@link Outcome#FULL}) and the caller answers it. A task that throws is logged; the channel goes on. Thread-safe.
 */
final class ChannelQueues {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelQueues.class);

    /** What became of a submitted command. */
    enum Outcome {
        /** It runs now or after the channel's commands ahead of it. */
        QUEUED,
        /** The channel already has {@code maxWaiting} commands waiting: not run. */
        FULL,
        /** The executor is stopped (the bot is closing): not run. */
        STOPPED
    }

    private final Executor executor;
    private final int maxWaiting;
    /** Per channel: its commands waiting; a channel is present while one of its commands runs or is scheduled. */
    private final Map<String, Queue<Runnable>> lanes = new HashMap<>();

    /**
     * @param executor   runs the commands (a FIFO queue keeps the round robin fair)
     * @param maxWaiting commands that may wait per channel behind the one running, at least 0
     * @throws IllegalArgumentException when {@code maxWaiting} is negative
     */
    ChannelQueues(Executor executor, int maxWaiting) {
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("maxWaiting must not be negative");
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maxWaiting = maxWaiting;
    }

    /**
     * Queues {@code task} behind the channel's commands, or hands it to the executor when the channel has none.
     *
     * @param channel the queue's key (a channel, or a DM channel)
     * @return whether it was taken, refused because the channel's queue is full, or refused because the executor
     *         is stopped
     */
    Outcome submit(String channel, Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (lanes) {
            Queue<Runnable> waiting = lanes.get(channel);
            if (waiting != null) {
                if (waiting.size() >= maxWaiting) {
                    return Outcome.FULL;
                }
                waiting.add(task);
                return Outcome.QUEUED;
            }
            lanes.put(channel, new ArrayDeque<>());
        }
        try {
            executor.execute(() -> run(channel, task));
        } catch (RejectedExecutionException e) {
            synchronized (lanes) {
                lanes.remove(channel);
            }
            return Outcome.STOPPED;
        }
        return Outcome.QUEUED;
    }

    /** @return how many commands of the channel wait behind the running one (0 when none runs) */
    int waiting(String channel) {
        synchronized (lanes) {
            Queue<Runnable> waiting = lanes.get(channel);
            return waiting == null ? 0 : waiting.size();
        }
    }

    private void run(String channel, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("a slash command of channel " + channel + " failed", e);
        } finally {
            next(channel);
        }
    }

    /** Schedules the channel's next command at the back of the executor's queue, or ends the channel's turn. */
    private void next(String channel) {
        Runnable next;
        synchronized (lanes) {
            next = lanes.get(channel).poll();
            if (next == null) {
                lanes.remove(channel);
                return;
            }
        }
        try {
            executor.execute(() -> run(channel, next));
        } catch (RejectedExecutionException e) {
            int left;
            synchronized (lanes) {
                left = 1 + lanes.remove(channel).size();
            }
            LOG.info("bot is closing; {} slash command(s) of channel {} not answered", left, channel);
        }
    }
}
