package newsalert.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import newsalert.metrics.DeliveryOutcome;
import newsalert.metrics.Metrics;
import newsalert.store.AttemptOutcome;
import newsalert.store.ChatClaim;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.OutboxStatus;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Loudness;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;

/**
 * Sends pending outbox rows. Each {@link #deliverDue(Instant)} call walks the targets with pending rows and,
 * per target in row-id order, sends rows while the head row is due and the platform's {@link RateLimiter}
 * allows; the first row that cannot go now stops that target, so a later row never overtakes an earlier one.
 *
 * <p>Outcomes per row:
 * <ul>
 *   <li>{@link SendResult.Sent}: {@code markSent} with the message id.</li>
 *   <li>{@link SendResult.RateLimited}: {@code markFailed} with next attempt {@code now + retryAfter}.</li>
 *   <li>{@link SendResult.Transient} (or an exception from the adapter): {@code markFailed} with next attempt
 *       {@code now + backoff(attempts)} (1 s, 2 s, 4 s … capped, see {@link DeliverySettings#backoff}), the
 *       outcome recorded as {@link AttemptOutcome#UNKNOWN} when no answer came (the message may have arrived;
 *       the retry sends the same message, a fixed digest its same rows) and {@link AttemptOutcome#FAILED}
 *       otherwise; a 429 is recorded {@link AttemptOutcome#RATE_LIMITED}.</li>
 *   <li>{@link SendResult.Permanent}: the target is paused with the reason and the row settled
 *       {@link OutboxStatus#FAILED}; its later rows stay pending, held while the target is paused.</li>
 *   <li>{@link SendResult.Rejected}: the row is settled {@link OutboxStatus#FAILED} with "rejected: " and the
 *       reason, and the target goes on with its next row (not paused).</li>
 *   <li>{@link SendResult.Migrated}: the chat is paused with "chat migrated to &lt;id&gt;", the row stays
 *       pending (its attempt recorded), and the move is returned in the report for the caller to apply.</li>
 * </ul>
 * Digests (issue 19): when a target has a real backlog (its head row failed before, or has waited
 * {@link #DIGEST_AFTER}) and more than {@link DeliverySettings#digestThreshold()} pending rows, the rows
 * {@link Digest} picks are fixed as one digest in the store before its first try, then sent as one
 * {@link ChatPlatform#sendDigest} message, first, and settled {@link OutboxStatus#DROPPED} with "merged into
 * digest message &lt;id&gt;" when it is delivered; the kept rows follow singly in id order (an adapter whose
 * {@link ChatPlatform#mergesBacklog()} is false, the console, gets none). A fixed digest is
 * retried with exactly its rows (alerts routed meanwhile wait behind it and never join it), and a row of one
 * digest never joins another. A burst of fresh alerts from one poll goes out one by one. A digest's failures
 * are booked on the target's head row like a single's.
 *
 * <p>Edits: an {@link OutboxKind#EDIT} row calls {@link ChatPlatform#edit} with the message id of the story's
 * sent alert at that target and the story as stored now; it is never merged into a digest, goes in id order
 * with the target's other rows, counts against the same rate limits, and has the same outcomes as a send.
 * When the alert was never sent on its own (merged into a digest, or failed) the edit row is settled
 * {@link OutboxStatus#DROPPED} with "no sent message to edit". Each revision queues its own edit (and reply),
 * also behind an alert still pending or on its way; an edit for a revision the target's message already shows
 * (its send or an earlier edit read the story after that revision: {@link SubscriptionStore#shownRevision}), or a
 * reply for a revision the alert showed when it was sent, is settled {@link OutboxStatus#DROPPED} without a call
 * and without a rate-limit token. An {@link OutboxKind#REPLY} row goes the same
 * way through {@link ChatPlatform#reply} with its note, and counts as sent; an {@link OutboxKind#NOTICE} row
 * posts its note on its own through {@link ChatPlatform#notice}.
 *
 * <p>Held rows: rows a chat-added feed's hourly cap held back ({@link newsalert.store.ChatFeedCap}) are not in
 * the target's queue, so they hold nothing back; once their hour has ended they are sent first, as one
 * {@link ChatPlatform#sendDigest} message (a single held row goes as its own kind), settled
 * {@link OutboxStatus#DROPPED} with "merged into digest message &lt;id&gt;"; failures are booked on the first
 * held row, whose next attempt time then holds the held rows back (not the rest of the queue).
 *
 * <p>Style: each send, digest and edit carries an {@link AlertStyle} decided from the chat's settings and the
 * subscription's loudness as stored at the moment of sending ({@link AlertStyle#decide}): the time zone, whether
 * it is silent (quiet-below, quiet hours), the Discord mention, and whether pictures are on. Replies, notices and
 * daily briefs are silent by the same rules (their row's severity decides) and never mention anyone.
 *
 * <p>Command replies (issue 19): a notice row whose note is a {@link CommandReplyNote} goes through
 * {@link ChatPlatform#commandReply}; it shares the target's order and rate limits with alerts, is never merged
 * into a digest, and is sent even while the target is paused (only such rows then; alerts stay held).
 *
 * <p>Daily briefs: {@link #queueBriefs} queues the briefs that are due ({@link BriefScheduler}) as notice rows whose
 * note is an encoded {@link Brief}; they are sent through {@link ChatPlatform#sendBrief} in id order with the
 * target's other rows. Queueing is not part of a round: {@code run} calls it on a thread of its own, so a minute when
 * thousands of briefs fall due never holds the alerts' delivery.
 *
 * <p>Outages (issue 19): after {@value #DOWN_AFTER} transient failures in a row on one platform (across its
 * targets), the platform counts as down. While it is down and no row of it was tried for {@link #PROBE_EVERY}, a round
 * also tries the first target whose head row waits out a transient back-off, whatever that back-off says (a
 * probe; rows waiting for a 429's {@code retry_after} are never probed): a down platform is tried at least
 * every {@link #PROBE_EVERY}, and back-offs longer than that only thin out the other targets' tries. The first answer from the platform after it
 * was down (an accepted send, or any refusal other than a transient error) makes every row of that platform waiting out a transient back-off due at once
 * ({@link SubscriptionStore#resumeRetries}), so delivery resumes within {@link #PROBE_EVERY} plus one round of
 * the platform's recovery, however long back-offs grew during the outage. A failing chat among working ones
 * never makes its platform "down" (successes in between reset the run), so it is not retried more often.
 *
 * <p>Attempts: the store counts every attempt, 429s included, and back-off grows with that count. Nothing
 * is ever given up on for 429s or transient errors (an unreachable platform keeps alerts queued); only a
 * permanent error of the chat stops a row.
 *
 * <p>Rows of a target whose subscription is paused are held (not sent, not settled); rows of a target with
 * no subscription are still delivered (unsubscribing settles the target's pending rows, so these are rows
 * routed by other means, e.g. tests or an operator's insert). Rows of a platform with no adapter wait.
 * A row is marked sent right after the platform accepts it, so a restart resumes with the rows still pending
 * and never re-sends a sent one (a crash between the platform's answer and {@code markSent} can repeat that
 * one message: at-least-once at the edge). Rounds for different platforms may run at once
 * ({@link #deliverDue(Instant, Platform)}); rounds that share a platform must not. Within a round, a worker made
 * with {@link #sendingOn} sends to several targets of a platform at once (each target one task, its rows in order;
 * the rate limiter, outage state and claims are shared and thread-safe); otherwise targets go one after the other. Run one worker per store, or
 * one {@linkplain #sharing(DeliveryClaims) sharing} worker per instance when several instances use one database:
 * each then delivers only to the chats it has claimed.
 */
