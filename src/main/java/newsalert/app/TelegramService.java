package newsalert.app;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import newsalert.command.CommandRegistry;
import newsalert.config.TelegramConfig;
import newsalert.delivery.ChatPlatform;
import newsalert.metrics.Health;
import newsalert.platform.telegram.TelegramBot;
import newsalert.platform.telegram.TelegramPlatform;
import newsalert.platform.telegram.TelegramSettings;
import newsalert.store.CommandUpdateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram as {@code run} uses it: {@link TelegramPlatform} for delivery, {@link TelegramBot} for commands.
 *
 * <p>Start-up: a token Telegram refuses (401 Unauthorized, 404 Not Found) stops {@code run} with the reason.
 * When Telegram cannot be reached, {@code run} goes on (feeds are polled, alerts wait in the outbox, the
 * delivery worker keeps retrying) and the command bot is started again every {@value #RETRY_SECONDS} s
 * until it works.
 */
final class TelegramService implements ChatService {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramService.class);
    static final long RETRY_SECONDS = 30;

    private final TelegramPlatform platform;
    private final Supplier<TelegramBot> bots;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telegram-start");
        t.setDaemon(true);
        return t;
    });
    private TelegramBot bot;
    private boolean closed;
    private volatile boolean deliveryOnly;
    /** Whether this instance should answer commands (false once another instance took them over). */
    private boolean wantCommands;

    private TelegramService(TelegramPlatform platform, Supplier<TelegramBot> bots) {
        this.platform = platform;
        this.bots = bots;
    }

    /**
     * @throws IllegalArgumentException when the token or API URL is malformed (the message never holds the
     *                                  token)
     */
    static TelegramService create(TelegramConfig config, CommandRegistry registry, Clock clock) {
        return create(config, registry, clock, null, () -> { });
    }

    /**
     * A service whose command replies go through the outbox of {@code updates} (see
     * {@link TelegramBot#TelegramBot(TelegramSettings, CommandRegistry, Clock, CommandUpdateStore, Runnable)}).
     *
     * @param updates the handled command updates and the outbox; {@code null} to send replies at once
     * @param wake    asks the delivery worker for a round after a reply was queued
     * @throws IllegalArgumentException when the token or API URL is malformed (the message never holds the
     *                                  token)
     */
    static TelegramService create(TelegramConfig config, CommandRegistry registry, Clock clock,
                                  CommandUpdateStore updates, Runnable wake) {
        TelegramSettings settings = new TelegramSettings(config.token().strip(), config.apiUrl());
        return new TelegramService(new TelegramPlatform(settings),
                () -> new TelegramBot(settings, registry, clock, updates, wake));
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public ChatPlatform adapter() {
        return platform;
    }

    /** @throws IllegalStateException when Telegram refuses the token */
    @Override
    public synchronized void start() {
        wantCommands = true;
        if (bot != null || closed) {
            return; // already answering (or stopped): a second start, e.g. after a take-over, is a no-op
        }
        TelegramBot next = bots.get();
        try {
            next.start();
            bot = next;
        } catch (IllegalStateException e) {
            String reason = e.getMessage();
            if (reason.contains("Telegram 401") || reason.contains("Telegram 404")) {
                throw new IllegalStateException(reason + " (check telegram.token or TELEGRAM_BOT_TOKEN)");
            }
            LOG.warn("{}; polling goes on, alerts stay queued, trying again in {} s", StartFailure.network("Telegram", e)
                    .map(plain -> "Telegram bot could not start: " + plain).orElse(reason), RETRY_SECONDS);
            retries.schedule(this::retry, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private synchronized void retry() {
        if (!closed && bot == null && wantCommands) {
            try {
                start();
            } catch (IllegalStateException e) {
                LOG.error("{}; commands stay off until newsalert is restarted with a valid token", e.getMessage());
            }
        }
    }

    /**
     * Up once the command bot runs (Telegram accepted the token and long polling started), or in delivery-only
     * mode where the adapter makes its own requests; down while the start is being retried.
     */
    @Override
    public synchronized Health.ChatState state() {
        return bot != null || deliveryOnly ? Health.ChatState.UP : Health.ChatState.DOWN;
    }

    /** Delivery needs no command bot on Telegram: the platform sends on its own. */
    @Override
    public void startForDelivery() {
        deliveryOnly = true;
        // nothing to start: TelegramPlatform makes its own requests, and commands are left to a running bot
    }

    /**
     * Stops long polling (another instance took the commands over: two pollers of one bot get 409 Conflict from
     * Telegram); delivery goes on, the adapter makes its own requests.
     */
    @Override
    public void stopCommands() {
        TelegramBot running;
        synchronized (this) {
            wantCommands = false;
            deliveryOnly = true;
            running = bot;
            bot = null;
        }
        if (running != null) {
            running.close();
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
        TelegramBot running;
        synchronized (this) {
            closed = true;
            running = bot;
        }
        if (running != null) {
            running.close();
        }
        platform.close();
    }
}
