package newsalert.platform.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import newsalert.command.Command;
import newsalert.command.CommandRegistry;
import newsalert.store.CommandUpdateStore;
import newsalert.subscription.Platform;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The chat-command side of the Telegram adapter: long polling for {@code message} and {@code channel_post}
 * updates, each command run through the {@link CommandRegistry}, the reply sent back to the same chat and
 * forum topic (HTML-escaped, previews off). Moderator rules: see {@link ModeratorCheck}.
 *
 * <p>Life cycle: {@link #start()} once, then {@link #close()} (idempotent). One polling thread, named
 * {@code telegram-poll}, reads updates in order; the commands run on up to {@value #COMMAND_THREADS} daemon
 * threads named {@code telegram-commands-N}, so a slow command in one chat does not hold the others (one
 * chat's commands still run one at a time, in order). Close cancels the poll in flight and waits for it
 * (TelegramBots then logs the cancelled {@code getUpdates} once at ERROR level; that line is harmless), then
 * gives running commands {@link #COMMAND_GRACE} to finish before interrupting them.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    private static final Pattern COMMAND_NAME = Pattern.compile("[a-z0-9_]{1,32}");
    /** How long a getChatMember answer is trusted. */
    public static final Duration MODERATOR_CACHE = Duration.ofSeconds(60);
    /** How many commands may run at once. */
    public static final int COMMAND_THREADS = 4;
    /** How many chats' commands may wait for a free command thread. */
    static final int COMMAND_QUEUE = 200;
    /** How long {@link #close()} waits for running commands before interrupting them. */
    public static final Duration COMMAND_GRACE = Duration.ofSeconds(2);

    private final TelegramSettings settings;
    private final CommandRegistry registry;
    private final Clock clock;
    private final OkHttpClient requestsHttp = TelegramClients.requests();
    private final OkHttpTelegramClient client;
    /** Where replies are queued and handled updates recorded; {@code null}: replies are sent at once. */
    private final CommandUpdateStore store;
    private final Runnable wake;

    private volatile String username;
    private TelegramBotsLongPollingApplication app;
    private OkHttpClient pollHttp;
    private ScheduledExecutorService pollExecutor;
    private volatile Thread pollThread;
    private ThreadPoolExecutor commandExecutor;
    private boolean closed;

    /**
     * @param settings server, token and long-poll wait
     * @param registry the commands
     * @param clock    the time source handed to commands
     */
    public TelegramBot(TelegramSettings settings, CommandRegistry registry, Clock clock) {
        this(settings, registry, clock, null, () -> { });
    }

    /**
     * A bot whose replies go through the outbox (issue 19): each reply is queued with the update recorded as handled
     * in one transaction of {@code store}, {@code wake} is called so that the delivery worker sends it at once, and
     * long polling confirms an update to Telegram only once it was handled ({@link UpdateOffsets}), starting from the
     * offset stored there (so a restart, or another instance taking over, never answers a handled command again).
     *
     * @param store the handled updates and the outbox; {@code null} to send replies at once
     * @param wake  asks the delivery worker for a round; must not block
     */
    public TelegramBot(TelegramSettings settings, CommandRegistry registry, Clock clock, CommandUpdateStore store,
                       Runnable wake) {
        this.store = store;
        this.wake = Objects.requireNonNull(wake, "wake");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = TelegramClients.telegram(requestsHttp, settings);
    }

    /**
     * Calls {@code getMe} (the bot's username, for {@code /cmd@otherbot} filtering), registers the command
     * menu with {@code setMyCommands}, and starts long polling (TelegramBots first deletes any webhook).
     *
     * @throws IllegalStateException when already started or closed, or when Telegram cannot be reached or
     *                               refuses the token (the message carries Telegram's reason, never the token)
     */
    public synchronized void start() {
        if (closed || app != null) {
            throw new IllegalStateException("the Telegram bot was already started or closed");
        }
        try {
            User me = client.execute(new GetMe());
            username = me.getUserName() == null ? "" : me.getUserName();
            client.execute(SetMyCommands.builder().commands(botCommands(registry)).build());
            pollHttp = TelegramClients.polling(settings.longPollTimeout());
            pollExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "telegram-poll");
                pollThread = t;
                t.setDaemon(true);
                return t;
            });
            app = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollExecutor,
                    ExponentialBackOff::new);
            commandExecutor = commandThreads();
            String source = source(me);
            UpdateOffsets offsets = new UpdateOffsets(store == null ? 0 : store.nextUpdateId(source, clock.instant()));
            CommandUpdates updates = new CommandUpdates(client, requestsHttp, settings, registry, clock,
                    new ModeratorCheck(client, settings, MODERATOR_CACHE), () -> username, commandExecutor, store,
                    wake, offsets, source);
            int timeout = (int) settings.longPollTimeout().toSeconds();
            app.registerBot(settings.token(), settings::telegramUrl,
                    last -> GetUpdates.builder().offset(store == null ? last + 1 : confirmedOffset(offsets, updates))
                            .limit(100).timeout(timeout)
                            .allowedUpdates(List.of("message", "channel_post")).build(),
                    updates);
            LOG.info("Telegram bot @{} polling {}", username, settings.apiUrl());
        } catch (TelegramApiException | RuntimeException e) {
            String reason = e instanceof TelegramApiException t ? TelegramErrors.reason(t, settings)
                    : settings.redact(String.valueOf(e));
            close();
            throw new IllegalStateException("Telegram bot could not start: " + reason);
        }
    }

    /** @return the bot account's key in the command store: {@code telegram:<bot id>} (update ids are per bot) */
    static String source(User me) {
        return Platform.TELEGRAM.wireName() + ":" + me.getId();
    }

    /**
     * The offset of the next {@code getUpdates}: the lowest update not yet handled. While updates are open, waits up
     * to {@link #OPEN_POLL_PAUSE} for them first (Telegram would answer at once with them again).
     */
    private static int confirmedOffset(UpdateOffsets offsets, CommandUpdates updates) {
        try {
            offsets.awaitHandled(OPEN_POLL_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: the request is cancelled anyway
        }
        updates.confirmIdle(); // TelegramBots does not call the consumer for an empty answer
        return (int) offsets.offset();
    }

    /** The longest pause between {@code getUpdates} calls while a command is still running. */
    static final Duration OPEN_POLL_PAUSE = Duration.ofSeconds(1);

    private static ThreadPoolExecutor commandThreads() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(COMMAND_THREADS, COMMAND_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(COMMAND_QUEUE), r -> {
                    Thread t = new Thread(r, "telegram-commands-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, TelegramBot::waitForRoom);
    }

    /**
     * When every command thread is busy and {@value #COMMAND_QUEUE} commands wait, the polling thread waits for
     * room instead of dropping the command (issue 19: 758 of 1,000 commands in a burst went unanswered). The
     * next {@code getUpdates} waits with it, so the rest stay on Telegram's side, unconfirmed. Only a stopped
     * executor refuses (the bot is closing; unconfirmed updates come again on the next start).
     */
    private static void waitForRoom(Runnable task, ThreadPoolExecutor executor) {
        if (executor.isShutdown()) {
            throw new java.util.concurrent.RejectedExecutionException("the command threads are stopped");
        }
        try {
            executor.getQueue().put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.RejectedExecutionException("interrupted while waiting for a command thread");
        }
    }

    /** @return the bot's username from {@code getMe}, or {@code null} before {@link #start()} */
    public String username() {
        return username;
    }

    /**
     * The command menu for {@code setMyCommands}: every registry command whose name is valid for Telegram
     * (lower-case {@code [a-z0-9_]}, at most 32; a hyphen is written {@code _}, which the registry reads back as
     * {@code -}: {@code quiet-below} is {@code /quiet_below}), described by its help line (else its usage), cut
     * to 256.
     */
    static List<BotCommand> botCommands(CommandRegistry registry) {
        List<BotCommand> out = new ArrayList<>();
        for (Command c : registry.commands()) {
            String name = c.name().replace('-', '_');
            if (!COMMAND_NAME.matcher(name).matches()) {
                LOG.warn("command \"{}\" is not a valid Telegram command name; not in the menu",
                        c.name());
                continue;
            }
            String help = c.help() == null || c.help().isBlank() ? c.usage() : c.help().strip();
            help = help == null || help.isBlank() ? c.name() : help;
            out.add(new BotCommand(name, help.length() > 256 ? help.substring(0, 255) + "…" : help));
        }
        return out;
    }

    /**
     * Stops polling: cancels the request in flight, stops the polling thread and waits up to 5 s for it,
     * gives running commands up to {@link #COMMAND_GRACE} to finish (then interrupts them and drops the
     * waiting ones), and lets the HTTP clients go. Safe to call more than once, and before {@link #start()}.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (app != null) {
            try {
                app.close();
            } catch (Exception e) {
                LOG.warn("stopping Telegram polling: " + settings.redact(String.valueOf(e)));
            }
        }
        if (pollExecutor != null) {
            pollExecutor.shutdownNow();
        }
        if (pollHttp != null) {
            TelegramClients.release(pollHttp);
        }
        try {
            if (pollExecutor != null && !pollExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Telegram polling thread did not stop within 5 s");
            }
            Thread poller = pollThread;
            if (poller != null) {
                poller.join(1000); // the executor reports terminated a moment before its thread ends
            }
            if (commandExecutor != null) {
                commandExecutor.shutdown();
                if (!commandExecutor.awaitTermination(COMMAND_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    commandExecutor.shutdownNow();
                    LOG.warn("Telegram commands still running after {} s were interrupted",
                            COMMAND_GRACE.toSeconds());
                }
            }
        } catch (InterruptedException e) {
            if (commandExecutor != null) {
                commandExecutor.shutdownNow();
            }
            Thread.currentThread().interrupt();
        } finally {
            TelegramClients.release(requestsHttp);
        }
    }

    @Override
    public String toString() {
        return "TelegramBot[@" + username + ", " + settings + "]";
    }
}
