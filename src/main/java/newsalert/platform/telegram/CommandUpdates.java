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
import newsalert.delivery.CommandReplyNote;
import newsalert.delivery.RateLimiter;
import newsalert.delivery.RateLimits;
import newsalert.store.CommandUpdateStore;
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
 * ephemeral {@link Reply} is sent to the chat like any other.
 *
 * <p>Replies. With a {@link CommandUpdateStore} (as {@code run} wires it, issue 19), a text reply is queued in the
 * outbox, one notice row per HTML part ({@link CommandReplyNote}), in the same transaction that records the update
 * as handled and raises the stored {@code getUpdates} offset ({@link UpdateOffsets}); the delivery worker sends it
 * under the platform's rate limits with its retries, and is woken at once. A reply with a file is queued the same
 * way, its document (name, bytes, caption) kept in the row's note ({@link DocumentReply}, at most
 * {@link DocumentReply#MAX_BYTES}) and sent with {@code sendDocument}. An update the store has as handled
 * (Telegram sent it again after a restart) is skipped. Without a store replies go at once, one try each
 * ({@link CommandReplies}: a refused reply, a 429 included, is logged and dropped; nothing waits).
 *
 * <p>Unknown commands: in a group or supergroup a command the registry does not have is ignored silently
 * unless it is addressed to us ({@code /nosuch@ourbot}), since it is most likely another bot's; in private
 * chats and channels it gets the registry's unknown-command reply.
 *
 * <p>Threads: the polling thread only reads and filters updates; each command (moderator check, run, reply)
 * runs on the given executor, so a slow command (e.g. {@code /feeds add} fetching a slow URL) does not hold
 * other chats' commands. Commands from one chat still run one at a time, in the order they arrived (on one thread,
 * which the per-chat rate below keeps to a handful of commands while other chats wait their turn). At most
 * {@value #MAX_WAITING_PER_CHAT} more may wait per chat; a chat over that, or over {@value #COMMANDS_PER_MINUTE}
 * commands a minute, gets one "slow down" notice per minute and its further commands are not run (counted as
 * dropped). A command the stopped executor refuses (the bot is closing) stays unconfirmed, so Telegram sends it
 * again on the next start.
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
    /** Commands each chat may have answered: {@value #COMMANDS_PER_MINUTE} a minute, up to {@value #COMMAND_BURST} at once. */
    static final int COMMANDS_PER_MINUTE = 10;
    /** Commands a chat may have answered at once before the per-minute pace applies. */
    static final int COMMAND_BURST = 5;
    static final RateLimits.Rate COMMAND_RATE =
            new RateLimits.Rate(COMMANDS_PER_MINUTE, Duration.ofMinutes(1), COMMAND_BURST);
    /** Says both bounds (tester19: a burst of 60 got 5 answers while the notice spoke of 10 a minute only). */
    static final String SLOW_DOWN = "Too many commands here: newsalert answers " + COMMAND_BURST + " at once and"
            + " then up to " + COMMANDS_PER_MINUTE + " a minute in each chat. Please wait a moment.";
    private final RateLimiter commandLimit;
    private final Map<String, Instant> slowDownSent = new HashMap<>();
    /** Replies whose write failed, oldest first; their updates stay open until stored ({@link #storeUnwritten}). */
    private final Queue<Unwritten> unwritten = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Where replies are queued and handled updates recorded; {@code null}: replies are sent at once. */
    private final CommandUpdateStore store;
    /** Asks the delivery worker for a round after a reply was queued. */
    private final Runnable wake;
    /** The bot account in the store: {@code telegram:<bot id>}. */
    private final String source;
    private final UpdateOffsets offsets;
    /** The offset last written with {@link CommandUpdateStore#confirmUpdates}. */
    private long confirmed;

    CommandUpdates(TelegramClient client, OkHttpClient http, TelegramSettings settings, CommandRegistry registry,
                   Clock clock, ModeratorCheck moderators, Supplier<String> botUsername, Executor executor) {
        this(client, http, settings, registry, clock, moderators, botUsername, executor, null, () -> { },
                new UpdateOffsets(0), "telegram");
    }

    /**
     * @param store   where replies are queued and handled updates recorded; {@code null} to send replies at once
     * @param wake    called after a reply was queued (wakes the delivery worker); must not block
     * @param offsets the confirmed offset, started from the stored one
     * @param source  the bot account's key in the store ({@code telegram:<bot id>})
     */
    CommandUpdates(TelegramClient client, OkHttpClient http, TelegramSettings settings, CommandRegistry registry,
                   Clock clock, ModeratorCheck moderators, Supplier<String> botUsername, Executor executor,
                   CommandUpdateStore store, Runnable wake, UpdateOffsets offsets, String source) {
        this.source = source;
        this.store = store;
        this.wake = wake;
        this.offsets = offsets;
        this.confirmed = offsets.offset();
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
            long id = u.getUpdateId() == null ? -1 : u.getUpdateId();
            offsets.received(id);
            boolean open = false; // whether a command thread now owns the update (and marks it handled)
            try {
                if (store != null && store.handled(source, id, clock.instant())) {
                    LOG.debug("Telegram update {} was handled before a restart; skipped", id);
                    continue;
                }
                Message m = command(u);
                if (m != null) {
                    String chatId = String.valueOf(m.getChat().getId());
                    if (commandLimit.tryAcquire(Target.chat(Platform.TELEGRAM, chatId))) {
                        Submitted how = submit(chatId, () -> guarded(u, () -> answer(u, m)));
                        open = how != Submitted.FULL;
                        if (how == Submitted.FULL) {
                            registry.dropped(Platform.TELEGRAM, commandName(commandText(m).strip()));
                            slowDown(u, m, chatId);
                        }
                    } else {
                        registry.dropped(Platform.TELEGRAM, commandName(commandText(m).strip()));
                        slowDown(u, m, chatId);
                    }
                }
            } catch (Throwable e) { // even an Error: rethrowing would silently end the polling task
                failed(u, e);
            } finally {
                if (!open) {
                    offsets.handled(id);
                }
            }
        }
        confirmIdle();
    }

    /**
     * Stores the replies whose first write failed ({@link #storeUnwritten}), then the offset when no update is
     * open and it moved (updates that needed no reply, and the last handled one). Called after each batch and by
     * the polling thread before each {@code getUpdates}.
     */
    synchronized void confirmIdle() {
        if (store == null) {
            return;
        }
        storeUnwritten();
        if (offsets.open() > 0) {
            return;
        }
        long offset = offsets.offset();
        if (offset > confirmed) {
            try {
                store.confirmUpdates(source, offset, clock.instant());
                confirmed = offset;
            } catch (RuntimeException e) {
                LOG.warn("could not store where Telegram command polling resumes ({}); it is tried again after the"
                        + " next updates", settings.redact(String.valueOf(e.getMessage())));
            }
        }
    }

    /**
     * A command over the chat's limit is not run; the chat is told once per limit period, so that one member
     * cannot make the bot flood a group (replies count against Telegram's 20 messages a minute per group,
     * which the alerts need).
     */
    private void slowDown(Update u, Message m, String chatId) {
        Instant now = clock.instant();
        Instant last = slowDownSent.get(chatId);
        Integer thread = m.getIsTopicMessage() != null && m.getIsTopicMessage() ? m.getMessageThreadId() : null;
        boolean tell = last == null || !last.plus(COMMAND_RATE.period()).isAfter(now);
        if (store != null) { // recorded as handled either way: a restart does not run it after all
            List<String> notes = tell ? List.of(CommandReplyNote.encode(HtmlText.escape(SLOW_DOWN, false))) : List.of();
            store.queueReplies(source, u.getUpdateId(), target(chatId, thread), notes, offsets.offset(),
                    now);
            if (tell) {
                slowDownSent.put(chatId, now);
                LOG.info("commands in chat {} over {} a minute; telling the chat to slow down", chatId,
                        COMMAND_RATE.count());
                wake.run();
            }
            return;
        }
        if (!tell) {
            LOG.debug("command in chat {} over the limit; ignored", chatId);
            return;
        }
        slowDownSent.put(chatId, now);
        LOG.info("commands in chat {} over {} a minute; telling the chat to slow down", chatId, COMMAND_RATE.count());
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

    private static Target target(String chatId, Integer thread) {
        return new Target(Platform.TELEGRAM, chatId, thread == null ? null : String.valueOf(thread));
    }

    /**
     * Runs the command in {@code m} (already accepted by {@link #command}) and queues or sends the reply; the update
     * is marked handled afterwards, whatever happened.
     */
    private void answer(Update u, Message m) {
        boolean kept = false;
        try {
            kept = !answer(u.getUpdateId() == null ? -1 : u.getUpdateId(), m);
        } finally {
            if (!kept) {
                offsets.handled(u.getUpdateId() == null ? -1 : u.getUpdateId());
            }
        }
    }

    /** A reply whose write failed: kept, with its update open, until a later write stores it. */
    private record Unwritten(long updateId, Target target, List<String> notes, String command) {
    }

    /**
     * Stores the replies whose write failed earlier (issue 19: a failed write must not lose a reply), oldest first,
     * stopping at the first that fails again. Each stored one marks its update handled, so the offset moves past
     * it; until then the update stays open and unconfirmed, and a restart runs the command again and answers it
     * once. {@link CommandUpdateStore#queueReplies} writes nothing for an update already handled, so a write that
     * did commit before it failed is not answered twice.
     */
    private void storeUnwritten() {
        Unwritten u;
        while ((u = unwritten.peek()) != null) {
            try {
                if (!store.queueReplies(source, u.updateId(), u.target(), u.notes(), offsets.offset(),
                        clock.instant())) {
                    LOG.info("Telegram update {} was answered already; this answer is not sent", u.updateId());
                }
            } catch (RuntimeException e) {
                return;
            }
            unwritten.remove(u);
            LOG.info("the reply to /{} in chat {} is stored now, after its first write failed", u.command(),
                    u.target().chatId());
            offsets.handled(u.updateId());
            wake.run();
        }
    }

    /**
     * Runs the command in {@code m} and queues the reply (sends it at once without a store).
     *
     * @return whether the update is handled; false when the reply's write failed and it is kept for a later write
     */
    private boolean answer(long updateId, Message m) {
        String text = commandText(m).strip();
        String name = commandName(text);
        if (name.equals("start") && registry.find("start").isEmpty() && registry.find("help").isPresent()) {
            text = "/help";
        }
        Integer thread = m.isTopicMessage() ? m.getMessageThreadId() : null;
        String chatId = String.valueOf(m.getChat().getId());
        Target target = target(chatId, thread);
        String caller = m.getFrom() == null ? null : String.valueOf(m.getFrom().getId());
        // Telegram is asked only for commands that need a moderator
        boolean needsModerator = registry.find(commandName(text)).map(Command::moderatorOnly).orElse(false);
        ModeratorCheck.Answer moderator = moderators.check(m, needsModerator);
        Document doc = document(m);
        AttachedFile file = doc == null ? null : new TelegramDocument(doc, client, http, settings);
        Reply reply = moderator == ModeratorCheck.Answer.UNKNOWN ? Reply.of(CHECK_FAILED)
                : registry.run(new CommandContext(target, caller, moderator == ModeratorCheck.Answer.YES, clock,
                        file), text);
        if (store == null || updateId < 0) {
            replies.send(chatId, thread, reply, name);
            return true;
        }
        List<String> notes = notes(reply);
        try {
            if (!store.queueReplies(source, updateId, target, notes, offsets.offset(), clock.instant())) {
                LOG.info("Telegram update {} was answered already; this answer is not sent", updateId);
            }
        } catch (RuntimeException e) {
            LOG.warn("the reply to /{} in chat {} could not be stored ({}); it is kept and stored again before the"
                    + " next getUpdates (a restart meanwhile answers the command anew)", name, chatId,
                    settings.redact(String.valueOf(e.getMessage())));
            unwritten.add(new Unwritten(updateId, target, List.copyOf(notes), name));
            return false;
        }
        wake.run();
        return true;
    }

    /**
     * The outbox notes of a reply, in sending order: its HTML parts; for a reply with a file, the document
     * ({@link DocumentReply}) with the text as caption, or, when the text is longer than a caption may be, the text's
     * parts first and then the document without caption; a file above {@link DocumentReply#MAX_BYTES} is replaced by
     * {@link DocumentReply#TOO_LARGE} after the text.
     */
    static List<String> notes(Reply reply) {
        List<String> notes = new java.util.ArrayList<>();
        Reply.File file = reply.file();
        boolean textParts = file == null || file.content().length > DocumentReply.MAX_BYTES
                || reply.text().length() > CommandReplies.CAPTION_MAX;
        if (textParts && (file == null || !reply.text().isBlank())) {
            for (String part : TelegramHtml.reply(reply)) {
                notes.add(CommandReplyNote.encode(part));
            }
        }
        if (file != null && file.content().length > DocumentReply.MAX_BYTES) {
            LOG.warn("a reply's file {} has {} bytes, above the {} kept in the outbox; the chat is told instead",
                    file.name(), file.content().length, DocumentReply.MAX_BYTES);
            notes.add(CommandReplyNote.encode(HtmlText.escape(DocumentReply.TOO_LARGE, false)));
        } else if (file != null) {
            notes.add(CommandReplyNote.encode(new DocumentReply(file.name(), textParts ? "" : reply.text(),
                    file.content()).encode()));
        }
        return notes;
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

    /** What became of a submitted command. */
    private enum Submitted {
        /** Queued or started: its task runs. */
        TAKEN,
        /** The chat's queue is full: not run. */
        FULL,
        /** The command threads are stopped (closing): not run, and not confirmed. */
        STOPPED
    }

    /**
     * Queues {@code task} behind the chat's running command, or starts it on the executor. When every thread is
     * busy the caller waits for room (see {@code TelegramBot}).
     */
    private Submitted submit(String chatId, Runnable task) {
        synchronized (lanes) {
            Queue<Runnable> waiting = lanes.get(chatId);
            if (waiting != null) {
                if (waiting.size() >= MAX_WAITING_PER_CHAT) {
                    LOG.warn("chat {} has {} commands waiting; not running one more", chatId, waiting.size());
                    return Submitted.FULL;
                }
                waiting.add(task);
                return Submitted.TAKEN;
            }
            lanes.put(chatId, new ArrayDeque<>());
        }
        try {
            executor.execute(() -> runNext(chatId, task));
        } catch (RejectedExecutionException e) {
            synchronized (lanes) {
                lanes.remove(chatId);
            }
            LOG.warn("command in chat {} not run: the command threads are stopped", chatId);
            return Submitted.STOPPED;
        }
        return Submitted.TAKEN;
    }

    private void runNext(String chatId, Runnable first) {
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
