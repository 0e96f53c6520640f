package newsalert.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import newsalert.command.FeedAddChecks;
import newsalert.store.ChatFeedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the {@code feeds add} checks a stop or kill cut off (issue 17), so that a chat told "Checking…" always
 * hears back once: {@link #sweep()} (every {@link #PERIOD} in {@code run}) turns the kept checks of runs that hold no
 * live lease any more and that started at least {@link #MIN_AGE} ago into a notice each (a live run's slow check is
 * never taken: its presence lease is renewed every 5 s); {@link #stop()} answers this run's own checks at once when
 * it stops cleanly. The notices go through the outbox, so they are sent by whichever instance delivers next.
 *
 * <p>Thread-safe; errors are logged, never thrown (the next sweep tries again).
 */
final class FeedAddCheckSweep {
    /** How old a dead run's check must be before it is answered as interrupted. */
    static final Duration MIN_AGE = Duration.ofSeconds(60);
    /**
     * A JVM system property (not a config key, on purpose: no operator should shorten it) that sets {@link #MIN_AGE}
     * for the child-process tests, as an ISO-8601 duration such as {@code PT1S}; see {@link #minAge(String)}.
     */
    static final String MIN_AGE_PROPERTY = "newsalert.internal.feed-check-min-age";

    /**
     * @param property the value of {@link #MIN_AGE_PROPERTY}, or {@code null}
     * @return that duration when it is a valid ISO-8601 duration of 0 s to {@link #MIN_AGE}; else {@link #MIN_AGE}
     */
    static Duration minAge(String property) {
        if (property == null || property.isBlank()) {
            return MIN_AGE;
        }
        try {
            Duration d = Duration.parse(property.strip());
            if (!d.isNegative() && d.compareTo(MIN_AGE) <= 0) {
                LOG.info("feeds add checks of dead runs are answered {} s after they began (set by {})",
                        d.toSeconds(), MIN_AGE_PROPERTY);
                return d;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // fall through
        }
        LOG.warn("{} must be an ISO-8601 duration from PT0S to PT60S; using {} s", MIN_AGE_PROPERTY,
                MIN_AGE.toSeconds());
        return MIN_AGE;
    }

    /** How often {@code run} sweeps. */
    static final Duration PERIOD = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(FeedAddCheckSweep.class);

    private final ChatFeedStore store;
    private final String owner;
    private final Clock clock;
    private final Duration minAge;

    /**
     * @param store  the kept checks and the outbox
     * @param owner  this run's id ({@link InstanceId})
     * @param clock  the time of the leases and of the checks' start
     * @param minAge how old a dead run's check must be, zero or more
     */
    FeedAddCheckSweep(ChatFeedStore store, String owner, Clock clock, Duration minAge) {
        this.store = Objects.requireNonNull(store, "store");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minAge = Objects.requireNonNull(minAge, "minAge");
    }

    /** @return how many cut-off checks of runs no longer alive were answered now */
    int sweep() {
        Instant now = clock.instant();
        try {
            int n = store.interruptChecks(null, now.minus(minAge), now, FeedAddChecks::interrupted);
            if (n > 0) {
                LOG.info("{} feeds add check(s) cut off by a stop or kill of an instance: each chat is told to send"
                        + " it again", n);
            }
            return n;
        } catch (RuntimeException e) {
            LOG.warn("could not answer the feeds add checks cut off by a restart (tried again in {} s): {}",
                    PERIOD.toSeconds(), e.toString());
            return 0;
        }
    }

    /** @return how many of this run's own checks, still running as it stops, were answered as interrupted */
    int stop() {
        Instant now = clock.instant();
        try {
            return store.interruptChecks(owner, now, now, FeedAddChecks::interrupted);
        } catch (RuntimeException e) {
            LOG.warn("could not answer this run's feeds add checks as it stops (the next start answers them): {}",
                    e.toString());
            return 0;
        }
    }
}
