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
    enum Outcome { STARTED, SAME_CHAT, SAME_USER, BUSY }

    private final Executor executor;
    private final int maxRunning;
    private final int maxPerUser;
    private final Set<String> running = new HashSet<>();
    /** Tasks running per user ({@code platform:userId}), guarded by {@link #running}. */
    private final java.util.Map<String, Integer> perUser = new java.util.HashMap<>();

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
        this.maxPerUser = maxRunning;
    }

    /**
     * @param executor   runs the tasks; its own threads, never a command thread
     * @param maxRunning tasks at once across every chat, at least 1
     * @param maxPerUser tasks one user may have running at once across chats, 1 to {@code maxRunning}
     * @throws IllegalArgumentException when a bound is out of range
     */
    ChatSlots(Executor executor, int maxRunning, int maxPerUser) {
        if (maxRunning < 1 || maxPerUser < 1 || maxPerUser > maxRunning) {
            throw new IllegalArgumentException("maxRunning must be at least 1 and maxPerUser 1 to maxRunning");
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maxRunning = maxRunning;
        this.maxPerUser = maxPerUser;
    }

    /**
     * Hands {@code task} to the executor unless the chat already has one running ({@link Outcome#SAME_CHAT}) or
     * {@code maxRunning} are running or the executor refuses it ({@link Outcome#BUSY}).
     */
    Outcome submit(Platform platform, String chatId, Runnable task) {
        return submit(platform, chatId, null, task);
    }

    /**
     * As {@link #submit(Platform, String, Runnable)}, also refusing ({@link Outcome#SAME_USER}) when {@code userId}
     * already has {@code maxPerUser} tasks running.
     *
     * @param userId who asked (its platform's user id), or {@code null} for no per-user bound
     */
    Outcome submit(Platform platform, String chatId, String userId, Runnable task) {
        String key = platform.wireName() + ":" + chatId;
        String user = userId == null ? null : platform.wireName() + ":" + userId;
        synchronized (running) {
            if (running.contains(key)) {
                return Outcome.SAME_CHAT;
            }
            if (user != null && perUser.getOrDefault(user, 0) >= maxPerUser) {
                return Outcome.SAME_USER;
            }
            if (running.size() >= maxRunning) {
                return Outcome.BUSY;
            }
            running.add(key);
            if (user != null) {
                perUser.merge(user, 1, Integer::sum);
            }
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    release(key, user);
                }
            });
        } catch (RejectedExecutionException e) {
            release(key, user);
            return Outcome.BUSY;
        }
        return Outcome.STARTED;
    }

    private void release(String key, String user) {
        synchronized (running) {
            running.remove(key);
            if (user != null) {
                perUser.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
            }
        }
    }
}
