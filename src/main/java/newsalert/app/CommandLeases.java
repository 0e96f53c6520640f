package newsalert.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import newsalert.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance answers each chat platform's commands when several run on one database (issue 14 item 5): one
 * at a time, chosen by a lease per platform in the store ({@value #TELEGRAM} for Telegram's long polling: two
 * pollers of one bot get 409 Conflict; {@code discord-commands} for Discord's slash commands: two sessions would
 * both answer each interaction). Every instance delivers whatever it holds the lease or not
 * ({@link DeliveryLoop}'s chat claims).
 *
 * <p>{@link #start} tries each lease once on the caller's thread: the holder {@linkplain ChatService#start starts}
 * the platform's commands (a refused token stops {@code run} as before), the others
 * {@linkplain ChatService#startForDelivery connect for delivery only}. Then every {@link #PERIOD} each instance
 * takes or renews its leases: when the holder stops, its lease is released and another instance starts the
 * commands at its next check; when the holder dies (SIGKILL), the lease lapses after {@link #TTL}, so another
 * answers within {@code TTL + PERIOD} (18 s) plus the platform's start-up. An instance that finds its lease taken (it could not renew in time)
 * {@linkplain ChatService#stopCommands stops} its commands; one that cannot reach the store stops them once its
 * lease would have lapsed. No process ids, no leader: a lease with an expiry, the same on SQLite and PostgreSQL.
 *
 * <p>A platform that {@linkplain ChatService#ownsItsCommands owns its commands} takes no lease: every instance
 * starts it and answers what reaches it (Discord with {@code discord.shards.total} above 1, where Discord sends
 * each guild's interactions to the one session of the shard that carries it).
 */
final class CommandLeases implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandLeases.class);
    /** The lease of Telegram's long polling (getUpdates). */
    static final String TELEGRAM = "telegram-updates";
    /**
     * How long a lease holds without renewal: short enough that, with {@link #PERIOD} and the bot's own start-up
     * (a few seconds), commands are answered again within 30 s of a SIGKILL (issue 14's goal; 20 s took 20–48 s
     * in the three-instance kill test at load 30).
     */
    static final Duration TTL = Duration.ofSeconds(15);
    /** How often each instance takes or renews its leases: five renewals fit in {@link #TTL}. */
    static final Duration PERIOD = Duration.ofSeconds(3);

    private final SubscriptionStore store;
    private final String owner;
    private final Clock clock;
    private final List<ChatService> chats;
    /** Per platform name: when this instance last took or renewed the lease; absent while another holds it. */
    private final Map<String, Instant> held = new HashMap<>();
    /** Platform names whose "another instance answers" line was logged. */
    private final java.util.Set<String> toldWaiting = new java.util.HashSet<>();
    private ScheduledExecutorService executor;
    private boolean closed;

    /**
     * @param store the lease table's store
     * @param owner this instance's id ({@link InstanceId#create})
     * @param clock the time source of the leases
     * @param chats the chat platforms whose commands are shared out
     */
    CommandLeases(SubscriptionStore store, String owner, Clock clock, List<ChatService> chats) {
        this.store = store;
        this.owner = owner;
        this.clock = clock;
        this.chats = List.copyOf(chats);
    }

    /** @return the lease name of a platform's commands: {@value #TELEGRAM}, or {@code <name>-commands} */
    static String leaseName(ChatService chat) {
        return "telegram".equals(chat.name()) ? TELEGRAM : chat.name() + "-commands";
    }

    /**
     * Takes each lease it can and starts those platforms' commands, connects the others for delivery only, then
     * checks again every {@link #PERIOD} on a daemon thread.
     *
     * @throws RuntimeException from {@link ChatService#start} or {@link ChatService#startForDelivery} (a refused
     *                          token), or when the store cannot be read
     */
    void start() {
        synchronized (this) {
            Instant now = clock.instant();
            for (ChatService chat : chats) {
                if (chat.ownsItsCommands()) {
                    chat.start(); // e.g. Discord with shards: this instance answers what arrives on its shards
                    continue;
                }
                String name = leaseName(chat);
                if (store.acquireLease(name, owner, now, TTL)) {
                    held.put(chat.name(), now);
                    chat.start();
                } else {
                    tellWaiting(chat, name);
                    chat.startForDelivery();
                }
            }
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsalert-command-lease");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::check, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes or renews each platform's lease now: starts the commands of a platform whose lease this instance just
     * got, stops those of one whose lease another instance holds. Never throws (each problem is logged).
     */
    synchronized void check() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        for (ChatService chat : chats) {
            if (chat.ownsItsCommands()) {
                continue;
            }
            String name = leaseName(chat);
            boolean mine;
            try {
                mine = store.acquireLease(name, owner, now, TTL);
            } catch (RuntimeException e) {
                Instant last = held.get(chat.name());
                if (last != null && !now.isBefore(last.plus(TTL).minus(PERIOD))) {
                    LOG.warn("cannot renew the {} commands lease ({}): this instance stops answering {} commands,"
                            + " which another instance may take over", chat.name(), e.getMessage(), chat.name());
                    held.remove(chat.name());
                    chat.stopCommands();
                }
                continue;
            }
            boolean had = held.containsKey(chat.name());
            if (mine) {
                held.put(chat.name(), now);
                if (!had) {
                    LOG.info("this instance now answers {} commands (the instance that did stopped)", chat.name());
                    toldWaiting.remove(chat.name());
                    try {
                        chat.start();
                    } catch (RuntimeException e) {
                        LOG.warn("could not start {} commands: {}", chat.name(), e.getMessage());
                    }
                }
            } else if (had) {
                held.remove(chat.name());
                LOG.warn("another newsalert instance took over the {} commands: this one stops answering them and"
                        + " goes on delivering", chat.name());
                chat.stopCommands();
            } else {
                tellWaiting(chat, name);
            }
        }
    }

    private void tellWaiting(ChatService chat, String name) {
        if (toldWaiting.add(chat.name())) {
            LOG.info("another newsalert instance ({}) answers {} commands on this database: this one delivers alerts"
                    + " to the chats it claims and takes the commands over if that one stops",
                    store.leaseHolder(name).orElse("?"), chat.name());
        }
    }

    /** @return whether this instance holds the platform's commands lease (as of its last check) */
    synchronized boolean answers(String platformName) {
        return held.containsKey(platformName);
    }

    /** Stops checking and releases the leases this instance holds, so another instance takes them at once. */
    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
        synchronized (this) {
            closed = true;
            for (ChatService chat : chats) {
                if (held.remove(chat.name()) != null) {
                    try {
                        store.releaseLease(leaseName(chat), owner);
                    } catch (RuntimeException e) {
                        LOG.debug("could not release the {} commands lease: {}", chat.name(), e.toString());
                    }
                }
            }
        }
    }
}
