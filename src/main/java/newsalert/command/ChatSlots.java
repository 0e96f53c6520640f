package newsalert.command;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import newsalert.subscription.Platform;

/**
 * Runs chat actions that fetch ({@code feeds import}, a slow {@code feeds add}) off the command threads, one at a
 * time per chat and at most {@code maxRunning} at once across chats, so that no chat can hold every thread. A chat
 * is a platform and its chat id (the same id on two platforms is two chats). The slot is held until the task ends,
 * normally or by a throw. Thread-safe.
 */
final class ChatSlots {
    /** What became of a task handed to {@link #submit}. */
    enum Outcome { STARTED, SAME_CHAT, BUSY }

    private final Executor executor;
    private final int maxRunning;
    private final Set<String> running = new HashSet<>();

    /**
     * @param executor   runs the tasks; its own threads, never a command thread
     * @param maxRunning tasks at once across every chat, at least 1
     * @throws IllegalArgumentException when {@code maxRunning} is below 1
     */
    ChatSlots(Executor executor, int maxRunning) {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("maxRunning must be at least 1");
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maxRunning = maxRunning;
    }

    /**
     * Hands {@code task} to the executor unless the chat already has one running ({@link Outcome#SAME_CHAT}) or
     * {@code maxRunning} are running or the executor refuses it ({@link Outcome#BUSY}).
     */
    Outcome submit(Platform platform, String chatId, Runnable task) {
        String key = platform.wireName() + ":" + chatId;
        synchronized (running) {
            if (running.contains(key)) {
                return Outcome.SAME_CHAT;
            }
            if (running.size() >= maxRunning) {
                return Outcome.BUSY;
            }
            running.add(key);
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    release(key);
                }
            });
        } catch (RejectedExecutionException e) {
            release(key);
            return Outcome.BUSY;
        }
        return Outcome.STARTED;
    }

    private void release(String key) {
        synchronized (running) {
            running.remove(key);
        }
    }
}
