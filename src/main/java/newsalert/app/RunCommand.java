package newsalert.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import newsalert.analysis.Assessor;
import newsalert.config.ConfigException;
import newsalert.config.NewsalertConfig;
import newsalert.pipeline.FeedCounts;
import newsalert.pipeline.Poller;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.event.EventSettings;
import newsalert.pipeline.EventTracker;
import newsalert.pipeline.Routing;
import newsalert.platform.console.ConsolePlatform;
import newsalert.delivery.ChatPlatform;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run [--config FILE] [--once]}: the long-running bot. Polls every configured feed on its
 * interval, keeps state in the store and delivers alerts through the outbox, which a delivery loop sends
 * every second on its own thread: global alerts (with their updates and follow-ups) to the console, printed
 * when no chat token is set and logged otherwise; with chat tokens the chat platforms also answer commands and
 * new stories are routed to subscriptions. Stops cleanly on Ctrl-C / SIGTERM: the current feed finishes,
 * the bots disconnect, the store is closed.
 *
 * <p>Exit codes: 0 done; 1 bad config or unusable store; {@value #NO_FEED_READ} for {@code --once} when feeds
 * were polled and none could be read (each reason is logged).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the bot: poll the configured feeds and deliver alerts.",
                "Without chat tokens, alerts are printed to the console. Stop with Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (with --once: at least one feed was read)",
                "1:bad config or unusable store (the error line says what to fix)",
                "2:bad usage",
                "3:with --once, feeds were polled and none could be read",
                "130:stopped by Ctrl-C (143: by SIGTERM); the stop was clean"},
        footer = {"", "Examples:",
                "  newsalert run",
                "  newsalert run --config my.yml --once"})
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    static final Path DEFAULT_CONFIG = Path.of("config", "newsalert.yml");
    private static final Duration MAX_SLEEP = Duration.ofSeconds(30);
    private static final Duration DELIVERY_PERIOD = Duration.ofSeconds(1);
    private static final Duration ONCE_DRAIN = Duration.ofSeconds(30);
    /** Exit code of {@code run --once} when feeds were polled and not one could be read. */
    static final int NO_FEED_READ = 3;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "config file (default: config/newsalert.yml when present, else built-in defaults)")
    Path config;

    @Option(names = "--once", description = "poll every feed once, deliver the alerts, and exit")
    boolean once;

    private final CountDownLatch stop = new CountDownLatch(1);
    /** This run's name in the delivery claims and the command leases. */
    private final String owner = InstanceId.create();
    /** Who answers commands, once started (tests check it at once instead of waiting for its period). */
    private volatile CommandLeases commandLeases;
    private volatile SourceReader reader;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** The time source of every decision of this run (feed due times, leases, delivery, commands). */
    private final Clock clock;
    /** How the poll loop waits for its next cycle. */
    private final PollWait pollWait;

    /** The command as {@code newsalert run} runs it: the system clock, and waits of real time. */
    public RunCommand() {
        this(Clock.systemUTC(), PollWait.REAL);
    }

    /**
     * A run on a given clock whose poll loop waits through {@code pollWait}: tests move time on and start the
     * next cycle instead of waiting for {@code poll.interval}.
     *
     * @param clock    the time source of every decision of this run
     * @param pollWait how the loop waits between cycles
     */
    RunCommand(Clock clock, PollWait pollWait) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.pollWait = java.util.Objects.requireNonNull(pollWait, "pollWait");
    }

    @Override
    public Integer call() {
        Path file = config;
        if (file == null && Files.isRegularFile(DEFAULT_CONFIG)) {
            file = DEFAULT_CONFIG;
        }
        NewsalertConfig cfg;
        Wiring wiring;
        Assessor assessor;
        try {
            wiring = Wiring.load(file);
            cfg = wiring.config();
            assessor = wiring.assessor();
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        LogFormat.applyConfig(cfg.logging().json(), System.getenv());
        if (file == null) {
            LOG.warn("no config file (looked for {}); using built-in defaults with no feeds", DEFAULT_CONFIG);
        }
        if (cfg.feeds().isEmpty()) {
            LOG.warn("no feeds configured: add some under 'feeds:' in the config file");
        }
        warnBlankTokens(System.getenv());
        JdbcNewsStore store;
        try {
            store = wiring.openStore();
        } catch (StoreException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage()
                    + Wiring.storeOrigin(file, cfg.store().url(), System.getenv()));
            return 1;
        }
        reader = wiring.sourceReader();
        List<ChatService> chats = List.of();
        CommandLeases commands = null;
        Monitoring monitoring = Monitoring.create(cfg.metrics());
        // command replies queued before the delivery loop exists wait for its first round
        java.util.concurrent.atomic.AtomicReference<Runnable> wakeDelivery = new java.util.concurrent.atomic
                .AtomicReference<>(() -> { });
        try {
            chats = ChatServices.create(wiring, store, clock, monitoring.metrics(), () -> wakeDelivery.get().run(),
                    owner);
            if (once) {
                for (ChatService chat : chats) {
                    if (chat instanceof DiscordService discord) {
                        discord.once(); // no retry in 30 s that the process will not live to make
                    }
                    chat.startForDelivery();
                }
            } else if (!chats.isEmpty()) {
                // several instances on one database: one answers each platform's commands, every one delivers
                commands = new CommandLeases(store.subscriptions(), owner, clock, chats);
                commandLeases = commands;
                commands.start();
            }
            monitoring.serve(store, chats, cfg.poll().interval(), clock);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            monitoring.close();
            chats.forEach(ChatService::close);
            if (commands != null) {
                commands.close();
            }
            store.close();
            return 1;
        }
        Routing routing = chats.isEmpty() ? null
                : new Routing(store.subscriptions(), store.chatFeeds(), wiring.chatFeedReader(),
                        cfg.chatFeeds().maxAlertsPerHour());
        EventTracker events = new EventTracker(EventSettings.defaults().withWindow(cfg.events().window()),
                cfg.events().minOutlets());
        DeliveryWorker worker = new DeliveryWorker(store.subscriptions(),
                adapters(chats, spec.commandLine().getOut()), RateLimits::forPlatform, clock,
                DeliverySettings.defaults(), monitoring.metrics());
        DeliveryLoop delivery = new DeliveryLoop(worker, store.subscriptions(), clock, owner);
        // daily briefs are queued on their own thread: a minute when thousands fall due never holds the alerts
        BriefLoop briefs = new BriefLoop(worker, clock, delivery::wake);
        wakeDelivery.set(delivery::wake);
        // feeds are fetched and parsed on fetch.concurrency threads; a feed read that queued rows wakes the delivery
        ExecutorService readers = Poller.Reads.threads(cfg.fetch().concurrency());
        Poller poller = new Poller(store, reader, assessor::assess, cfg.poll(), clock, routing, events,
                monitoring.metrics(), cfg.analysis().alertSeverity(),
                new Poller.Reads(readers, cfg.fetch().concurrency()), delivery::wake,
                Poller.Claims.ofThisProcess(Poller.Claims.RENEWED_TTL));
        // the feed claims are renewed on a thread of their own, so a long read keeps its claim and a killed
        // instance's feeds pass to another within 30 s
        java.util.concurrent.ScheduledExecutorService claimRenewal =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "newsalert-feed-claims");
                    t.setDaemon(true);
                    return t;
                });
        long renewMillis = Poller.Claims.RENEW_EVERY.toMillis();
        claimRenewal.scheduleWithFixedDelay(poller::renewClaims, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
        // feeds add checks cut off by a stop or kill of any instance are answered (issue 17)
        FeedAddCheckSweep checkSweep = new FeedAddCheckSweep(store.chatFeeds(), owner, clock,
                FeedAddCheckSweep.minAge(System.getProperty(FeedAddCheckSweep.MIN_AGE_PROPERTY)));
        if (!once && !chats.isEmpty()) {
            long sweepMillis = FeedAddCheckSweep.PERIOD.toMillis();
            claimRenewal.scheduleWithFixedDelay(checkSweep::sweep, 0, sweepMillis, TimeUnit.MILLISECONDS);
        }
        LOG.info("newsalert running: {} feed(s), store {}, alerts to {}", cfg.feeds().size(), cfg.store().shownUrl(),
                chats.isEmpty() ? "the console" : chats.stream().map(ChatService::name).toList());
        // each instance sends at most its share of a platform's overall limit (Telegram's 30/s is per bot)
        SharedStoreCheck sharing = new SharedStoreCheck(store.subscriptions(), owner, clock, cfg.store().shownUrl(),
                delivery::shareOverallLimits);
        if (once) {
            sharing.check();
        } else {
            sharing.start();
        }
        Thread hook = new Thread(this::requestStop, "newsalert-shutdown");
        if (!once) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            if (!once) {
                delivery.start(DELIVERY_PERIOD);
                briefs.start(DELIVERY_PERIOD);
            }
            loop(poller, cfg);
            if (once) {
                briefs.tick();
                drain(delivery, store);
            }
        } finally {
            sharing.close();
            claimRenewal.shutdownNow();
            poller.close();
            readers.shutdownNow(); // reads in progress are abandoned: their feeds are polled again on the next start
            // delivery first: a send in flight finishes and is marked (up to 10 s) while its HTTP client is still
            // open; closing the bots first closed its socket, and the row, though delivered, stayed pending
            briefs.close();
            delivery.close();
            chats.forEach(ChatService::close);
            if (commands != null) {
                commands.close(); // after the bots stopped polling: the next holder's getUpdates meets no other
            }
            if (!once && !chats.isEmpty()) {
                checkSweep.stop(); // checks still running are answered as interrupted, sent on the next start
            }
            monitoring.close();
            store.close();
            stopped.countDown();
            if (!once) {
                removeHook(hook);
            }
        }
        LOG.info("newsalert stopped");
        FeedCounts polled = poller.lastCycle();
        if (once && polled.read() == 0 && polled.failed() > 0) {
            spec.commandLine().getErr().printf("error: none of the %d feed(s) could be read (the reasons are logged"
                    + " above); exit code %d%n", polled.failed(), NO_FEED_READ);
            return NO_FEED_READ;
        }
        return 0;
    }

    /**
     * Logs a warning for each chat-token variable that is set but blank ({@code TELEGRAM_BOT_TOKEN=}): it is
     * ignored, so the bot would otherwise fall back to the config file's token, or the console, without a word.
     *
     * @param env the environment
     * @return the blank variables' names, in a fixed order
     */
    static List<String> warnBlankTokens(Map<String, String> env) {
        List<String> blank = new java.util.ArrayList<>();
        for (String name : List.of("TELEGRAM_BOT_TOKEN", "DISCORD_TOKEN")) {
            String value = env.get(name);
            if (value != null && value.isBlank()) {
                LOG.warn("{} is set but empty: ignored (the config file's token, if any, is used)", name);
                blank.add(name);
            }
        }
        return blank;
    }

    /**
     * The delivery worker's adapters: the chats', and the console's, which prints each global alert (and its
     * updates and follow-ups) to {@code out} when no chat runs, else logs one INFO line each.
     */
    static List<ChatPlatform> adapters(List<ChatService> chats, java.io.PrintWriter out) {
        List<ChatPlatform> adapters = new java.util.ArrayList<>(chats.stream().map(ChatService::adapter).toList());
        adapters.add(chats.isEmpty() ? ConsolePlatform.printing(out) : ConsolePlatform.logging());
        return adapters;
    }

    /**
     * For {@code --once}: delivery rounds once a second until no row is due within {@link #ONCE_DRAIN}
     * (rows waiting longer, e.g. for a 429's retry_after, stay queued for the next run).
     */
    private void drain(DeliveryLoop delivery, JdbcNewsStore store) {
        Instant end = clock.instant().plus(ONCE_DRAIN);
        while (clock.instant().isBefore(end) && stop.getCount() > 0) {
            delivery.round();
            if (store.subscriptions().pendingOutbox(1).isEmpty()) {
                return;
            }
            try {
                if (stop.await(DELIVERY_PERIOD.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info("--once: alerts still queued are delivered by the next run");
    }

    /** How long the poll loop waits after the store refused a whole cycle (e.g. locked by another process). */
    private static final Duration STORE_RETRY = Duration.ofSeconds(10);

    private void loop(Poller poller, NewsalertConfig cfg) {
        if (once) {
            poller.pollAll(cfg.feeds());
            return;
        }
        while (stop.getCount() > 0) {
            Instant next;
            try {
                poller.pollDue(cfg.feeds(), () -> stop.getCount() == 0);
                next = poller.nextDue(cfg.feeds());
            } catch (StoreException e) { // busy or broken store: polling goes on, nothing read is lost
                LOG.warn("poll cycle stopped by the store ({}); the next one starts in {} s", e.getMessage(),
                        STORE_RETRY.toSeconds());
                next = clock.instant().plus(STORE_RETRY);
            }
            Duration wait = Duration.between(clock.instant(), next);
            if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
                wait = Duration.ofSeconds(1);
            }
            if (wait.compareTo(MAX_SLEEP) > 0) {
                wait = MAX_SLEEP;
            }
            try {
                if (pollWait.await(stop, wait)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook is running or has run
        }
    }

    /**
     * Takes or renews the command leases now instead of at their next period (for tests that drive a take-over
     * by events); does nothing before they started or in console mode.
     */
    void checkCommandLeases() {
        CommandLeases c = commandLeases;
        if (c != null) {
            c.check();
        }
    }

    /**
     * Asks the loop to stop, aborts a fetch in progress (that feed is simply polled again next run), and
     * waits up to 20 s for the loop to finish and the store to close.
     */
    void requestStop() {
        LOG.info("stopping...");
        stop.countDown();
        SourceReader r = reader;
        if (r != null) {
            r.cancelAll();
        }
        try {
            stopped.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
