package newsalert.platform.telegram;

import java.io.ByteArrayInputStream;
import newsalert.command.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends command replies at once, for a bot built without a store (not through the outbox; {@code run} always has
 * one): text in HTML parts ({@link TelegramHtml#reply}), a reply with a file as {@code sendDocument}. One try per
 * message, never a wait: a refused message is logged and the rest of the reply dropped. Runs on the command worker
 * thread of the chat.
 */
final class CommandReplies {
    /** Logged under the command handler's name, as before this class was split from it. */
    private static final Logger LOG = LoggerFactory.getLogger(CommandUpdates.class);

    private final TelegramClient client;
    private final TelegramSettings settings;

    CommandReplies(TelegramClient client, TelegramSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Sends {@code reply} to the chat (and forum topic); failures are logged, never thrown. */
    void send(String chatId, Integer thread, Reply reply, String name) {
        if (reply.file() != null) {
            sendFile(chatId, thread, reply, name);
            return;
        }
        for (String part : TelegramHtml.reply(reply)) {
            if (!sendReply(chatId, thread, part, name)) {
                return;
            }
        }
    }

    /**
     * Sends one part of a reply, one try: any failure, a 429 included, is logged at WARN and the rest of the reply
     * dropped. Nothing waits here (issue 19): {@code run} queues replies in the outbox, where a 429's
     * {@code retry_after} is waited out by the delivery worker; this path serves bots built without a store.
     *
     * @return true when the part was sent
     */
    boolean sendReply(String chatId, Integer thread, String part, String name) {
        try {
            client.execute(TelegramPlatform.send(chatId, thread, part, true));
            return true;
        } catch (TelegramApiException e) {
            LOG.warn("reply to /{} in chat {} not sent: {}", name, chatId, TelegramErrors.reason(e, settings));
            return false;
        }
    }

    /**
     * Sends a reply that carries a file: {@code sendDocument} with the text as caption (plain text; Telegram
     * allows {@value #CAPTION_MAX} characters, so a longer text goes first as its own message). A failure is
     * logged and the reply dropped, as for text replies.
     */
    private void sendFile(String chatId, Integer thread, Reply reply, String name) {
        String caption = reply.text();
        if (caption.length() > CAPTION_MAX) {
            for (String part : TelegramHtml.reply(Reply.of(caption))) {
                if (!sendReply(chatId, thread, part, name)) {
                    return;
                }
            }
            caption = null;
        }
        try {
            client.execute(SendDocument.builder().chatId(chatId).messageThreadId(thread).caption(caption)
                    .document(new InputFile(new ByteArrayInputStream(reply.file().content()), reply.file().name()))
                    .build());
        } catch (TelegramApiException e) {
            LOG.warn("file reply to /{} in chat {} not sent: {}", name, chatId, TelegramErrors.reason(e, settings));
        }
    }

    /** Telegram's limit for a document's caption. */
    static final int CAPTION_MAX = 1024;
}
