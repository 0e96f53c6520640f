package newsalert.command;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import newsalert.subscription.Platform;

/**
 * Where {@code feeds import} runs its checks: off the platforms' command threads, on an executor of its own, at
 * most {@code maxRunning} imports at once and one per chat, each within a budget ({@link Budget}: at most so
 * many outlines tried and so much time, counted over every outline tried whether it was added or refused). The
 * command answers at once; the summary goes to the chat later through the outbox as a notice.
 *
 * <p>Thread-safe. The executor is injected so tests run an import's task when they choose.
 */
public final class FeedImports {
    /** Imports running at once, across every chat, by default. */
    public static final int DEFAULT_MAX_RUNNING = 2;

    /**
     * How much one import may do: outlines past the budget are listed as "not tried (budget)".
     *
     * @param maxTries outlines tried (each fetched, or refused by the address rule) per import, at least 1
     * @param maxTime  time one import may spend trying outlines, positive; checked before each outline, by the
     *                 command's clock (one outline's fetch is bounded by the feed reader's own time-outs)
     */
    public record Budget(int maxTries, Duration maxTime) {
        /** The default budget: 40 outlines, 3 minutes. */
        public static final Budget DEFAULT = new Budget(40, Duration.ofMinutes(3));

        public Budget {
            Objects.requireNonNull(maxTime, "maxTime");
            if (maxTries < 1 || maxTime.isNegative() || maxTime.isZero()) {
                throw new IllegalArgumentException("an import budget needs at least one try and some time");
            }
        }
    }

    private final ChatSlots slots;
    private final Budget budget;

    /**
     * @param executor   runs each import's checks; its own threads, never a command thread
     * @param maxRunning imports at once across every chat, at least 1; one more is answered "busy"
     * @param budget     what one import may do
     * @throws IllegalArgumentException when {@code maxRunning} is below 1
     */
    public FeedImports(Executor executor, int maxRunning, Budget budget) {
        this.slots = new ChatSlots(executor, maxRunning);
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /**
     * @return imports on {@value #DEFAULT_MAX_RUNNING} daemon threads named {@code feeds-import-N}, with the
     *         {@link Budget#DEFAULT} budget
     */
    public static FeedImports background() {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(DEFAULT_MAX_RUNNING, r -> {
            Thread t = new Thread(r, "feeds-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new FeedImports(pool, DEFAULT_MAX_RUNNING, Budget.DEFAULT);
    }

    /** @return the budget each import gets */
    public Budget budget() {
        return budget;
    }

    /** Whether an import could be started, and if not, why. */
    enum Start { STARTED, SAME_CHAT, BUSY }

    /**
     * Hands {@code task} to the executor unless the chat already has an import running or {@code maxRunning}
     * are running. The chat counts as importing until the task ends (normally or not).
     */
    Start start(Platform platform, String chatId, Runnable task) {
        return switch (slots.submit(platform, chatId, task)) {
            case STARTED -> Start.STARTED;
            case SAME_CHAT -> Start.SAME_CHAT;
            case BUSY, SAME_USER -> Start.BUSY;
        };
    }
}
