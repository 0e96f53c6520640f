package newsalert.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import newsalert.metrics.FeedHealth;
import newsalert.metrics.FetchOutcome;
import newsalert.metrics.Metrics;
import newsalert.metrics.PollCycle;
import newsalert.store.FeedState;
import newsalert.story.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what one poll cycle does, passes each fetch and each read's figures to the {@link Metrics}, and at
 * the end gives the cycle's {@link PollCycle} (its log line and {@code newsalert_poll_cycle_seconds}).
 *
 * <p>A feed's state is its {@link FeedHealth}. Not thread-safe: one per cycle, on the polling thread.
 */
final class CycleTally {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    private final Metrics metrics;
    private final Instant start;
    private int feeds;
    private int notModified;
    private int errors;
    private int fresh;
    private int alerts;
    private int active;
    private int backingOff;
    private int disabled;

    CycleTally(Metrics metrics, Instant start) {
        this.metrics = metrics;
        this.start = start;
    }

    /** @return the fetch's {@code result} label: a failure whose reason starts with "refused" is refused */
    static FetchOutcome outcome(ReadResult r) {
        if (r instanceof ReadResult.NotModified) {
            return FetchOutcome.NOT_MODIFIED;
        }
        if (r instanceof ReadResult.Failed f) {
            return refused(f.reason()) ? FetchOutcome.REFUSED : FetchOutcome.ERROR;
        }
        return FetchOutcome.OK;
    }

    private static boolean refused(String reason) {
        return reason != null && reason.toLowerCase(Locale.ROOT).startsWith("refused");
    }

    /** Counts one feed read this cycle. */
    void fetched(ReadResult r) {
        FetchOutcome o = outcome(r);
        metrics.feedFetched(o);
        feeds++;
        notModified += o == FetchOutcome.NOT_MODIFIED ? 1 : 0;
        errors += o == FetchOutcome.ERROR || o == FetchOutcome.REFUSED ? 1 : 0;
    }

    /** Counts one feed's state as it stands after this cycle (read now, or not due). */
    void state(FeedState s) {
        switch (FeedHealth.of(s.failures(), s.lastError())) {
            case ACTIVE -> active++;
            case BACKING_OFF -> backingOff++;
            case DISABLED -> disabled++;
        }
    }

    /** Counts what one read recorded. */
    void recorded(FeedEntries.Tally t) {
        fresh += t.fresh();
        alerts += t.queued();
        metrics.entriesNew(t.fresh());
        for (Topic topic : t.alertTopics()) {
            metrics.alerted(topic);
        }
        for (int i = 0; i < t.revised(); i++) {
            metrics.eventRevised();
        }
    }

    /**
     * Ends the cycle: sets the feed-state gauges, records the cycle and logs its line ({@link PollCycle#logLine()}):
     * at INFO when a feed failed or brought new entries or alerts, and for a quiet cycle (every feed read
     * unchanged) at INFO only when {@code quietLineDue}, else at DEBUG; a pass in which no feed was due stays silent.
     *
     * @param end          the poller clock's time now
     * @param quietLineDue whether a quiet cycle should still be logged at INFO (the poller's hourly sign of life)
     * @return the cycle's figures
     */
    PollCycle finish(Instant end, boolean quietLineDue) {
        metrics.feedStates(active, backingOff, disabled);
        PollCycle c = new PollCycle(feeds, notModified, errors, fresh, alerts, Duration.between(start, end), end);
        metrics.pollCycle(c);
        if (c.feeds() > 0) {
            if (!quiet(c) || quietLineDue) {
                LOG.info(c.logLine());
            } else {
                LOG.debug(c.logLine());
            }
        }
        return c;
    }

    /** @return whether a cycle read feeds and nothing came of it: no error, no new entry, no alert */
    static boolean quiet(PollCycle c) {
        return c.errors() == 0 && c.newEntries() == 0 && c.alerts() == 0;
    }
}
