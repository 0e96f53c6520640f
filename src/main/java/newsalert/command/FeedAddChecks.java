package newsalert.command;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import newsalert.store.ChatFeedStore;
import newsalert.subscription.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@code feeds add} runs its check (fetching the address, and for a web page searching it for feeds: up to
 * {@code FeedDiscovery}'s 20-s budget): off the platforms' command threads, on an executor of its own, at most
 * {@code maxRunning} checks at once across every chat and one per chat. The command thread waits for the check at
 * most {@link #answerWait()}: a check done by then is the command's reply; a slower one is handed over, the
 * command answers "checking…" and the check's answer is given to a callback (which queues it in the outbox as a
 * notice) when it is done. Each answer goes exactly one way: as the reply or to the callback, never both.
 *
 * <p>Why wait at all: most feeds answer in well under a second, and a direct reply reads better than a notice;
 * 2 s holds a command thread briefly, and since a chat has at most one check running, one chat can hold at most
 * one command thread, for at most that long (Telegram runs 4 command threads, Discord 2).
 *
 * <p>Thread-safe. The executor is injected so tests run a check when they choose.
 */
public final class FeedAddChecks {
    /** Checks running at once, across every chat, by default. */
    public static final int DEFAULT_MAX_RUNNING = 4;
    /**
     * Checks one person may have running at once, across every chat they moderate (tester17e: one user with four
     * chats held all four slots and every other chat's {@code feeds add} was answered "busy").
     */
    public static final int MAX_PER_USER = 2;
    /** How long the command thread waits for a check by default before answering "checking…". */
    public static final Duration DEFAULT_ANSWER_WAIT = Duration.ofSeconds(2);

    /** The answer when a check throws (the store failed): what to do next, no exception text. */
    static final String FAILED = "That address could not be checked because the bot's storage failed. Please try"
            + " again in a few minutes.";
    private static final Logger LOG = LoggerFactory.getLogger(FeedAddChecks.class);

    private final ChatSlots slots;
    private final Duration answerWait;
    private final String owner;

    /**
     * @param executor   runs each check; its own threads, never a command thread
     * @param maxRunning checks at once across every chat, at least 1; one more is answered "busy"
     * @param answerWait how long the command thread waits for the check, zero or more
     */
    public FeedAddChecks(Executor executor, int maxRunning, Duration answerWait) {
        this(executor, maxRunning, answerWait, null);
    }

    /**
     * @param owner the id of the run doing the checks (the owner of its leases): each handed-over check is kept in
     *              the store under it until answered ({@code ChatFeedStore#beginFeedAddCheck}), so that a stop or
     *              kill mid-check is answered; {@code null} keeps nothing
     */
    public FeedAddChecks(Executor executor, int maxRunning, Duration answerWait, String owner) {
        Objects.requireNonNull(answerWait, "answerWait");
        if (answerWait.isNegative()) {
            throw new IllegalArgumentException("answerWait must not be negative");
        }
        this.slots = new ChatSlots(executor, maxRunning, Math.min(MAX_PER_USER, maxRunning));
        this.answerWait = answerWait;
        this.owner = owner;
    }

    /**
     * @return checks on {@value #DEFAULT_MAX_RUNNING} daemon threads named {@code feeds-add-N}, the command
     *         waiting at most {@link #DEFAULT_ANSWER_WAIT}
     */
    public static FeedAddChecks background() {
        return background(null);
    }

    /**
     * @param owner the run's id, under which handed-over checks are kept until answered, or {@code null}
     * @return checks as {@link #background()}, kept under {@code owner}
     */
    public static FeedAddChecks background(String owner) {
        return background(owner, DEFAULT_ANSWER_WAIT);
    }

    /**
     * @param owner      the run's id, under which handed-over checks are kept until answered, or {@code null}
     * @param answerWait how long the command thread waits for a check ({@code chat-feeds.add-wait}), zero or more
     * @return checks as {@link #background()}, kept under {@code owner}, the command waiting {@code answerWait}
     */
    public static FeedAddChecks background(String owner, Duration answerWait) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(DEFAULT_MAX_RUNNING, r -> {
            Thread t = new Thread(r, "feeds-add-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new FeedAddChecks(pool, DEFAULT_MAX_RUNNING, answerWait, owner);
    }

    /** @return the run's id under which handed-over checks are kept until answered, or {@code null} (none kept) */
    public String owner() {
        return owner;
    }

    /**
     * @param url the address whose check was cut off
     * @return the notice for a check cut off by a stop or kill of the bot, worded for Telegram: nothing was added,
     *         send it again
     */
    public static String interrupted(String url) {
        return interrupted(url, List.of());
    }

    /**
     * @param url    the address whose check was cut off
     * @param gained the feeds the chat gained since the check began (a kill can fall between the check's add and
     *               its answer); empty when none
     * @return the notice for a check cut off by a stop or kill of the bot, worded for Telegram ({@link
     *         #interrupted(ChatFeedStore.CutOffCheck)})
     */
    public static String interrupted(String url, List<String> gained) {
        return interrupted(new ChatFeedStore.CutOffCheck(new ChatFeedStore.KeptCheck(ChatFeedStore.CheckKind.ADD,
                newsalert.subscription.Target.chat(Platform.TELEGRAM, "0"), url, null, 0), gained));
    }

    /**
     * @param target   the chat whose check was cut off (its platform words the command to send again)
     * @param url      the address whose check was cut off
     * @param interval the interval the check asked for, or {@code null}
     * @return the answer for a check whose kept row was already answered and swept when the check ended (a restart
     *         of another instance), worded for the chat's platform, naming the interval ({@link
     *         #interrupted(ChatFeedStore.CutOffCheck)})
     */
    public static String interrupted(newsalert.subscription.Target target, String url, Duration interval) {
        return interrupted(new ChatFeedStore.CutOffCheck(new ChatFeedStore.KeptCheck(ChatFeedStore.CheckKind.ADD,
                target, url, interval, 0), List.of()));
    }

    /**
     * Deletes the kept row of a check that is answered (or an import that did not start). When the store does not
     * take it, one WARN line: the row stays, and when this run stops it is answered as cut off — one extra notice at
     * worst.
     *
     * @param store   the chats' feed store
     * @param checkId the kept row's id, or {@code null} (nothing was kept)
     * @param what    what the row was for, for the log line ({@code feeds add: a finished check})
     */
    static void forget(ChatFeedStore store, String checkId, String what) {
        if (checkId == null) {
            return;
        }
        try {
            store.forgetFeedAddCheck(checkId);
        } catch (RuntimeException e) {
            LOG.warn("{}'s row could not be deleted: {}", what, e.toString());
        }
    }

    /**
     * The notice for a kept check cut off by a stop or kill of the bot (issue 17), worded for the check's platform:
     * the command to send again as that platform's users type it ({@code /feeds add <url> 30m} on Telegram, {@code
     * /feeds with action add, url <url> and interval 30m} on Discord, {@code feeds add <url> 30m} elsewhere), no
     * markdown (notices are plain text on Telegram and escaped on Discord, so backticks would show).
     *
     * <ul>
     *   <li>an add that gained nothing: nothing was added, send it again (with the interval it asked for);</li>
     *   <li>an add whose chat gained feeds meanwhile (a kill between its add and its answer): which ones (at most
     *       five named), and to look at the list before sending it again;</li>
     *   <li>an import: "the import of &lt;file&gt; was cut off by a restart; N of M added: …", and to send the file
     *       again for the rest (feeds already there are skipped).</li>
     * </ul>
     * Addresses past {@value #MAX_SHOWN} characters are cut with "…".
     *
     * @param cut the check as kept and the feeds its chat gained since it began
     * @return the notice's plain text, well under 2,000 characters
     */
    public static String interrupted(ChatFeedStore.CutOffCheck cut) {
        ChatFeedStore.KeptCheck c = cut.check();
        Platform platform = c.target().platform();
        List<String> gained = cut.gained();
        String named = String.join(", ", gained.stream().limit(MAX_NAMED).map(FeedAddChecks::shown).toList())
                + (gained.size() > MAX_NAMED ? " and " + (gained.size() - MAX_NAMED) + " more" : "");
        if (c.kind() == ChatFeedStore.CheckKind.IMPORT) {
            String file = c.url().isBlank() ? "the file" : shown(c.url());
            int added = Math.min(gained.size(), c.total());
            return "The import of " + file + " was cut off by a restart; " + added + " of " + c.total() + " feed"
                    + (c.total() == 1 ? "" : "s") + " added" + (gained.isEmpty() ? "." : ": " + named + ".")
                    + (platform == Platform.DISCORD ? " Use /feeds again with action import and the file attached"
                            : platform == Platform.TELEGRAM ? " Send the file again with /feeds import as its caption"
                            : " Send the file again with feeds import")
                    + " to add the rest (the feeds already here are skipped).";
        }
        String u = shown(c.url());
        String again = command(platform, "add", u, c.interval());
        String every = c.interval() == null ? "" : " (every " + FeedHealthLine.duration(c.interval()) + ")";
        if (gained.isEmpty()) {
            return "The check of " + u + every + " was interrupted by a restart; nothing was added. "
                    + (platform == Platform.DISCORD ? "Use " + again + " again." : "Send " + again + " again.");
        }
        return "The check of " + u + every + " was interrupted by a restart, after this chat's list gained " + named
                + ". " + (platform == Platform.DISCORD ? "Use " : "Send ") + command(platform, "list", null, null)
                + " to see the chat's feeds, and " + again + " again if the one you wanted is not there.";
    }

    /**
     * @return {@code feeds <action> [url] [interval]} as the platform's users type it: Telegram {@code /feeds add u
     *         30m}, Discord {@code /feeds with action add, url u and interval 30m}, the console without a slash
     */
    static String command(Platform platform, String action, String url, Duration interval) {
        String every = interval == null ? null : FeedHealthLine.duration(interval);
        if (platform == Platform.DISCORD) {
            List<String> parts = new java.util.ArrayList<>();
            parts.add("action " + action);
            if (url != null) {
                parts.add("url " + url);
            }
            if (every != null) {
                parts.add("interval " + every);
            }
            String last = parts.remove(parts.size() - 1);
            return "/feeds with " + (parts.isEmpty() ? last : String.join(", ", parts) + " and " + last);
        }
        return (platform == Platform.TELEGRAM ? "/" : "") + "feeds " + action + (url == null ? "" : " " + url)
                + (every == null ? "" : " " + every);
    }

    /** Feeds a notice names at most. */
    private static final int MAX_NAMED = 5;
    /** The longest address a notice writes out whole; a longer one is cut with "…" (tester17e: 2,048 chars twice). */
    static final int MAX_SHOWN = 300;

    private static String shown(String url) {
        if (url.length() <= MAX_SHOWN) {
            return url;
        }
        int end = Character.isHighSurrogate(url.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN;
        return url.substring(0, end) + "…";
    }

    /** @return how long the command thread waits for a check before answering "checking…" */
    public Duration answerWait() {
        return answerWait;
    }

    /** What became of a check handed to {@link #run}. */
    enum Start { ANSWERED, HANDED_OVER, SAME_CHAT, SAME_USER, BUSY }

    /**
     * @param start what happened
     * @param reply for {@link Start#ANSWERED}: the check's reply; else {@code null}
     */
    record Answer(Start start, Reply reply) {
    }

    /**
     * Runs {@code check} on the executor unless the chat has a check running or {@code maxRunning} are running,
     * and waits for it at most {@link #answerWait()}.
     *
     * @param check the check and the reply it makes; a throw is logged and answered with {@link #FAILED}
     * @param later gets the reply when the check ends after the command stopped waiting; called on the executor's
     *              thread, once
     * @return the reply ({@link Start#ANSWERED}), or that it was handed over, or why it did not start
     */
    Answer run(Platform platform, String chatId, Supplier<Reply> check, Consumer<Reply> later) {
        return run(platform, chatId, null, check, later);
    }

    /**
     * As {@link #run(Platform, String, Supplier, Consumer)}, also refused ({@link Start#SAME_USER}) when {@code
     * userId} already has {@link #MAX_PER_USER} checks running in other chats.
     *
     * @param userId who sent the command (its platform's user id), or {@code null} for no per-user bound
     */
    Answer run(Platform platform, String chatId, String userId, Supplier<Reply> check, Consumer<Reply> later) {
        String key = platform.wireName() + ":" + chatId;
        CompletableFuture<Reply> done = new CompletableFuture<>();
        // set by whichever side decides first where the answer goes: the check when it ends, the command when it
        // stops waiting
        AtomicBoolean decided = new AtomicBoolean();
        ChatSlots.Outcome started = slots.submit(platform, chatId, userId, () -> {
            Reply reply;
            try {
                reply = check.get();
            } catch (RuntimeException e) {
                LOG.warn("feeds add check for {} stopped: {}", key, e.toString());
                reply = Reply.of(FAILED);
            }
            if (decided.compareAndSet(false, true)) {
                done.complete(reply);
            } else {
                later.accept(reply);
            }
        });
        if (started != ChatSlots.Outcome.STARTED) {
            return new Answer(switch (started) {
                case SAME_CHAT -> Start.SAME_CHAT;
                case SAME_USER -> Start.SAME_USER;
                default -> Start.BUSY;
            }, null);
        }
        try {
            if (!answerWait.isZero()) {
                return new Answer(Start.ANSWERED, done.get(answerWait.toNanos(), TimeUnit.NANOSECONDS));
            }
        } catch (TimeoutException e) {
            // handed over below, unless the check ended just now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a feed check cannot fail its future", e);
        }
        if (decided.compareAndSet(false, true)) {
            return new Answer(Start.HANDED_OVER, null);
        }
        return new Answer(Start.ANSWERED, done.join());
    }
}
