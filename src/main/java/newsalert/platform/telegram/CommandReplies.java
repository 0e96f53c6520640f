package newsalert.platform.telegram;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import newsalert.command.Reply;
import newsalert.delivery.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends command replies at once (not through the outbox): text in HTML parts ({@link TelegramHtml#reply}), a
 * reply with a file as {@code sendDocument}. Runs on the command worker thread of the chat.
 */
final class CommandReplies {
    /** Logged under the command handler's name, as before this class was split from it. */
    private static final Logger LOG = LoggerFactory.getLogger(CommandUpdates.class);
    /** The longest {@code retry_after} a command reply waits for before one more try. */
    static final Duration MAX_REPLY_WAIT = Duration.ofSeconds(10);

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
     * Sends one part of a reply. A 429 whose {@code retry_after} is at most {@link #MAX_REPLY_WAIT} is waited
     * out once on this worker thread (only this chat's later commands wait behind it); any other failure, a
     * longer wait or a second refusal is logged at WARN and the rest of the reply dropped.
     *
     * @return true when the part was sent
     */
    boolean sendReply(String chatId, Integer thread, String part, String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.execute(TelegramPlatform.send(chatId, thread, part, true));
                return true;
            } catch (TelegramApiException e) {
                SendResult result = TelegramErrors.result(e, settings);
                if (attempt == 1 && result instanceof SendResult.RateLimited limited
                        && limited.retryAfter().compareTo(MAX_REPLY_WAIT) <= 0) {
                    LOG.info("reply to /{} in chat {} rate-limited; retrying in {} s", name, chatId,
                            limited.retryAfter().toSeconds());
                    try {
                        Thread.sleep(limited.retryAfter().toMillis());
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                    continue;
                }
                LOG.warn("reply to /{} in chat {} not sent: {}", name, chatId, TelegramErrors.reason(e, settings));
                return false;
            }
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
