package newsalert.platform.telegram;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import newsalert.command.CommandContext;
import newsalert.command.CommandRegistry;
import newsalert.command.Reply;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Turns polled updates into command runs and replies. Handles {@code message} and {@code channel_post}
 * updates whose text starts with {@code /}; ignores commands addressed to another bot ({@code /help@other}).
 * The target is the chat, plus the forum topic when the message is a topic message. {@code /start} runs
 * {@code help} when the registry has no {@code start} command. Telegram has no ephemeral messages, so an
 * ephemeral {@link Reply} is sent to the chat like any other. Replies are sent at once, not through the
 * outbox: a reply refused by Telegram (e.g. a 429) is logged and dropped.
 *
 * <p>It never throws: TelegramBots has already moved its update offset past these updates, and an exception
 * would stop the polling task. A failure with one update is logged (without the token) and the next goes on.
 */
final class CommandUpdates implements LongPollingUpdateConsumer {
    private static final System.Logger LOG = System.getLogger(CommandUpdates.class.getName());

    private final TelegramClient client;
    private final TelegramSettings settings;
    private final CommandRegistry registry;
    private final Clock clock;
    private final ModeratorCheck moderators;
    private final Supplier<String> botUsername;

    CommandUpdates(TelegramClient client, TelegramSettings settings, CommandRegistry registry, Clock clock,
                   ModeratorCheck moderators, Supplier<String> botUsername) {
        this.client = client;
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
        this.moderators = moderators;
        this.botUsername = botUsername;
    }

    @Override
    public void consume(List<Update> updates) {
        for (Update u : updates) {
            try {
                handle(u);
            } catch (Throwable e) { // even an Error: rethrowing would silently end the polling task
                LOG.log(Level.ERROR, "Telegram update " + u.getUpdateId() + " failed: "
                        + settings.redact(String.valueOf(e)));
            }
        }
    }

    void handle(Update u) {
        Message m = u.hasMessage() ? u.getMessage() : u.hasChannelPost() ? u.getChannelPost() : null;
        if (m == null || m.getChat() == null || m.getText() == null) {
            return;
        }
        String text = m.getText().strip();
        if (!text.startsWith("/") || text.length() < 2) {
            return;
        }
        String first = text.split("\\s+", 2)[0];
        int at = first.indexOf('@');
        if (at >= 0 && !first.substring(at + 1).equalsIgnoreCase(botUsername.get())) {
            return;
        }
        String name = (at >= 0 ? first.substring(1, at) : first.substring(1)).toLowerCase(Locale.ROOT);
        if (name.equals("start") && registry.find("start").isEmpty() && registry.find("help").isPresent()) {
            text = "/help";
        }
        Integer thread = m.isTopicMessage() ? m.getMessageThreadId() : null;
        String chatId = String.valueOf(m.getChat().getId());
        Target target = new Target(Platform.TELEGRAM, chatId, thread == null ? null : String.valueOf(thread));
        String caller = m.getFrom() == null ? null : String.valueOf(m.getFrom().getId());
        boolean moderator = moderators.isModerator(m);
        Reply reply = registry.run(new CommandContext(target, caller, moderator, clock), text);
        for (String part : TelegramHtml.reply(reply)) {
            try {
                client.execute(TelegramPlatform.send(chatId, thread, part, true));
            } catch (TelegramApiException e) {
                LOG.log(Level.WARNING, "reply to /{0} in chat {1} not sent: {2}", name, chatId,
                        TelegramErrors.reason(e, settings));
                return;
            }
        }
    }
}
