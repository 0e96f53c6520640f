package newsalert.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import newsalert.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a {@code run} that another instance polls the same database, in any mode (console or chats). Each run
 * holds the {@value #LEASE} lease while it polls, renewed every {@link #PERIOD}; one that finds the lease held
 * by a live other instance logs, once, at INFO, how many instances share the feeds: each due feed is claimed and
 * read by one of them (issue 14, {@link newsalert.store.NewsStore#claimFeeds}), so between them every feed is
 * read once per interval. When the other stops, the lease passes to this one and it says so. (The outbox itself
 * is never sent twice: each chat is delivered by the one instance that claims it, see {@link DeliveryLoop}.) The
 * one lease tells "another instance" from "none", not how many more there are: for that each run also holds a
 * presence lease of its own ({@value #PRESENCE}{@code <hash of its id>}, same time and renewal), and every check
 * tells the listener how many instances hold one ({@link SubscriptionStore#countLiveLeases}), which {@code run}
 * uses to share the platforms' overall send limits ({@link DeliveryLoop#shareOverallLimits}); the INFO line names
 * that count.
 */
final class SharedStoreCheck implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedStoreCheck.class);
    static final String LEASE = "poll";
    static final Duration TTL = Duration.ofSeconds(20);
    static final Duration PERIOD = Duration.ofSeconds(5);
    /** The name prefix of the instances' presence leases. */
    static final String PRESENCE = newsalert.store.StoreStatus.Instance.PRESENCE_LEASE;
    /** How long a lapsed presence lease (a killed instance's) is kept before a check deletes it. */
    static final Duration FORGET = Duration.ofHours(1);

    private final SubscriptionStore store;
    private final String owner;
    private final Clock clock;
    private final String storeName;
    private final String presence;
    private final IntConsumer instances;
    private boolean shared;
    /** Whether the last check logged that other instances run (so each change is logged once). */
    private boolean told;
    private ScheduledExecutorService executor;

    /**
     * @param store     the database's lease table
     * @param owner     this run's id ({@link InstanceId})
     * @param clock     the time source of the lease
     * @param storeName the store as the user configured it (its JDBC URL), for the message
     */
    SharedStoreCheck(SubscriptionStore store, String owner, Clock clock, String storeName) {
        this(store, owner, clock, storeName, n -> { });
    }

    /**
     * @param instances told at every check how many instances run on the database, counting this one (1 or more;
     *                  not called when the store cannot be reached)
     */
    SharedStoreCheck(SubscriptionStore store, String owner, Clock clock, String storeName, IntConsumer instances) {
        this.store = store;
        this.owner = owner;
        this.clock = clock;
        this.storeName = storeName;
        this.instances = instances;
        this.presence = PRESENCE + presenceKey(owner);
    }

    /** @return 16 hex digits of the id's SHA-256: a presence lease's name fits the lease table's 64 characters */
    static String presenceKey(String owner) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Takes or renews the lease now, logging a change: the warning when another instance holds it, an
     * info line when this one gets it after that.
     *
     * @return whether another live instance holds the lease (this one shares the store)
     */
    synchronized boolean check() {
        boolean mine;
        int count;
        try {
            Instant now = clock.instant();
            mine = store.acquireLease(LEASE, owner, now, TTL);
            store.acquireLease(presence, owner, now, TTL);
            count = Math.max(1, store.countLiveLeases(PRESENCE, now, FORGET));
            instances.accept(count);
        } catch (RuntimeException e) {
            LOG.debug("could not check for another instance: {}", e.toString());
            return shared;
        }
        // others run while another holds the poll lease or more than one presence lease lives; the lease alone
        // cannot tell, since the lease passes on when its holder stops while a third instance still runs
        boolean others = !mine || count > 1;
        if (others && !told) {
            String who = mine ? "" : " (" + store.leaseHolder(LEASE).orElse("?") + ")";
            LOG.info("another newsalert instance{} polls this database ({}) too: {} instances share its"
                    + " feeds, each due feed is read by one of them, so each instance reads and stores only some of"
                    + " the feeds", who, storeName, Math.max(2, count));
        } else if (!others && told) {
            LOG.info("the other newsalert instances on this database stopped: this one now reads every feed");
        }
        told = others;
        shared = !mine;
        return shared;
    }

    /** Checks now, then renews every {@link #PERIOD} on a daemon thread until {@link #close()}. */
    void start() {
        check();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsalert-store-lease");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::check, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops renewing and gives the lease up, so that another instance takes it at once. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
        try {
            store.releaseLease(LEASE, owner);
            store.releaseLease(presence, owner);
        } catch (RuntimeException e) {
            LOG.debug("could not release the poll lease: {}", e.toString());
        }
    }
}
