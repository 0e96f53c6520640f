package newsalert.platform.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import newsalert.command.AttachedFile;
import newsalert.command.Command;
import newsalert.command.CommandContext;
import newsalert.command.CommandRegistry;
import newsalert.command.Reply;
import newsalert.delivery.RateLimiter;
import newsalert.delivery.RateLimits;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Turns polled updates into command runs and replies. Handles {@code message} and {@code channel_post}
 * updates whose text starts with {@code /} (or a document whose caption does; the document, or the one a
 * command replies to, is the command's {@link CommandContext#attachment()}); a reply with a file is sent with
 * {@code sendDocument}; ignores commands addressed to another bot ({@code /help@other}).
 * The target is the chat, plus the forum topic when the message is a topic message. {@code /start} runs
 * {@code help} when the registry has no {@code start} command. Telegram has no ephemeral messages, so an
 * ephemeral {@link Reply} is sent to the chat like any other. Replies are sent at once, not through the
 * outbox ({@link CommandReplies}): a 429 asking to wait at most {@link CommandReplies#MAX_REPLY_WAIT} is
 * waited out once; a reply refused otherwise is logged and dropped.
 *
 * <p>Unknown commands: in a group or supergroup a command the registry does not have is ignored silently
 * unless it is addressed to us ({@code /nosuch@ourbot}), since it is most likely another bot's; in private
 * chats and channels it gets the registry's unknown-command reply.
 *
 * <p>Threads: the polling thread only reads and filters updates; each command (moderator check, run, reply)
 * runs on the given executor, so a slow command (e.g. {@code /feeds add} fetching a slow URL) does not hold
 * other chats' commands. Commands from one chat still run one at a time, in the order they arrived; at most
 * {@value #MAX_WAITING_PER_CHAT} more may wait per chat, further ones are logged and dropped, as are commands
 * the executor refuses (full or shut down).
 *
 * <p>It never throws: TelegramBots has already moved its update offset past these updates, and an exception
 * would stop the polling task. A failure with one update is logged (without the token) and the next goes on.
 */
final class CommandUpdates implements LongPollingUpdateConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(CommandUpdates.class);
    /** How many commands of one chat may wait behind the one running. */
    static final int MAX_WAITING_PER_CHAT = 20;
    /** The answer to a moderator command when Telegram could not tell whether the sender is an admin. */
    static final String CHECK_FAILED = "I could not check with Telegram whether you are an admin of this chat. "
            + "Please try again in a minute.";

    private final TelegramClient client;
    /** Downloads documents sent with commands. */
    private final OkHttpClient http;
    private final CommandReplies replies;
    private final TelegramSettings settings;
    private final CommandRegistry registry;
    private final Clock clock;
    private final ModeratorCheck moderators;
    private final Supplier<String> botUsername;
    private final Executor executor;
    /** Per chat id: the commands waiting behind the running one; a chat is present while one runs. */
    private final Map<String, Queue<Runnable>> lanes = new HashMap<>();
    /** Commands each chat may have answered: {@value #COMMANDS_PER_MINUTE} a minute, up to 5 at once. */
    static final int COMMANDS_PER_MINUTE = 10;
    static final RateLimits.Rate COMMAND_RATE = new RateLimits.Rate(COMMANDS_PER_MINUTE, Duration.ofMinutes(1), 5);
    static final String SLOW_DOWN = "Too many commands here: newsalert answers up to " + COMMANDS_PER_MINUTE
            + " a minute in each chat. Please wait a moment.";
    private final RateLimiter commandLimit;
    private final Map<String, Instant> slowDownSent = new HashMap<>();

    CommandUpdates(TelegramClient client, OkHttpClient http, TelegramSettings settings, CommandRegistry registry,
                   Clock clock, ModeratorCheck moderators, Supplier<String> botUsername, Executor executor) {
        this.client = client;
        this.http = http;
        this.replies = new CommandReplies(client, settings);
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
        this.moderators = moderators;
        this.botUsername = botUsername;
        this.executor = executor;
        this.commandLimit = new RateLimiter(new RateLimits(COMMAND_RATE, null, null), clock);
    }

    @Override
    public void consume(List<Update> updates) {
        for (Update u : updates) {
            try {
                Message m = command(u);
                if (m != null) {
                    String chatId = String.valueOf(m.getChat().getId());
                    if (commandLimit.tryAcquire(Target.chat(Platform.TELEGRAM, chatId))) {
                        if (!submit(chatId, () -> guarded(u, () -> answer(m)))) {
                            registry.dropped(Platform.TELEGRAM, commandName(m.getText().strip()));
                        }
                    } else {
                        registry.dropped(Platform.TELEGRAM, commandName(m.getText().strip()));
                        slowDown(m, chatId);
                    }
                }
            } catch (Throwable e) { // even an Error: rethrowing would silently end the polling task
                failed(u, e);
            }
        }
    }

    /**
     * A command over the chat's limit is not run; the chat is told once per limit period, so that one member
     * cannot make the bot flood a group (replies count against Telegram's 20 messages a minute per group,
     * which the alerts need).
     */
    private void slowDown(Message m, String chatId) {
        Instant now = clock.instant();
        Instant last = slowDownSent.get(chatId);
        if (last != null && last.plus(COMMAND_RATE.period()).isAfter(now)) {
            LOG.debug("command in chat {} over the limit; ignored", chatId);
            return;
        }
        slowDownSent.put(chatId, now);
        LOG.info("commands in chat {} over {} a minute; telling the chat to slow down", chatId, COMMAND_RATE.count());
        Integer thread = m.getIsTopicMessage() != null && m.getIsTopicMessage() ? m.getMessageThreadId() : null;
        submit(chatId, () -> {
            try {
                client.execute(TelegramPlatform.send(chatId, thread, SLOW_DOWN, false));
            } catch (Exception e) {
                LOG.debug("slow-down notice to chat {} not sent: {}", chatId, settings.redact(String.valueOf(e)));
            }
        });
    }

    /** @return the message when the update is a command for us, else {@code null} */
    Message command(Update u) {
        Message m = u.hasMessage() ? u.getMessage() : u.hasChannelPost() ? u.getChannelPost() : null;
        if (m == null || m.getChat() == null || commandText(m) == null) {
            return null;
        }
        String text = commandText(m).strip();
        if (!text.startsWith("/") || text.length() < 2) {
            return null;
        }
        String first = text.split("\\s+", 2)[0];
        int at = first.indexOf('@');
        if (at >= 0 && !first.substring(at + 1).equalsIgnoreCase(botUsername.get())) {
            return null;
        }
        if (at < 0 && isGroup(m) && !isOurs(commandName(text))) {
            return null; // most likely another bot's command: not ours to answer in a shared chat
        }
        return m;
    }

    /** @return the message's text, or the caption of a document sent with a command as caption; else null */
    static String commandText(Message m) {
        if (m.getText() != null) {
            return m.getText();
        }
        return m.hasDocument() ? m.getCaption() : null;
    }

    /** @return the document sent with the command, else the one the command replies to, else null */
    static Document document(Message m) {
        if (m.hasDocument()) {
            return m.getDocument();
        }
        Message replied = m.getReplyToMessage();
        return replied != null && replied.hasDocument() ? replied.getDocument() : null;
    }

    private static boolean isGroup(Message m) {
        String type = m.getChat().getType();
        return "group".equals(type) || "supergroup".equals(type);
    }

    private boolean isOurs(String name) {
        return registry.find(name).isPresent() || name.equals("start") && registry.find("help").isPresent();
    }

    private static String commandName(String text) {
        String first = text.split("\\s+", 2)[0];
        int at = first.indexOf('@');
        return (at >= 0 ? first.substring(1, at) : first.substring(1)).toLowerCase(Locale.ROOT);
    }

    /** Runs the command in {@code m} (already accepted by {@link #command}) and sends the reply. */
    void answer(Message m) {
        String text = commandText(m).strip();
        String name = commandName(text);
        if (name.equals("start") && registry.find("start").isEmpty() && registry.find("help").isPresent()) {
            text = "/help";
        }
        Integer thread = m.isTopicMessage() ? m.getMessageThreadId() : null;
        String chatId = String.valueOf(m.getChat().getId());
        Target target = new Target(Platform.TELEGRAM, chatId, thread == null ? null : String.valueOf(thread));
        String caller = m.getFrom() == null ? null : String.valueOf(m.getFrom().getId());
        // Telegram is asked only for commands that need a moderator
        boolean needsModerator = registry.find(commandName(text)).map(Command::moderatorOnly).orElse(false);
        ModeratorCheck.Answer moderator = moderators.check(m, needsModerator);
        Document doc = document(m);
        AttachedFile file = doc == null ? null : new TelegramDocument(doc, client, http, settings);
        Reply reply = moderator == ModeratorCheck.Answer.UNKNOWN ? Reply.of(CHECK_FAILED)
                : registry.run(new CommandContext(target, caller, moderator == ModeratorCheck.Answer.YES, clock,
                        file), text);
        replies.send(chatId, thread, reply, name);
    }

    private void guarded(Update u, Runnable work) {
        try {
            work.run();
        } catch (Throwable e) { // a worker thread must survive any one command
            failed(u, e);
        }
    }

    private void failed(Update u, Throwable e) {
        LOG.error("Telegram update " + u.getUpdateId() + " failed: " + settings.redact(String.valueOf(e)));
    }

    /**
     * Queues {@code task} behind the chat's running command, or starts it on the executor.
     *
     * @return false when it was dropped (the chat's queue is full, or the command threads are stopped); when
     *         every thread is busy the caller waits for room (see {@code TelegramBot})
     */
    private boolean submit(String chatId, Runnable task) {
        synchronized (lanes) {
            Queue<Runnable> waiting = lanes.get(chatId);
            if (waiting != null) {
                if (waiting.size() >= MAX_WAITING_PER_CHAT) {
                    LOG.warn("chat {} has {} commands waiting; dropping one", chatId,
                            waiting.size());
                    return false;
                }
                waiting.add(task);
                return true;
            }
            lanes.put(chatId, new ArrayDeque<>());
        }
        try {
            executor.execute(() -> drain(chatId, task));
        } catch (RejectedExecutionException e) {
            synchronized (lanes) {
                lanes.remove(chatId);
            }
            LOG.warn("command in chat {} not run: the command threads are stopped", chatId);
            return false;
        }
        return true;
    }

    private void drain(String chatId, Runnable first) {
        Runnable next = first;
        while (next != null) {
            next.run(); // guarded: never throws
            synchronized (lanes) {
                next = lanes.get(chatId).poll();
                if (next == null) {
                    lanes.remove(chatId);
                }
            }
        }
    }
}