public final class DeliveryWorker {
    private final SubscriptionStore store;
    private final Map<Platform, ChatPlatform> platforms = new EnumMap<>(Platform.class);
    private final Map<Platform, RateLimiter> limiters = new EnumMap<>(Platform.class);
    private final DeliverySettings settings;
    private final Metrics metrics;
    private final BriefScheduler briefs;
    /** The chats this instance may serve, when it shares the outbox with others; {@code null}: every chat. */
    private final DeliveryClaims claims;
    /**
     * Per platform: where its targets' sends run within a round (issue 19); the caller's thread, one target after the
     * other, unless {@link #sendingOn} gave executors.
     */
    private final Function<Platform, Executor> senders;
    /**
     * The time source of the limiters, read again when a target's task starts and when a platform answers: a round's
     * {@code now} can be many seconds old by then (parallel tasks of a long round, a slow answer), and a 429's
     * {@code retry_after} or a back-off counted from it would end too early (tester19c).
     */
    private final Clock clock;
    /**
     * How long a round waits for its targets' sends before it returns ({@code null}: until all have ended). A send
     * that hangs then holds only its own chat: later rounds skip chats whose send is still on its way
     * ({@link #inFlight}) and serve the others (tester19c: one hung send had held every Telegram chat for 60 s).
     */
    private final Duration roundWait;
    /** Chats whose task is running (from its submission to its end), so no two tasks of one chat ever overlap. */
    private final Set<Target> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Per platform, when a worker {@linkplain #sendingOn sends on executors}: {@link #concurrentSends} permits, one
     * taken by each target's task while it sends (empty: one target after the other, no permits). The executor may
     * have more threads than permits, so that sends hanging for their answer do not hold every thread (tester19d).
     */
    private final Map<Platform, java.util.concurrent.Semaphore> sendPermits;
    /** The permits taken now, so a round can free those held longer than {@link #roundWait} ({@link #freeHung}). */
    private final Set<SendPermit> heldPermits;
    /** Tallies of tasks that ended after their round stopped waiting; added to the next round's report. */
    private final java.util.Queue<Tally> late = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The first throwable of such a late task, thrown by the next round. */
    private final AtomicReference<Throwable> lateFailure = new AtomicReference<>();
    /** How long a target's head row waits, unsent, before the target's queue counts as a backlog. */
    public static final Duration DIGEST_AFTER = Duration.ofSeconds(60);
    /** Transient failures in a row, across a platform's targets, after which the platform counts as down. */
    static final int DOWN_AFTER = 3;
    /** While a platform is down, at most one probe send per this long. */
    public static final Duration PROBE_EVERY = Duration.ofSeconds(10);
    /** Per platform: transient failures since its last accepted send (concurrent: rounds and sender threads). */
    private final Map<Platform, Integer> failuresInRow = new ConcurrentHashMap<>();
    /** Per platform: when a row of it last failed while it was down (a probe, a due retry, or the downing failure). */
    private final Map<Platform, Instant> lastTryWhileDown = new ConcurrentHashMap<>();
    /** Most held rows merged into one digest; more wait for the next round's digest. */
    private static final int RELEASED_PER_DIGEST = 100;

    /**
     * @param store     the outbox
     * @param adapters  one adapter per platform (a later one for the same platform replaces an earlier one)
     * @param limits    the rate limits of each adapter's platform
     * @param clock     drives the rate limiters; pass the same time source as the {@code now} of
     *                  {@link #deliverDue(Instant)}
     * @param settings  batch size and back-off
     */
    public DeliveryWorker(SubscriptionStore store, List<ChatPlatform> adapters, Function<Platform, RateLimits> limits,
                          Clock clock, DeliverySettings settings) {
        this(store, adapters, limits, clock, settings, Metrics.NOOP);
    }

    /**
     * A worker that also records each attempt's outcome ({@link DeliveryOutcome}) and, for each alert the
     * platform accepts (alone or in a digest), the time since its outbox row was created: the moment its entry
     * was first seen and stored.
     *
     * @param metrics where to record; {@link Metrics#NOOP} for none
     */
    public DeliveryWorker(SubscriptionStore store, List<ChatPlatform> adapters, Function<Platform, RateLimits> limits,
                          Clock clock, DeliverySettings settings, Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        for (ChatPlatform adapter : adapters) {
            platforms.put(adapter.platform(), adapter);
            limiters.put(adapter.platform(), new RateLimiter(limits.apply(adapter.platform()), clock));
        }
        this.briefs = new BriefScheduler(store, platforms);
        this.claims = null;
        this.senders = p -> Runnable::run;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.roundWait = null;
        this.sendPermits = Map.of();
        this.heldPermits = ConcurrentHashMap.newKeySet();
    }

    private DeliveryWorker(DeliveryWorker base, DeliveryClaims claims, Function<Platform, Executor> senders,
                           Duration roundWait, Map<Platform, java.util.concurrent.Semaphore> sendPermits) {
        this.metrics = base.metrics;
        this.store = base.store;
        this.settings = base.settings;
        this.platforms.putAll(base.platforms);
        this.limiters.putAll(base.limiters);
        this.briefs = base.briefs;
        this.claims = claims;
        this.senders = Objects.requireNonNull(senders, "senders");
        this.clock = base.clock;
        this.roundWait = roundWait;
        this.sendPermits = sendPermits;
        this.heldPermits = sendPermits == base.sendPermits ? base.heldPermits : ConcurrentHashMap.newKeySet();
    }

    /**
     * A worker that shares the outbox with other instances on the same database (issue 14): each round it
     * {@linkplain DeliveryClaims#claim claims} the chats it may serve and delivers only to those, checking
     * {@link DeliveryClaims#holds} before every send. Renewing and releasing the claims is the caller's job.
     * Without claims a worker serves every chat (one worker per store).
     *
     * @param claims this instance's claims
     * @return a worker with the same adapters, limits and settings that delivers only to claimed chats
     */
    public DeliveryWorker sharing(DeliveryClaims claims) {
        return new DeliveryWorker(this, Objects.requireNonNull(claims, "claims"), senders, roundWait, sendPermits);
    }

    /**
     * A worker that, within each round, sends to a platform's targets on that platform's executor (issue 19: one
     * send waits ~50 ms for a Bot API's answer, so one target after the other stays under Telegram's 30/s). Each
     * target is one task per round, so its rows keep their order and no target is sent to from two threads; the
     * round returns when every task has ended. At most {@link #concurrentSends(Platform)} tasks of a platform send at
     * once, whatever the executor's thread count (each task takes one of that many permits before its first store
     * read: each platform's overall limit reserves room for that many sends on their way,
     * {@link RateLimiter#reserveForInFlight}); give the executor more threads than that so that sends hanging for
     * their answer leave threads for the other chats. The same limiters, outage state and claims are shared by all
     * tasks.
     *
     * @param senders per platform, where its targets' tasks run (e.g. a fixed pool of a few times
     *                {@link ChatPlatform#concurrentSends()} threads; {@code Runnable::run} for one after the other)
     * @return a worker with the same adapters, limits, settings and claims
     */
    public DeliveryWorker sendingOn(Function<Platform, Executor> senders) {
        return sendingOn(senders, null);
    }

    /**
     * Like {@link #sendingOn(Function)}, and a round waits at most {@code roundWait} for its sends: what is still on its
     * way then goes on in the background, its chat skipped by later rounds until it ends, and its counts reported by
     * the next round. So one send that hangs (a Bot API answering after a minute) holds its own chat only. A send
     * still on its way {@code roundWait} after its task took its permit (by the worker's clock) gives the permit back
     * at the next round's start, so hung sends do not hold the platform's other chats either (tester19d: four sends
     * hanging at once had held every Telegram chat for 60 s); its task ends after that send.
     *
     * @param roundWait the longest wait (real time) for a round's sends, and how long a send holds its permit
     *                  before a round frees it; {@code null} to wait for all and never free a permit
     */
    public DeliveryWorker sendingOn(Function<Platform, Executor> senders, Duration roundWait) {
        // the overall limit must hold where the messages arrive: reserve room for the sends on their way at once
        limiters.forEach((platform, limiter) -> limiter.reserveForInFlight(concurrentSends(platform)));
        Map<Platform, java.util.concurrent.Semaphore> permits = new EnumMap<>(Platform.class);
        platforms.keySet().forEach(p -> permits.put(p, new java.util.concurrent.Semaphore(concurrentSends(p))));
        return new DeliveryWorker(this, claims, senders, roundWait, permits);
    }

    /**
     * @return how many sends the platform's adapter allows in flight at once ({@link ChatPlatform#concurrentSends()},
     *         at least 1); 1 for a platform without an adapter
     */
    public int concurrentSends(Platform platform) {
        ChatPlatform adapter = platforms.get(platform);
        return adapter == null ? 1 : Math.max(1, adapter.concurrentSends());
    }

    /**
     * Shares every platform's overall rate limit among {@code instances} instances that deliver for the same bots
     * ({@link RateLimiter#shareOverall}); a {@linkplain #sharing sharing} worker and its base share one limiter per
     * platform, so either may be told. May be called from any thread.
     *
     * @param instances how many instances deliver now, counting this one
     */
    public void shareOverallLimits(int instances) {
        limiters.values().forEach(l -> l.shareOverall(instances));
    }

    /**
     * Queues the daily briefs due at {@code now} ({@link BriefScheduler}): the first call in a minute looks at the
     * chats whose brief may be due, later calls in the same minute return 0 at once. Meant for a thread of its own
     * (not a delivery round's); calls may come from any thread (one at a time inside). The queued rows go out in the
     * next rounds of {@link #deliverDue}.
     *
     * @return how many outbox rows were queued
     */
    public int queueBriefs(Instant now) {
        return briefs.queueDue(now);
    }

    /**
     * Sends what is due at {@code now} on every platform (briefs are queued apart: {@link #queueBriefs}).
     *
     * @return counts of what happened and the chat migrations seen
     */
    public DeliveryReport deliverDue(Instant now) {
        return deliverDue(now, null);
    }

    /**
     * @return the platforms this worker has adapters for, in {@link Platform} order: {@code run} gives each its
     *         own delivery thread ({@link #deliverDue(Instant, Platform)}), so a send that hangs waiting for one
     *         platform's answer holds only that platform's chats
     */
    public Set<Platform> platforms() {
        return java.util.Collections.unmodifiableSet(platforms.keySet());
    }

    /**
     * Sends what is due at {@code now} for one platform's targets only. Calls for different platforms may run
     * at the same time on different threads (each platform's rate limiter, outage state and adapter are its
     * own); calls for the same platform must not overlap.
     *
     * @param only the platform whose targets are served; {@code null} for all, one after the other
     * @return counts of what happened and the chat migrations seen
     */
    public DeliveryReport deliverDue(Instant now, Platform only) {
        freeHung(now, only);
        Set<ChatClaim> mine = claims == null ? null : claims.claim(only, now);
        if (mine != null && mine.isEmpty()) {
            return collectLate(new Tally(ConcurrentHashMap.newKeySet()));
        }
        Round round = new Round();
        List<Target> targets = new ArrayList<>();
        for (Target target : store.pendingTargets()) {
            if (only != null && target.platform() != only) {
                continue;
            }
            if (mine != null && !mine.contains(ChatClaim.of(target))) {
                continue; // another instance's chat
            }
            if (platforms.get(target.platform()) == null) {
                continue;
            }
            if (!inFlight.add(target)) {
                continue; // an earlier round's send to this chat still waits for its answer: its order holds
            }
            targets.add(target);
        }
        round.expect(targets.size());
        for (Target target : targets) {
            ChatPlatform adapter = platforms.get(target.platform());
            RateLimiter limiter = limiters.get(target.platform());
            Tally tally = new Tally(round.probed);
            Runnable task = () -> {
                if (!limiter.allowsNow(target)) { // nothing can go now: skip its reads (most of a busy round)
                    tally.limited(limiter.nextAllowed(target));
                    return;
                }
                SendPermit permit = takePermit(target, now);
                if (permit == null) {
                    return; // interrupted while waiting for a permit: the bot is closing
                }
                tally.permit = permit;
                try {
                    Instant start = current(now); // a task may start long after its round began
                    if (isPaused(target)) {
                        deliverCommandReplies(adapter, limiter, target, start, tally);
                    } else {
                        deliverTarget(adapter, limiter, target, start, tally);
                    }
                } finally {
                    heldPermits.remove(permit);
                    permit.giveBack();
                }
            };
            Runnable counted = () -> {
                Throwable failed = null;
                try {
                    task.run();
                } catch (Throwable e) { // NOPMD: handed to the round's thread, or to the next round's
                    failed = e;
                } finally {
                    inFlight.remove(target);
                    round.finished(tally, failed, late, lateFailure);
                }
            };
            try {
                senders.apply(target.platform()).execute(counted);
            } catch (RejectedExecutionException e) { // the senders are shut down: the bot is closing
                inFlight.remove(target);
                round.finished(tally, e, late, lateFailure);
            }
        }
        Tally sum = round.await(roundWait);
        return collectLate(sum);
    }

    /**
     * Waits for one of the platform's send permits (none needed for a worker that sends one target after the other).
     *
     * @return the permit taken, or {@code null} when the thread was interrupted while waiting
     */
    private SendPermit takePermit(Target target, Instant now) {
        java.util.concurrent.Semaphore permits = sendPermits.get(target.platform());
        if (permits == null) {
            return SendPermit.NONE;
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        SendPermit permit = new SendPermit(target, permits, current(now));
        heldPermits.add(permit);
        return permit;
    }

    /**
     * Gives back the permits of sends that have been on their way for {@link #roundWait} or longer (by the worker's
     * clock): the threads they hold wait for an answer that may take a minute, and the platform's other chats go on
     * with the permits meanwhile. Each such task ends after the send it waits for.
     *
     * @param only the platform whose permits are looked at; {@code null} for all
     */
    private void freeHung(Instant now, Platform only) {
        if (roundWait == null || heldPermits.isEmpty()) {
            return;
        }
        for (SendPermit permit : heldPermits) {
            if ((only == null || permit.target().platform() == only)
                    && !permit.since().plus(roundWait).isAfter(now) && heldPermits.remove(permit)) {
                permit.giveBack();
            }
        }
    }

    /**
     * One of a platform's send permits, taken by a target's task ({@link #takePermit}); given back once, when the task
     * ends or when a round finds it held too long ({@link #freeHung}).
     */
    private record SendPermit(Target target, java.util.concurrent.Semaphore permits, Instant since,
                              java.util.concurrent.atomic.AtomicBoolean held) {
        /** The permit of a worker without permits: always held, giving it back does nothing. */
        static final SendPermit NONE = new SendPermit(null, null, Instant.EPOCH,
                new java.util.concurrent.atomic.AtomicBoolean(true));

        SendPermit(Target target, java.util.concurrent.Semaphore permits, Instant since) {
            this(target, permits, since, new java.util.concurrent.atomic.AtomicBoolean(true));
        }

        /** @return whether the task still holds it (a task whose permit was freed ends after its current send) */
        boolean isHeld() {
            return held.get();
        }

        void giveBack() {
            if (permits != null && held.compareAndSet(true, false)) {
                permits.release();
            }
        }
    }

    /**
     * Adds to a round's sum what tasks of earlier rounds did after their round had stopped waiting for them (their
     * counts and chat migrations are reported one round late, never lost), then throws the first throwable of this
     * round's tasks or of such late tasks.
     */
    private DeliveryReport collectLate(Tally sum) {
        for (Tally t = late.poll(); t != null; t = late.poll()) {
            sum.add(t);
        }
        Throwable e = sum.failure != null ? sum.failure : lateFailure.getAndSet(null);
        if (e instanceof RuntimeException r) {
            throw r;
        } else if (e instanceof Error err) {
            throw err;
        } else if (e != null) {
            throw new IllegalStateException(e);
        }
        return new DeliveryReport(sum.sent, sum.merged, sum.retried, sum.paused, sum.migrations, sum.edited,
                sum.rejected, sum.limitedUntil);
    }

    /**
     * One round's tasks as they end. The round's thread waits for all of them, or at most the worker's round wait
     * ({@link #sendingOn(Function, Duration)}); a task that ends after that hands its tally to the next round.
     */
    private static final class Round {
        final Set<Platform> probed = ConcurrentHashMap.newKeySet(); // one probe per platform per round
        private final Tally sum = new Tally(probed);
        private int open;
        private boolean closed;

        synchronized void expect(int tasks) {
            open += tasks;
        }

        /** Called by each task as it ends (on its sender's thread), with what it threw, if anything. */
        synchronized void finished(Tally tally, Throwable failed, java.util.Queue<Tally> late,
                                   AtomicReference<Throwable> lateFailure) {
            if (closed) {
                late.add(tally);
                if (failed != null) {
                    lateFailure.compareAndSet(null, failed);
                }
            } else {
                sum.add(tally);
                if (failed != null && sum.failure == null) {
                    sum.failure = failed;
                }
            }
            open--;
            notifyAll();
        }

        /**
         * @param wait the longest wait for tasks still running; {@code null}: until all have ended
         * @return the sum of the tasks that ended in time; the others report to a later round
         */
        synchronized Tally await(Duration wait) {
            long deadline = wait == null ? 0 : System.nanoTime() + wait.toNanos();
            try {
                while (open > 0) {
                    if (wait == null) {
                        wait();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closed = true;
            return sum;
        }
    }

    /** Sends the target's due rows in id order (or a digest first under backlog) while the limiter allows. */
    private void deliverTarget(ChatPlatform adapter, RateLimiter limiter, Target target, Instant now, Tally tally) {
        if (!deliverReleased(adapter, limiter, target, now, tally)) {
            return;
        }
        List<OutboxItem> queue = new ArrayList<>(store.pendingOutbox(target, settings.batchPerTarget()));
        while (!queue.isEmpty()) {
            if (!stillHeld(target)) {
                return;
            }
            OutboxItem head = queue.get(0);
            if (alreadyShown(head)) { // no call and no rate-limit token for it
                store.settle(head.id(), OutboxStatus.DROPPED, "the alert already shows revision " + head.revision());
                queue.remove(0);
                continue;
            }
            boolean waiting = head.nextAttemptAt() != null && head.nextAttemptAt().isAfter(now);
            // while its platform is down, a row waiting out a transient failure goes only as the platform's probe,
            // even when its own back-off is over (tester19c: 60 chats made 425 calls in a 120-s outage)
            if ((waiting || isDown(head)) && !probe(head, now, tally)) {
                return;
            }
            if (!limiter.tryAcquire(target)) {
                tally.limited(limiter.nextAllowed(target));
                return;
            }
            FixedDigest fixed = adapter.mergesBacklog() ? digestToSend(adapter, target, queue, head, now) : null;
            boolean goOn;
            if (fixed == null) {
                goOn = single(adapter, target, head, now, tally);
                queue.remove(0);
            } else {
                goOn = digest(adapter, target, fixed, head, now, tally);
                queue.removeAll(fixed.rows());
            }
            if (!goOn || !tally.permit.isHeld()) {
                return; // a task whose permit a round freed (its send hung) leaves the rest to a later round
            }
        }
    }

    /**
     * A paused target (its alerts held, e.g. after the chat was migrated or the bot removed) still gets the answers to
     * commands sent from it ({@link CommandReplyNote}), in id order, under the same rate limits; its other rows stay
     * held. A permanent refusal pauses it again and settles that reply failed.
     */
    private void deliverCommandReplies(ChatPlatform adapter, RateLimiter limiter, Target target, Instant now,
                                       Tally tally) {
        for (OutboxItem row : store.pendingOutbox(target, settings.batchPerTarget())) {
            if (row.kind() != OutboxKind.NOTICE || !CommandReplyNote.isCommandReply(row.note())) {
                continue;
            }
            if (row.nextAttemptAt() != null && row.nextAttemptAt().isAfter(now)) {
                return;
            }
            if (!limiter.tryAcquire(target)) {
                tally.limited(limiter.nextAllowed(target));
                return;
            }
            if (!single(adapter, target, row, now, tally) || !tally.permit.isHeld()) {
                return;
            }
        }
    }

    /**
     * A digest as fixed before its first try: its rows in id order and, when the adapter renders once, its
     * message as stored then ({@code null}: rendered at each try).
     */
    private record FixedDigest(List<OutboxItem> rows, String message) {
    }

    /**
     * The digest this round sends for the target, if any: a digest fixed earlier whose rows are still pending
     * goes first, exactly as fixed, with the message stored then; otherwise, under a real backlog
     * ({@link #backlog}), the rows {@link Digest} picks are rendered once ({@link ChatPlatform#renderDigest}) and
     * fixed as a new digest with that message before its first try ({@link SubscriptionStore#fixDigest}).
     *
     * @return the digest, or {@code null} when none is sent now
     */
    private FixedDigest digestToSend(ChatPlatform adapter, Target target, List<OutboxItem> queue, OutboxItem head,
                                     Instant now) {
        Long fixedId = queue.stream().map(OutboxItem::digestId).filter(Objects::nonNull).findFirst().orElse(null);
        if (fixedId != null) {
            List<OutboxItem> rows = queue.stream().filter(r -> fixedId.equals(r.digestId())).toList();
            return new FixedDigest(rows, store.digestMessage(fixedId).orElse(null));
        }
        if (!backlog(head, now)) {
            return null;
        }
        List<OutboxItem> merged = Digest.toMerge(queue, settings.digestThreshold(), settings.digestSingles());
        if (merged.isEmpty()) {
            return null;
        }
        String message = adapter.renderDigest(target, merged, style(target, severity(merged), now));
        long digestId = merged.get(0).id();
        store.fixDigest(digestId, merged.stream().map(OutboxItem::id).toList(), message);
        return new FixedDigest(merged, message);
    }

    private static int severity(List<OutboxItem> rows) {
        return rows.stream().mapToInt(OutboxItem::severity).max().orElse(0);
    }

    /**
     * @return whether the target's queue is a real backlog: its head row failed before (an outage, a 429) or
     *         has waited {@link #DIGEST_AFTER} since it was routed (rate limits hold the target back); a burst
     *         of fresh alerts from one poll is no backlog, and goes out one by one
     */
    private static boolean backlog(OutboxItem head, Instant now) {
        return head.attempts() > 0
                || head.createdAt() != null && !head.createdAt().plus(DIGEST_AFTER).isAfter(now);
    }

    /**
     * @return whether the head row, not due yet, is tried now as the probe of its platform: the platform is
     *         down, the row waits out a transient back-off (not a 429), no probe was made this round and the
     *         last try while down was {@link #PROBE_EVERY} ago or more
     */
    private boolean probe(OutboxItem head, Instant now, Tally tally) {
        Platform p = head.target().platform();
        Instant last = lastTryWhileDown.get(p);
        boolean transientWait = head.lastError() != null && head.lastError().startsWith("transient: ");
        if (failuresInRow.getOrDefault(p, 0) < DOWN_AFTER || !transientWait
                || last != null && now.isBefore(last.plus(PROBE_EVERY)) || !tally.probed.add(p)) {
            return false; // the set's add is the atomic "first probe of this round" among parallel senders
        }
        lastTryWhileDown.put(p, now);
        return true;
    }

    /** @return whether the row waits out a transient failure on a platform that counts as down ({@link #DOWN_AFTER}) */
    private boolean isDown(OutboxItem head) {
        return failuresInRow.getOrDefault(head.target().platform(), 0) >= DOWN_AFTER
                && head.lastError() != null && head.lastError().startsWith("transient: ");
    }

    /** Sends one row as its kind asks: a new alert, a notice, a reply or an edit. */
    private boolean single(ChatPlatform adapter, Target target, OutboxItem row, Instant now, Tally tally) {
        return switch (row.kind()) {
            case EDIT -> edit(adapter, target, row, now, tally);
            case REPLY -> reply(adapter, target, row, now, tally);
            case NOTICE -> handle(send(() -> notice(adapter, target, row, now)), row, now,
                    tally, messageId -> {
                        store.markSent(row.id(), messageId, now);
                        tally.sent++;
                        metrics.delivered(target.platform(), DeliveryOutcome.SENT);
                    });
            case SEND -> handle(send(() -> adapter.send(target, row.story(), row.assessment(),
                            style(target, row.severity(), now))), row, now, tally,
                    messageId -> {
                        store.markSent(row.id(), messageId, now, row.storyRevision());
                        tally.sent++;
                        accepted(row, DeliveryOutcome.SENT, now);
                    });
        };
    }

    /** Sends a fixed digest: its stored message when it has one; failures are booked on {@code head}. */
    private boolean digest(ChatPlatform adapter, Target target, FixedDigest fixed, OutboxItem head, Instant now,
                           Tally tally) {
        if (fixed.message() == null) {
            return digest(adapter, target, fixed.rows(), head, now, tally);
        }
        return handle(send(() -> adapter.sendRenderedDigest(target, fixed.rows(), fixed.message())), head, now,
                tally, digestSent(target, fixed.rows(), now, tally));
    }

    /** Renders the rows as one digest message now and sends it; failures are booked on {@code head}. */
    private boolean digest(ChatPlatform adapter, Target target, List<OutboxItem> merged, OutboxItem head, Instant now,
                           Tally tally) {
        return handle(send(() -> adapter.sendDigest(target, merged, style(target, severity(merged), now))), head, now,
                tally, digestSent(target, merged, now, tally));
    }

    /**
     * What an accepted digest settles: its rows, dropped as merged into the digest's message, in one transaction
     * ({@link SubscriptionStore#settleDigest}).
     */
    private Consumer<String> digestSent(Target target, List<OutboxItem> merged, Instant now, Tally tally) {
        return messageId -> {
            // one transaction for every member: a kill cannot leave the digest half settled (issue 19 item 2)
            store.settleDigest(merged.stream().map(OutboxItem::id).toList(), messageId);
            tally.merged += merged.size();
            tally.sent++;
            metrics.delivered(target.platform(), DeliveryOutcome.DIGEST);
            merged.forEach(row -> latency(row, now));
        };
    }

    /**
     * Sends the target's held rows whose hour has ended, as one digest fixed before its first try (one row on
     * its own).
     *
     * @return whether the target may go on to its queue
     */
    private boolean deliverReleased(ChatPlatform adapter, RateLimiter limiter, Target target, Instant now,
                                    Tally tally) {
        if (!stillHeld(target)) {
            return false;
        }
        List<OutboxItem> released = store.releasedOutbox(target, now, RELEASED_PER_DIGEST);
        if (released.isEmpty()) {
            return true;
        }
        OutboxItem first = released.get(0);
        if (first.nextAttemptAt() != null && first.nextAttemptAt().isAfter(now)) {
            return true;
        }
        if (!limiter.tryAcquire(target)) {
            tally.limited(limiter.nextAllowed(target));
            return false;
        }
        if (released.size() == 1 && first.digestId() == null) {
            return single(adapter, target, first, now, tally);
        }
        return digest(adapter, target, releasedDigest(adapter, target, released, now), first, now, tally);
    }

    /**
     * The digest of released rows this round sends, fixed before its first try like a backlog's
     * ({@link #digestToSend}): a digest fixed earlier goes again exactly as fixed, with its stored message (the
     * store lists its rows first); otherwise the released rows are rendered once and fixed with that message, so a
     * retry after a failure, a restart or a toll change is the same message, and a row released later joins the
     * next digest, never this one.
     *
     * @param released the target's released rows, fixed ones first, at least one
     */
    private FixedDigest releasedDigest(ChatPlatform adapter, Target target, List<OutboxItem> released, Instant now) {
        Long fixedId = released.get(0).digestId();
        if (fixedId != null) {
            List<OutboxItem> rows = released.stream().filter(r -> fixedId.equals(r.digestId())).toList();
            return new FixedDigest(rows, store.digestMessage(fixedId).orElse(null));
        }
        List<OutboxItem> rows = released.stream().filter(r -> r.digestId() == null).toList();
        String message = adapter.renderDigest(target, rows, style(target, severity(rows), now));
        store.fixDigest(rows.get(0).id(), rows.stream().map(OutboxItem::id).toList(), message);
        return new FixedDigest(rows, message);
    }

    /**
     * @return whether an edit or reply row stands for a story revision the target's message already shows: the
     *         alert (for a reply: its first message) was rendered from that revision or a later one, because the
     *         send or an earlier edit read the story after the revision had committed (tester19d: a toll that changed
     *         while the send was on its way gets its edit and follow-up; one that changed before the send read the
     *         story gets neither)
     */
    private boolean alreadyShown(OutboxItem row) {
        if (row.revision() <= 0 || row.story() == null
                || row.kind() != OutboxKind.EDIT && row.kind() != OutboxKind.REPLY) {
            return false;
        }
        java.util.OptionalLong shown = store.shownRevision(row.story().id(), row.target(),
                row.kind() == OutboxKind.REPLY);
        return shown.isPresent() && shown.getAsLong() >= row.revision();
    }

    /** Edits the message sent for the head row's story; a row with no sent message to edit is dropped. */
    private boolean edit(ChatPlatform adapter, Target target, OutboxItem row, Instant now, Tally tally) {
        Optional<String> messageId = store.sentMessageId(row.story().id(), target);
        if (messageId.isEmpty()) {
            store.settle(row.id(), OutboxStatus.DROPPED, "no sent message to edit");
            return true;
        }
        return handle(send(() -> adapter.edit(target, messageId.get(), row.story(), row.assessment(),
                        style(target, row.severity(), now).forEdit())), row, now,
                tally, edited -> {
                    store.markSent(row.id(), messageId.get(), now, row.storyRevision());
                    tally.edited++;
                    metrics.delivered(target.platform(), DeliveryOutcome.EDITED);
                });
    }

    /** Posts the row's note as a reply to the story's sent alert; a row with no sent alert is dropped. */
    private boolean reply(ChatPlatform adapter, Target target, OutboxItem row, Instant now, Tally tally) {
        Optional<String> messageId = store.sentMessageId(row.story().id(), target);
        if (messageId.isEmpty() || row.note() == null) {
            store.settle(row.id(), OutboxStatus.DROPPED, "no sent message to reply to");
            return true;
        }
        AlertStyle style = style(target, row.severity(), now).withoutMention();
        return handle(send(() -> adapter.reply(target, messageId.get(), row.note(), style)), row, now, tally,
                replyId -> {
                    store.markSent(row.id(), replyId, now);
                    tally.sent++;
                    metrics.delivered(target.platform(), DeliveryOutcome.SENT);
                });
    }

    /**
     * Posts a notice row: a daily brief part ({@link Brief#isBrief}) through {@link ChatPlatform#sendBrief}, any
     * other note through {@link ChatPlatform#notice}; silent as the chat's quiet hours and the subscription's
     * quiet-below say, pinging nobody.
     */
    private SendResult notice(ChatPlatform adapter, Target target, OutboxItem row, Instant now) {
        AlertStyle style = style(target, row.severity(), now).withoutMention();
        String note = row.note() == null ? "" : row.note();
        Optional<String> answer = CommandReplyNote.decode(note);
        if (answer.isPresent()) {
            return adapter.commandReply(target, answer.get());
        }
        Optional<Brief> brief = Brief.decode(note);
        return brief.isPresent() ? adapter.sendBrief(target, brief.get(), style) : adapter.notice(target, note, style);
    }

    private static SendResult send(Supplier<SendResult> call) {
        SendResult result;
        try {
            result = call.get();
        } catch (IllegalArgumentException e) {
            // the platform's client refused to build the message (a limit on its length, a link or a picture
            // address): the same row would be refused on every try, and a pending row holds the target's later
            // rows behind it, so it is given up (tester18d: a picture address of 990 '@' held a Discord channel)
            result = new SendResult.Rejected("the platform's client could not build the message: " + e.getMessage());
        } catch (RuntimeException e) {
            result = new SendResult.Transient("adapter error: " + e);
        }
        return result != null ? result : new SendResult.Transient("adapter returned no result");
    }

    private void accepted(OutboxItem row, DeliveryOutcome outcome, Instant now) {
        metrics.delivered(row.target().platform(), outcome);
        latency(row, now);
    }

    private void latency(OutboxItem row, Instant now) {
        if (row.createdAt() != null) {
            metrics.alertLatency(Duration.between(row.createdAt(), now));
        }
    }

    /**
     * The style of a message to the target: the chat's settings and the subscription's loudness, read now, so a
     * setting changed while alerts wait in the outbox applies to them.
     */
    private AlertStyle style(Target target, int severity, Instant now) {
        ChatSettings chat = store.chatSettings(target.platform(), target.chatId());
        Loudness loudness = store.loudness(target).orElse(Loudness.DEFAULT);
        return AlertStyle.decide(chat, loudness, severity, now);
    }

    /** @return whether this worker may start a send to the target now (always, without claims) */
    private boolean stillHeld(Target target) {
        return claims == null || claims.holds(target);
    }

    private boolean isPaused(Target target) {
        Optional<Subscription> sub = store.subscription(target);
        return sub.isPresent() && sub.get().paused();
    }

    /**
     * Records the outcome of one send; failures are booked on the target's head row, whose next attempt
     * time then holds the whole target back.
     *
     * @return whether the target may go on to its next row
     */
    private boolean handle(SendResult result, OutboxItem row, Instant sentAt, Tally tally, Consumer<String> onSent) {
        Platform platform = row.target().platform();
        Instant now = current(sentAt); // when the platform answered: waits count from here
        if (result instanceof SendResult.Sent s) {
            // the mark first: nothing else is written between the platform's accept and it (issue 19 item 1)
            onSent.accept(s.messageId());
        } else {
            metrics.delivered(platform, failure(result));
        }
        if (!(result instanceof SendResult.Transient)) { // the platform answered: it is up
            if (failuresInRow.getOrDefault(platform, 0) >= DOWN_AFTER) { // back after an outage
                store.resumeRetries(platform, now);
                lastTryWhileDown.remove(platform);
            }
            failuresInRow.remove(platform);
        }
        if (result instanceof SendResult.Sent) {
            return true;
        } else if (result instanceof SendResult.RateLimited r) {
            store.markFailed(row.id(), AttemptOutcome.RATE_LIMITED, "rate limited, retry after "
                    + r.retryAfter().toSeconds() + " s", now.plus(r.retryAfter()));
            tally.retried++;
        } else if (result instanceof SendResult.Transient t) {
            store.markFailed(row.id(), t.outcomeUnknown() ? AttemptOutcome.UNKNOWN : AttemptOutcome.FAILED,
                    "transient: " + t.reason(), now.plus(settings.backoff(row.attempts())));
            tally.retried++;
            if (failuresInRow.merge(platform, 1, Integer::sum) >= DOWN_AFTER) {
                lastTryWhileDown.put(platform, now); // any failed try while down, probe or due retry
            }
        } else if (result instanceof SendResult.Permanent p) {
            store.pause(row.target(), p.reason());
            store.settle(row.id(), OutboxStatus.FAILED, p.reason());
            tally.paused++;
        } else if (result instanceof SendResult.Rejected r) {
            store.settle(row.id(), OutboxStatus.FAILED, "rejected: " + r.reason());
            tally.rejected++;
            return true;
        } else if (result instanceof SendResult.Migrated m) {
            String reason = "chat migrated to " + m.newChatId();
            store.pauseChat(row.target().platform(), row.target().chatId(), reason);
            store.markFailed(row.id(), reason, now);
            tally.migrations.add(new DeliveryReport.Migration(row.target(), m.newChatId()));
        } else {
            throw new IllegalStateException("adapter returned " + result);
        }
        return false;
    }

    /** @return the clock's time now, or {@code earliest} when the clock is behind it (a caller's later {@code now}) */
    private Instant current(Instant earliest) {
        Instant t = clock.instant();
        return t.isAfter(earliest) ? t : earliest;
    }

    private static DeliveryOutcome failure(SendResult result) {
        if (result instanceof SendResult.RateLimited) {
            return DeliveryOutcome.RATE_LIMITED;
        }
        if (result instanceof SendResult.Transient t && t.outcomeUnknown()) {
            return DeliveryOutcome.UNKNOWN;
        }
        return result instanceof SendResult.Permanent || result instanceof SendResult.Rejected
                ? DeliveryOutcome.FAILED : DeliveryOutcome.RETRY;
    }

    /** What one target's task did in a round (written by its sender thread only); summed once all have ended. */
    private static final class Tally {
        int sent;
        int retried;
        int paused;
        int merged;
        int edited;
        int rejected;
        final List<DeliveryReport.Migration> migrations = new ArrayList<>();
        /** The earliest time a target held back by its rate limits may send; {@code null}: none held back. */
        Instant limitedUntil;
        /** The first throwable of the round's tasks (in a round's sum only). */
        Throwable failure;
        /** Platforms probed this round (one probe per platform per round): one concurrent set for the whole round. */
        final Set<Platform> probed;
        /** The send permit of the task this tally counts for. */
        SendPermit permit = SendPermit.NONE;

        Tally(Set<Platform> probed) {
            this.probed = probed;
        }

        void add(Tally t) {
            sent += t.sent;
            retried += t.retried;
            paused += t.paused;
            merged += t.merged;
            edited += t.edited;
            rejected += t.rejected;
            migrations.addAll(t.migrations);
            if (t.limitedUntil != null) {
                limited(t.limitedUntil);
            }
        }

        void limited(Instant allowed) {
            if (limitedUntil == null || allowed.isBefore(limitedUntil)) {
                limitedUntil = allowed;
            }
        }
    }
}
