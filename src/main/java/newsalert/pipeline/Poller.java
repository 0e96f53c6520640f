package newsalert.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.metrics.Metrics;
import newsalert.metrics.PollCycle;
import newsalert.store.FeedClaims;
import newsalert.store.FeedState;
import newsalert.store.NewsStore;
import newsalert.store.StoreException;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls feeds and queues alerts for new, alert-worthy, recent stories.
 *
 * <p>Rules: the first successful poll of a feed records its entries without alerting (so adding a feed
 * does not flood chats with its back catalogue); a story whose published time (else first-seen time) is
 * older than {@code poll.max-age} is never alerted; an entry seen before for the same feed is not alerted
 * again; a story id alerted once is never alerted again, even from another feed. A failed read is logged in
 * one line and retried after {@code interval × 2^(failures-1)}, capped at {@code poll.max-backoff}.
 *
 * <p>Reading and storing: due feeds are fetched and parsed on the reader executor ({@link Reads}), up to
 * {@link Reads#concurrency()} at a time ({@code fetch.concurrency}), and each result is stored on the polling
 * thread as soon as it arrives, so one slow feed holds no other back. Back-pressure: the polling thread hands the
 * readers a feed only while fewer than {@code 2 × concurrency} feeds are being read or wait, read, to be stored;
 * so when the store falls behind the readers wait, and read results never pile up (no unbounded queue of results,
 * whatever the number of feeds). A configured feed's new story with
 * a topic that does not alert gets one INFO line with the decision and its value ({@link AlertDecision}).
 *
 * <p>With {@link Routing}: every new, recent story after a feed's first poll is matched by
 * {@link Router#route} against all subscriptions and keyword rules, and its targets get outbox rows in the
 * transaction that stores it. Feeds added by chats are polled too (with the routing's own reader); their
 * stories go only to the chats that added them, unless the feed is also configured, and never become global
 * alerts (the console, {@code latest}); they are stored chat-only under ids of their own ({@link ChatStoryIds}),
 * so other chats' commands do not show them and they can neither pre-empt nor rewrite a configured feed's story
 * of the same guid. An entry seen again with changed content revises its story, which queues edits of sent
 * alerts when its counts or topics changed; one republished unchanged is skipped before analysis.
 *
 * <p>The poller only stores: every alert-worthy story of a configured feed becomes a global alert with a send
 * row for the console target ({@link newsalert.subscription.Target#CONSOLE}) in the transaction that stores it,
 * and the delivery loop, on its own schedule, sends it with the chats' rows — so an alert stored mid-cycle
 * goes out without waiting for the cycle's end.
 *
 * <p>Storing: per read feed, one read of what the store knows about its entries and one transaction with
 * everything the read decided and the feed's new state ({@link FeedEntries}, {@link FeedDecision}). The states
 * of feeds that answered 304 or failed (nothing else to write) are batched: written together when
 * {@value #STATE_BATCH} are waiting, when the first has waited {@link #STATE_BATCH_WAIT} on the poll clock, and at
 * the end of each cycle, so a crash loses at most those feeds' last 304 or failure (they are polled again).
 *
 * <p>Shared polling ({@link Claims}): before reading, the poller claims its due feeds in the store, a batch of
 * {@code fetch.concurrency} at a time ({@link NewsStore#claimFeeds}); a feed another instance holds, or polled
 * meanwhile, is skipped. Storing a read's state releases its claim in the same transaction; a claim of an instance
 * that died lapses after {@link Claims#ttl()}, and another instance takes the feed then. So several instances on one
 * database read each due feed once between them.
 *
 * <p>With an {@link EventTracker}: stories are grouped into events across feeds and outlets, and the unit
 * that alerts is the event — once, routed and rendered on the event's fused facts — while later stories of
 * an alerted event revise its view and queue edits of the sent alerts, the console's included (see
 * {@link EventTracker}); the console then gets one alert per event. Stories of chat-added feeds are never
 * grouped: each alerts its chats on its own, so a feed any user can add cannot change what other chats were
 * sent.
 */
public final class Poller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    /** Feeds read at the same time by the constructors that make their own reader threads. */
    static final int PARALLEL_READS = 4;

    private final NewsStore store;
    private final FeedReader reader;
    private final PollSettings settings;
    private final FeedSchedule schedule;
    private final Clock clock;
    private final ChatRoutes chats;
    /** Feed health in the chats (notices, turning off), once per cycle; {@code null} without chat routing. */
    private final FeedHealthWatch health;
    private final EventTracker events;
    private final FeedEntries entries;
    private final Reads reads;
    /** The reader threads this poller made itself (closed with it), or {@code null} when they were passed in. */
    private final ExecutorService ownReaders;
    /** Told, on the polling thread, after a feed read's transaction queued outbox rows. */
    private final Runnable rowsQueued;
    private boolean eventsRebuilt;
    /** States of feeds that answered 304 or failed, not yet written (see the class comment). */
    private final List<FeedState> pendingStates = new ArrayList<>();
    private Instant pendingSince;
    /** Most feed states written in one batch. */
    static final int STATE_BATCH = 256;
    /** Longest a batched feed state waits (on the poll clock) before it is written. */
    static final java.time.Duration STATE_BATCH_WAIT = java.time.Duration.ofMillis(200);
    private final Metrics metrics;
    private final Claims claims;
    /** Feeds of the last cycle that were due but held by another instance, with when that claim lapses. */
    private final Map<String, Instant> heldElsewhere = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile FeedCounts lastCycle = new FeedCounts(0, 0);
    /**
     * A cycle in which every feed read came back unchanged is logged at INFO at most this often (else at DEBUG),
     * so an idle bot's log does not grow by a line per feed interval and still shows it is alive.
     */
    static final Duration QUIET_LINE_EVERY = Duration.ofHours(1);
    private Instant lastQuietLine;

    /** @return how the feeds of the last {@link #pollDue}/{@link #pollAll} cycle went (zeros before the first) */
    public FeedCounts lastCycle() {
        return lastCycle;
    }

    /**
     * @param store    where state, entries and alerts are kept
     * @param reader   reads one feed
     * @param assessor the analysis (pure)
     * @param settings default interval, max age, max back-off
     * @param clock    the time source
     */
    public Poller(NewsStore store, FeedReader reader, Function<Story, Assessment> assessor,
                  PollSettings settings, Clock clock) {
        this(store, reader, assessor, settings, clock, null);
    }

    /**
     * A poller that also routes alerts to chats and polls chat-added feeds.
     *
     * @param routing subscriptions, chat feeds and their reader; {@code null} for none
     */
    public Poller(NewsStore store, FeedReader reader, Function<Story, Assessment> assessor,
                  PollSettings settings, Clock clock, Routing routing) {
        this(store, reader, assessor, settings, clock, routing, null);
    }

    /**
     * A poller that also groups stories into events: one alert per event, edits when its facts change (see
     * {@link EventTracker}).
     *
     * @param events the event memory, rebuilt from the store on the first cycle; {@code null} for none (each
     *               alert-worthy story alerts on its own)
     */
    public Poller(NewsStore store, FeedReader reader, Function<Story, Assessment> assessor,
                  PollSettings settings, Clock clock, Routing routing, EventTracker events) {
        this(store, reader, assessor, settings, clock, routing, events, Metrics.NOOP, -1);
    }

    /**
     * A poller that also records its work (fetches, entries, alerts, revisions, each cycle: {@link CycleTally}).
     *
     * @param metrics where to record; {@link Metrics#NOOP} for none
     */
    public Poller(NewsStore store, FeedReader reader, Function<Story, Assessment> assessor,
                  PollSettings settings, Clock clock, Routing routing, EventTracker events, Metrics metrics) {
        this(store, reader, assessor, settings, clock, routing, events, metrics, -1);
    }

    /**
     * A poller whose INFO line for a new story with a topic that does not alert ({@link AlertDecision}) also
     * names the severity cut.
     *
     * @param alertSeverity {@code analysis.alert-severity}, the cut the assessor applied; negative when unknown
     */
    public Poller(NewsStore store, FeedReader reader, Function<Story, Assessment> assessor,
                  PollSettings settings, Clock clock, Routing routing, EventTracker events, Metrics metrics,
                  int alertSeverity) {
        this(store, reader, assessor, settings, clock, routing, events, metrics, alertSeverity, null, () -> { });
    }

    /**
     * A poller whose feeds are read on the executor given (issue 13: executors are passed in), and which says when
     * it queued outbox rows, so that delivery need not wait for its next tick.
     *
     * @param reads      where feeds are read and how many at once; {@code null} for {@value #PARALLEL_READS}
     *                   reader threads of the poller's own, stopped by {@link #close}. An executor passed in is
     *                   the caller's: it must run tasks on other threads than the polling one (the poller waits
     *                   for their results), and {@link #close} leaves it running
     * @param rowsQueued run on the polling thread after each feed read whose transaction queued outbox rows
     *                   (alerts, chat deliveries, edits); it should return quickly (e.g. wake the delivery loop)
     */
    public Poller(NewsStore store, FeedReader reader, Function<Story, Assessment> assessor,
                  PollSettings settings, Clock clock, Routing routing, EventTracker events, Metrics metrics,
                  int alertSeverity, Reads reads, Runnable rowsQueued) {
        this(store, reader, assessor, settings, clock, routing, events, metrics, alertSeverity, reads, rowsQueued,
                Claims.ofThisProcess(Claims.DEFAULT_TTL));
    }

    /**
     * A poller that claims its feeds under the owner and for the time given (issue 14: several instances share
     * one database's feeds).
     *
     * @param claims this instance's owner id and how long its claims hold
     */
    public Poller(NewsStore store, FeedReader reader, Function<Story, Assessment> assessor,
                  PollSettings settings, Clock clock, Routing routing, EventTracker events, Metrics metrics,
                  int alertSeverity, Reads reads, Runnable rowsQueued, Claims claims) {
        this.claims = java.util.Objects.requireNonNull(claims, "claims");
        if (reads == null) {
            this.ownReaders = Reads.threads(PARALLEL_READS);
            this.reads = new Reads(ownReaders, PARALLEL_READS);
        } else {
            this.ownReaders = null;
            this.reads = reads;
        }
        this.rowsQueued = rowsQueued;
        this.metrics = metrics;
        this.chats = new ChatRoutes(routing, settings);
        this.health = routing == null ? null : new FeedHealthWatch(routing.chatFeeds(), routing.subscriptions());
        this.events = events;
        this.entries = new FeedEntries(store, assessor, settings.maxAge(), events, alertSeverity, () -> true);
        this.store = store;
        this.reader = reader;
        this.settings = settings;
        this.schedule = new FeedSchedule(settings);
        this.clock = clock;
    }

    /**
     * Polls every feed that is due now.
     *
     * @param feeds the configured feeds
     * @return the number of alerts queued by this cycle
     */
    public int pollDue(List<FeedConfig> feeds) {
        return pollDue(feeds, () -> false);
    }

    /**
     * Polls every feed that is due now, stopping early between feeds when asked.
     *
     * @param feeds         the configured feeds
     * @param stopRequested checked before each feed; when true the cycle ends
     * @return the number of alerts queued by this cycle
     */
    public int pollDue(List<FeedConfig> feeds, BooleanSupplier stopRequested) {
        return cycle(feeds, stopRequested, false);
    }

    /**
     * Polls every feed now, due or not (for {@code run --once}).
     *
     * @param feeds the configured feeds
     * @return the number of alerts queued
     */
    public int pollAll(List<FeedConfig> feeds) {
        return cycle(feeds, () -> false, true);
    }

    private int cycle(List<FeedConfig> configured, BooleanSupplier stopRequested, boolean ignoreSchedule) {
        int queued = 0;
        CycleTally tally = new CycleTally(metrics, clock.instant());
        lastCycle = new FeedCounts(0, 0);
        heldElsewhere.clear();
        prepareEvents();
        ReadQueue queue = new ReadQueue(chats.feedsToPoll(configured).iterator(), tally, ignoreSchedule);
        // reads run side by side; each result is stored as soon as it arrives, on this thread
        while (true) {
            queue.fill();
            if (!queue.waitingOrReading()) {
                break;
            }
            if (stopRequested.getAsBoolean()) {
                flushStates();
                queue.releaseUnread();
                return queued;
            }
            Fetched f;
            try {
                f = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                flushStates();
                queue.releaseUnread();
                return queued;
            }
            Instant now = clock.instant();
            try {
                queued += poll(f, now, stopRequested, tally, ignoreSchedule);
            } catch (RuntimeException e) {
                storeFailed(f, now, e);
            }
            if (pendingStates.size() >= STATE_BATCH
                    || pendingSince != null && !clock.instant().isBefore(pendingSince.plus(STATE_BATCH_WAIT))) {
                flushStates();
            }
        }
        flushStates();
        queue.releaseUnread();
        Instant end = clock.instant();
        boolean quietLineDue = lastQuietLine == null || !end.isBefore(lastQuietLine.plus(QUIET_LINE_EVERY));
        PollCycle cycle = tally.finish(end, quietLineDue);
        if (quietLineDue && cycle.feeds() > 0 && CycleTally.quiet(cycle)) {
            lastQuietLine = end;
        }
        checkHealth();
        return queued;
    }

    /** Runs the feed-health watch once, after the cycle's states are stored; a store failure is one log line. */
    private void checkHealth() {
        if (health == null) {
            return;
        }
        try {
            health.check(clock.instant());
        } catch (StoreException e) {
            LOG.warn("feed health notices not checked this cycle ({}); they are checked again next cycle",
                    e.getMessage());
        }
    }

    /**
     * The feeds of one cycle on their way through the readers: hands the next due feed to the readers while fewer
     * than {@link Reads#concurrency()} are being read and fewer than {@code 2 × concurrency} are being read or
     * wait to be stored (back-pressure), and gives the polling thread the results in the order they were read.
     * Used by the polling thread only; the reader tasks only put results in {@link #done} and count down
     * {@link #reading}.
     */
    private final class ReadQueue {
        private final Iterator<ChatRoutes.PolledFeed> feeds;
        private final CycleTally tally;
        private final boolean ignoreSchedule;
        private final int concurrency = reads.concurrency();
        /** Read results not yet taken; never more than {@code 2 × concurrency} (see {@link #fill}). */
        private final BlockingQueue<Fetched> done = new ArrayBlockingQueue<>(2 * concurrency);
        private final AtomicInteger reading = new AtomicInteger();
        /** Feeds claimed for this instance and not yet handed to the readers (at most one batch). */
        private final ArrayDeque<Claimed> claimed = new ArrayDeque<>();
        /** Set when a claim failed: the rest of the cycle's feeds wait for the next cycle. */
        private boolean claimsFailed;
        private int handedOut;
        private int taken;

        ReadQueue(Iterator<ChatRoutes.PolledFeed> feeds, CycleTally tally, boolean ignoreSchedule) {
            this.feeds = feeds;
            this.tally = tally;
            this.ignoreSchedule = ignoreSchedule;
        }

        /** Hands due feeds, claimed a batch at a time, to the readers while there is room. */
        void fill() {
            // a reader puts its result before it counts itself out, so reading + done.size() never undercounts
            while (reading.get() < concurrency && reading.get() + done.size() < 2 * concurrency) {
                if (claimed.isEmpty() && !claimNext()) {
                    return;
                }
                if (claimed.isEmpty()) {
                    continue; // nothing of that batch was this instance's to read
                }
                Claimed next = claimed.poll();
                ChatRoutes.PolledFeed polled = next.feed();
                FeedConfig feed = polled.config();
                FeedState state = next.state();
                Instant now = clock.instant();
                FeedReader source = chats.readerFor(polled, reader);
                reading.incrementAndGet();
                handedOut++;
                Runnable task = () -> {
                    ReadResult result = READ_ERROR; // an Error thrown by the read still gives the feed a result
                    try {
                        result = read(source, feed.url(), state, now);
                    } finally {
                        done.add(new Fetched(polled, state, result));
                        reading.decrementAndGet();
                    }
                };
                try {
                    reads.executor().execute(task);
                } catch (RejectedExecutionException e) { // the executor was stopped: the poller is closing
                    reading.decrementAndGet();
                    handedOut--;
                    LOG.info("feed {}: not read, the readers are stopping; it is polled again later", feed.label());
                    releaseClaims(List.of(feed.url()));
                    return;
                }
            }
        }

        /**
         * Claims the next batch of {@code concurrency} feeds of the cycle in one store call: those this instance
         * got wait in {@link #claimed}; the others (not due, held or polled by another instance) are only counted.
         *
         * @return false when no feed is left to claim this cycle
         */
        private boolean claimNext() {
            if (claimsFailed || !feeds.hasNext()) {
                return false;
            }
            List<ChatRoutes.PolledFeed> batch = new ArrayList<>(concurrency);
            while (batch.size() < concurrency && feeds.hasNext()) {
                batch.add(feeds.next());
            }
            FeedClaims got;
            try {
                got = store.claimFeeds(batch.stream().map(p -> p.config().url()).toList(), claims.owner(),
                        clock.instant(), claims.ttl(), ignoreSchedule);
            } catch (StoreException e) {
                LOG.warn("feeds not claimed ({}); the rest of this cycle's feeds are polled next cycle",
                        e.getMessage());
                claimsFailed = true;
                return false;
            }
            for (ChatRoutes.PolledFeed polled : batch) {
                String url = polled.config().url();
                FeedState mine = got.claimed().get(url);
                if (mine != null) {
                    claimed.add(new Claimed(polled, mine));
                    continue;
                }
                tally.state(got.unclaimed().getOrDefault(url, FeedState.fresh(url)));
                Instant held = got.heldUntil().get(url);
                if (held != null) {
                    heldElsewhere.put(url, held);
                }
            }
            return true;
        }

        /** Gives up the claims of feeds claimed but not handed to the readers (the cycle stopped early). */
        void releaseUnread() {
            if (claimed.isEmpty()) {
                return;
            }
            releaseClaims(claimed.stream().map(c -> c.feed().config().url()).toList());
            claimed.clear();
        }

        /** @return whether a result is still to come or waiting */
        boolean waitingOrReading() {
            return taken < handedOut;
        }

        Fetched take() throws InterruptedException {
            Fetched f = done.take();
            taken++;
            return f;
        }
    }

    /**
     * A feed whose entries could not be stored: a busy or broken store is one plain log line (its entries are
     * read again next cycle, nothing is lost); any other error is logged with its details. The failure is
     * recorded in the feed's state when the store takes it; when it does not either, the cycle goes on.
     */
    private void storeFailed(Fetched f, Instant now, RuntimeException e) {
        String label = f.feed().config().label();
        String reason;
        if (e instanceof StoreException) {
            LOG.warn("feed {}: the store did not take its entries ({}); they are read again next cycle", label,
                    e.getMessage());
            reason = "the store was busy or unavailable; retried";
        } else {
            LOG.error("feed {}: internal error while storing its entries; details follow", label, e);
            reason = "internal error while storing the feed's entries (details are in the log)";
        }
        try {
            store.saveFeedState(schedule.afterFailure(f.feed().config(), f.state(), now, reason));
        } catch (RuntimeException again) {
            LOG.warn("feed {}: its failure could not be recorded either ({}); it is due again next cycle", label,
                    again.getMessage());
        }
    }

    private static final ReadResult READ_ERROR =
            new ReadResult.Failed("internal error while reading the feed (details are in the log)");

    private static ReadResult read(FeedReader source, String url, FeedState state, Instant now) {
        try {
            return source.read(url, state.etag(), state.lastModified(), now);
        } catch (RuntimeException e) {
            LOG.error("feed {}: internal error while reading it; details follow", url, e);
            return READ_ERROR;
        }
    }

    /** A feed this instance claimed, with its state as stored when claimed. */
    private record Claimed(ChatRoutes.PolledFeed feed, FeedState state) {
    }

    /**
     * Renews this instance's live feed claims to {@link Claims#ttl()} from now ({@link NewsStore#renewFeedClaims}):
     * {@code run} calls it every {@link Claims#RENEW_EVERY} on a thread of its own, so that a claim outlives any
     * read in progress while this instance lives, and lapses within {@link Claims#ttl()} once it dies. A store that
     * cannot be written is one WARN line; the claims then run out on their own (another instance may read those
     * feeds again: a repeated read, nothing lost). Safe to call from any thread.
     *
     * @return how many claims were renewed (0 when the store failed)
     */
    public int renewClaims() {
        try {
            return store.renewFeedClaims(claims.owner(), clock.instant(), claims.ttl());
        } catch (RuntimeException e) {
            LOG.warn("could not renew this instance's feed claims ({}); another instance may read those feeds once"
                    + " they lapse", e.getMessage());
            return 0;
        }
    }

    /**
     * Gives up this instance's claims of feeds whose reads will not be stored, so another instance (or this one's
     * next cycle) need not wait for them to lapse; a store failure here only leaves them to lapse.
     */
    private void releaseClaims(Collection<String> urls) {
        try {
            store.releaseFeedClaims(urls, claims.owner());
        } catch (RuntimeException e) {
            LOG.debug("claims of {} feeds not released ({}); they lapse on their own", urls.size(), e.toString());
        }
    }

    /** One feed's read, done on a reader thread, waiting to be stored. */
    private record Fetched(ChatRoutes.PolledFeed feed, FeedState state, ReadResult result) {
    }

    /**
     * @param feeds the configured feeds (chat-added feeds are included by the poller itself)
     * @return the earliest time any of them is due (now when one has never been polled)
     */
    public Instant nextDue(List<FeedConfig> feeds) {
        Instant now = clock.instant();
        Instant best = null;
        List<ChatRoutes.PolledFeed> polledFeeds = chats.feedsToPoll(feeds);
        // one read for all (was one query per feed: 10,000 round trips after every cycle of a large bot)
        java.util.Map<String, FeedState> states = store.feedStates(polledFeeds.stream()
                .map(p -> p.config().url()).toList());
        for (ChatRoutes.PolledFeed polled : polledFeeds) {
            FeedState state = states.get(polled.config().url());
            Instant due = state == null ? now : state.nextPollAt();
            due = due == null ? now : due;
            Instant held = heldElsewhere.get(polled.config().url()); // another instance reads it: not before then
            if (held != null && held.isAfter(due)) {
                due = held;
            }
            if (best == null || due.isBefore(best)) {
                best = due;
            }
        }
        return best == null ? now.plus(settings.interval()) : best;
    }

    /** Rebuilds the event memory from the store once, then forgets events that left the window. */
    private void prepareEvents() {
        if (events == null) {
            return;
        }
        Instant since = clock.instant().minus(events.window());
        if (!eventsRebuilt) {
            long seq = store.lastStorySeq(); // before the window's stories: one stored in between comes again
            events.rebuild(store.storiesSince(since), store.alertedEvents());
            events.seenSeq(seq);
            eventsRebuilt = true;
        }
        events.forgetBefore(since);
    }

    /** Most stories one read of a catch-up returns; a catch-up reads until it has them all. */
    static final int CATCH_UP_LIMIT = 2_000;

    /** @param once for {@code run --once}: this process makes no later try of a failed feed */
    private int poll(Fetched fetched, Instant now, BooleanSupplier stopRequested, CycleTally tally, boolean once) {
        ChatRoutes.PolledFeed polled = fetched.feed();
        FeedConfig feed = polled.config();
        FeedState state = fetched.state();
        ReadResult result = fetched.result();
        if (result instanceof ReadResult.Failed && stopRequested.getAsBoolean()) {
            LOG.info("feed {}: read aborted by shutdown; it is polled again on the next start", feed.label());
            releaseClaims(List.of(feed.url()));
            return 0;
        }
        tally.fetched(result);
        lastCycle = lastCycle.plus(!(result instanceof ReadResult.Failed));
        if (result instanceof ReadResult.Failed f) {
            FeedState next = schedule.afterFailure(feed, state, now, f.reason(), f.retryAfter());
            if (once) { // no later try in this process: "next try at" would promise one
                LOG.warn("feed {}: {} (failure {})", feed.label(), f.reason(), next.failures());
            } else {
                LOG.warn("feed {}: {} (failure {}; next try at {})", feed.label(), f.reason(), next.failures(),
                        next.nextPollAt().truncatedTo(ChronoUnit.SECONDS));
            }
            save(next, tally);
            return 0;
        }
        if (result instanceof ReadResult.NotModified) {
            LOG.debug("feed {}: not modified", feed.label());
            save(schedule.afterNotModified(feed, state, now), tally);
            return 0;
        }
        ReadResult.Read read = (ReadResult.Read) result;
        if (read.warning() != null) {
            LOG.warn("feed {}: {}", feed.label(), read.warning());
        }
        boolean firstPoll = state.firstPollAt() == null;
        FeedState next = schedule.afterRead(feed, state, read.etag(), read.lastModified(), now);
        // the entries and the feed's new state in one transaction
        FeedEntries.Tally t = entries.record(feed, read, firstPoll, chats.routesFor(polled), now, next);
        tally.state(next);
        tally.recorded(t);
        if (t.queued() + t.routed() + t.edits() > 0) {
            rowsQueued.run();
        }
        if (firstPoll) {
            LOG.info("feed {}: first poll, recorded {} entries without alerting", feed.label(), t.fresh());
        } else {
            LOG.info("feed {}: {} new entries, {} alerts, {} chat deliveries queued, {} edits queued", feed.label(),
                    t.fresh(), t.queued(), t.routed(), t.edits());
        }
        return t.queued();
    }

    /** Queues the state of a feed that answered 304 or failed for the next batch write. */
    private void save(FeedState next, CycleTally tally) {
        if (pendingStates.isEmpty()) {
            pendingSince = clock.instant();
        }
        pendingStates.add(next);
        tally.state(next);
    }

    /**
     * Writes the batched feed states in one transaction. When the store does not take them, one line says so and
     * the feeds are due again as before (their reads are repeated; nothing else was lost).
     */
    private void flushStates() {
        if (pendingStates.isEmpty()) {
            return;
        }
        try {
            store.saveFeedStates(List.copyOf(pendingStates));
        } catch (RuntimeException e) {
            LOG.warn("the states of {} feeds could not be saved ({}); they are read again next cycle",
                    pendingStates.size(), e.getMessage());
            releaseClaims(pendingStates.stream().map(FeedState::url).toList());
        } finally {
            pendingStates.clear();
            pendingSince = null;
        }
    }

    /**
     * Stops the reader threads the poller made itself (reads in progress are abandoned; their feeds are polled
     * again later). An executor passed in with {@link Reads} is left to its owner.
     */
    @Override
    public void close() {
        if (ownReaders != null) {
            ownReaders.shutdownNow();
        }
    }

    /**
     * How this instance claims feeds in a store that other instances may poll too ({@link NewsStore#claimFeeds}).
     *
     * @param owner this instance's id in the claims, 1–64 characters: a random UUID per process start is enough,
     *              since claims lapse on their own
     * @param ttl   how long a claim holds when its read is never stored (the instance died): either longer than a
     *              feed claimed in a batch can wait for a reader plus its own fetch ({@link #forFetchTimeout}), or
     *              {@link #RENEWED_TTL} when the claims are {@linkplain Poller#renewClaims renewed} while the
     *              instance lives
     */
    public record Claims(String owner, java.time.Duration ttl) {
        /** The claim time when the fetch timeout is not known: for the default {@code fetch.total-timeout} of 60 s. */
        public static final java.time.Duration DEFAULT_TTL = java.time.Duration.ofSeconds(135);
        /**
         * The claim time of an instance that {@linkplain Poller#renewClaims renews} its claims every
         * {@link #RENEW_EVERY} ({@code run}): the feeds of an instance killed with SIGKILL are polled by another
         * within this time (plus that one's wait for its next cycle, at most a few seconds past the lapse).
         */
        public static final java.time.Duration RENEWED_TTL = java.time.Duration.ofSeconds(30);
        /** How often {@code run} renews its feed claims: three renewals fit in {@link #RENEWED_TTL}. */
        public static final java.time.Duration RENEW_EVERY = java.time.Duration.ofSeconds(10);
        private static final String PROCESS_OWNER = UUID.randomUUID().toString();

        public Claims {
            java.util.Objects.requireNonNull(owner, "owner");
            if (owner.isEmpty() || owner.length() > 64) {
                throw new IllegalArgumentException("owner must be 1-64 characters, got '" + owner + "'");
            }
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive, got " + ttl);
            }
        }

        /**
         * @param ttl how long claims hold
         * @return claims under this process's id (one random UUID per JVM)
         */
        public static Claims ofThisProcess(java.time.Duration ttl) {
            return new Claims(PROCESS_OWNER, ttl);
        }

        /**
         * The claim time for a fetch timeout: a claimed feed may wait for one read in progress to end (at most the
         * timeout), then be read itself (the timeout again), then wait briefly to be stored: twice the timeout plus
         * 15 s.
         *
         * @param totalTimeout {@code fetch.total-timeout}, positive
         * @return {@code 2 × totalTimeout + 15 s}
         */
        public static java.time.Duration forFetchTimeout(java.time.Duration totalTimeout) {
            return totalTimeout.multipliedBy(2).plusSeconds(15);
        }
    }

    /**
     * Where feeds are fetched and parsed, and how many at once.
     *
     * @param executor    runs one task per feed read, on threads other than the polling one
     * @param concurrency most feeds read at the same time, at least 1 ({@code fetch.concurrency}); at most
     *                    {@code 2 × concurrency} feeds are being read or wait, read, to be stored
     */
    public record Reads(Executor executor, int concurrency) {
        public Reads {
            java.util.Objects.requireNonNull(executor, "executor");
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
            }
        }

        /**
         * @param n threads
         * @return a fixed pool of {@code n} daemon threads named {@code newsalert-feed-read}, for {@link Reads}; the
         *         caller shuts it down
         */
        public static ExecutorService threads(int n) {
            return Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "newsalert-feed-read");
                t.setDaemon(true);
                return t;
            });
        }
    }
}
