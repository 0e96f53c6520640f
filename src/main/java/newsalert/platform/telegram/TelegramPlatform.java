package newsalert.platform.telegram;

import java.util.List;
import java.util.Objects;
import newsalert.delivery.AlertStyle;
import newsalert.delivery.Brief;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.RenderedDigest;
import newsalert.delivery.SendResult;
import newsalert.store.OutboxItem;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Delivers alerts to Telegram chats: one {@code sendMessage} (or {@code editMessageText}) per call, HTML parse
 * mode, {@code message_thread_id} for forum topics. Link previews are off except for an alert whose story has a
 * feed picture in a chat with pictures on: then the preview shows that picture ({@link #preview}). The
 * {@link AlertStyle} also sets the zone of the alert's time and {@code disable_notification}. Never retries or
 * sleeps; never throws.
 *
 * <p>Answers and their results:
 * <ul>
 *   <li>success → {@link SendResult.Sent} with Telegram's {@code message_id};</li>
 *   <li>429 → {@link SendResult.RateLimited} for {@code retry_after} seconds;</li>
 *   <li>{@code migrate_to_chat_id} → {@link SendResult.Migrated} to the new chat id;</li>
 *   <li>403, and 400 "chat not found", "message thread not found", "not enough rights" and the like →
 *       {@link SendResult.Permanent} with Telegram's description;</li>
 *   <li>any other 400 is taken to be the fault of this message, not of the chat (our HTML, its length): the
 *       message is sent once more as plain text without parse mode and with previews off, since the refusal
 *       may be for the picture's address (a fallback, not a retry). If that is
 *       refused too, the result is {@link SendResult.Rejected}, logged as an error: that one row fails, and the
 *       chat is neither paused nor blocked by our own bug;</li>
 *   <li>edits: 400 "message is not modified" → Sent with the same id; a message that cannot be edited any
 *       more (deleted, too old) → logged and Sent with the same id, since the original alert did arrive;</li>
 *   <li>5xx, unreadable answers, network errors and timeouts → {@link SendResult.Transient}.</li>
 * </ul>
 */
public final class TelegramPlatform implements ChatPlatform, AutoCloseable {
    /** How many sends to different chats may wait for the platform's answer at once (issue 19). */
    static final int CONCURRENT_SENDS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(TelegramPlatform.class);
    /** Spelled as the Bot API documents it (TelegramBots' own constant is lower case). */
    static final String PARSE_MODE = "HTML";
    /** Link previews off: every message but an alert with a picture. */
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();

    private final TelegramSettings settings;
    private final TelegramClient client;
    private final OkHttpClient http;

    /** A platform with its own HTTP client for the settings' server. */
    public TelegramPlatform(TelegramSettings settings) {
        this(settings, TelegramClients.requests());
    }

    /** @param http the client for its calls (tests pass one with short timeouts) */
    TelegramPlatform(TelegramSettings settings, OkHttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = http;
        this.client = TelegramClients.telegram(http, settings);
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    /**
     * @return {@value #CONCURRENT_SENDS}: the adapter keeps no state of its own between calls and its HTTP client is
     *         thread-safe, so the worker may have this many sends to different chats waiting for answers at once
     */
    @Override
    public int concurrentSends() {
        return CONCURRENT_SENDS;
    }

    @Override
    public SendResult send(Target target, Story story, Assessment assessment) {
        return send(target, story, assessment, AlertStyle.DEFAULT);
    }

    /**
     * Sends the alert with its time in the style's zone; {@code disable_notification} when silent; when pictures
     * are on and the story has a usable picture URL, {@code link_preview_options} with that {@code url},
     * {@code prefer_small_media} and {@code show_above_text} (Telegram fetches the picture, the bot never does);
     * otherwise previews off. Mentions do not exist here.
     */
    @Override
    public SendResult send(Target target, Story story, Assessment assessment, AlertStyle style) {
        return deliver(target, TelegramHtml.alert(story, assessment, style.zone()),
                TelegramHtml.alertPlain(story, assessment, style.zone()), style.silent(), preview(story, style));
    }

    @Override
    public SendResult sendDigest(Target target, List<OutboxItem> items) {
        return sendDigest(target, items, AlertStyle.DEFAULT);
    }

    /** Sends the digest, silently when the style says so; previews stay off. */
    @Override
    public SendResult sendDigest(Target target, List<OutboxItem> items, AlertStyle style) {
        return deliver(target, TelegramHtml.digest(items), TelegramHtml.digestPlain(items), style.silent(),
                NO_PREVIEW);
    }

    /** Renders the digest's HTML, its plain fallback and its loudness once, before its first try. */
    @Override
    public String renderDigest(Target target, List<OutboxItem> items, AlertStyle style) {
        java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("html", TelegramHtml.digest(items));
        parts.put("plain", TelegramHtml.digestPlain(items));
        return new RenderedDigest(style.silent(), null, parts).encode();
    }

    /** Sends the digest exactly as {@link #renderDigest} rendered it (rendered now, unstyled, if unreadable). */
    @Override
    public SendResult sendRenderedDigest(Target target, List<OutboxItem> items, String rendered) {
        java.util.Optional<RenderedDigest> digest = RenderedDigest.decode(rendered);
        if (digest.isEmpty() || digest.get().part("html") == null || digest.get().part("plain") == null) {
            return sendDigest(target, items);
        }
        return deliver(target, digest.get().part("html"), digest.get().part("plain"), digest.get().silent(),
                NO_PREVIEW);
    }

    @Override
    public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
        return edit(target, messageId, story, assessment, AlertStyle.DEFAULT);
    }

    /** Edits the alert with its time in the style's zone and the same picture choice as {@link #send}. */
    @Override
    public SendResult edit(Target target, String messageId, Story story, Assessment assessment, AlertStyle style) {
        Integer id = parseId(messageId);
        if (id == null) {
            LOG.warn("cannot edit Telegram message \"{}\" in {}: not a message id; leaving it",
                    messageId, target.chatId());
            return new SendResult.Sent(messageId);
        }
        try {
            try {
                client.execute(edit(target, id, TelegramHtml.alert(story, assessment, style.zone()), true,
                        preview(story, style)));
                return new SendResult.Sent(messageId);
            } catch (TelegramApiException e) {
                TelegramErrors.Kind kind = TelegramErrors.kind(e);
                if (kind == TelegramErrors.Kind.NOT_MODIFIED) {
                    return new SendResult.Sent(messageId);
                }
                if (kind == TelegramErrors.Kind.EDIT_IMPOSSIBLE) {
                    LOG.warn("Telegram message {} in {} can no longer be edited ({}); leaving it",
                            messageId, target.chatId(), TelegramErrors.reason(e, settings));
                    return new SendResult.Sent(messageId);
                }
                if (kind != TelegramErrors.Kind.BAD_REQUEST) {
                    return TelegramErrors.result(e, settings);
                }
                logRefused(target, e);
                // the refusal may be for the picture's address: the plain text goes without a preview
                client.execute(edit(target, id, TelegramHtml.alertPlain(story, assessment, style.zone()), false,
                        NO_PREVIEW));
                return new SendResult.Sent(messageId);
            }
        } catch (TelegramApiException e) {
            return afterFallback(target, e, messageId);
        } catch (RuntimeException e) {
            return new SendResult.Transient(settings.redact(String.valueOf(e)));
        }
    }

    /**
     * Posts {@code text} as plain text (no parse mode, so nothing needs escaping) replying to the message;
     * when that message is gone the text is sent on its own ({@code allow_sending_without_reply}); with
     * {@code disable_notification} when the style is silent (a follow-up in quiet hours).
     */
    @Override
    public SendResult reply(Target target, String messageId, String text, AlertStyle style) {
        Integer id = parseId(messageId);
        Integer thread;
        try {
            thread = target.threadId() == null ? null : Integer.valueOf(target.threadId());
        } catch (NumberFormatException e) {
            return new SendResult.Permanent("not a Telegram forum topic id: " + target.threadId());
        }
        SendMessage message = send(target.chatId(), thread, text, false, style.silent(), NO_PREVIEW);
        if (id != null) {
            message.setReplyParameters(ReplyParameters.builder().messageId(id).allowSendingWithoutReply(true).build());
        }
        try {
            return sent(client.execute(message));
        } catch (TelegramApiException e) {
            return TelegramErrors.kind(e) == TelegramErrors.Kind.BAD_REQUEST
                    ? new SendResult.Rejected(TelegramErrors.reason(e, settings)) : TelegramErrors.result(e, settings);
        } catch (RuntimeException e) {
            return new SendResult.Transient(settings.redact(String.valueOf(e)));
        }
    }

    /** Sends the notice as {@link #notice(Target, String)} does, with {@code disable_notification} when silent. */
    @Override
    public SendResult notice(Target target, String text, AlertStyle style) {
        return reply(target, null, text, style);
    }

    /**
     * Sends a command's answer queued in the outbox: {@code body} is one HTML part as {@link CommandUpdates} wrote it
     * ({@link TelegramHtml#reply}), previews off, not silent; or a file ({@link DocumentReply}), sent with
     * {@code sendDocument} and its plain-text caption. Telegram refusing the message (400) settles the row as
     * rejected; other errors as for alerts (a 429 waits for its {@code retry_after} in the outbox, not here).
     */
    @Override
    public SendResult commandReply(Target target, String body) {
        Integer thread;
        try {
            thread = target.threadId() == null ? null : Integer.valueOf(target.threadId());
        } catch (NumberFormatException e) {
            return new SendResult.Permanent("not a Telegram forum topic id: " + target.threadId());
        }
        try {
            if (DocumentReply.isDocument(body)) {
                java.util.Optional<DocumentReply> doc = DocumentReply.decode(body);
                if (doc.isEmpty()) {
                    return new SendResult.Rejected("the stored file of a command reply is damaged");
                }
                return sent(client.execute(SendDocument.builder().chatId(target.chatId()).messageThreadId(thread)
                        .caption(doc.get().caption().isEmpty() ? null : doc.get().caption())
                        .document(new InputFile(new java.io.ByteArrayInputStream(doc.get().content()),
                                doc.get().name()))
                        .build()));
            }
            return sent(client.execute(send(target.chatId(), thread, body, true)));
        } catch (TelegramApiException e) {
            return TelegramErrors.kind(e) == TelegramErrors.Kind.BAD_REQUEST
                    ? new SendResult.Rejected(TelegramErrors.reason(e, settings)) : TelegramErrors.result(e, settings);
        } catch (RuntimeException e) {
            return new SendResult.Transient(settings.redact(String.valueOf(e)));
        }
    }

    @Override
    public SendResult reply(Target target, String messageId, String text) {
        return reply(target, messageId, text, AlertStyle.DEFAULT);
    }

    /** @return whether the brief part's HTML is within Telegram's 4,096 characters */
    @Override
    public boolean briefFits(Brief part) {
        return TelegramBrief.fits(part);
    }

    /**
     * Sends one part of a daily brief in HTML ({@link TelegramBrief}), previews off, {@code disable_notification}
     * when the style is silent; the plain-text fallback as for alerts.
     */
    @Override
    public SendResult sendBrief(Target target, Brief brief, AlertStyle style) {
        HtmlText text = TelegramBrief.text(brief);
        return deliver(target, text.html(), text.plainText(), style.silent(), NO_PREVIEW);
    }

    private SendResult deliver(Target target, String html, String plain, boolean silent, LinkPreviewOptions preview) {
        Integer thread;
        try {
            thread = target.threadId() == null ? null : Integer.valueOf(target.threadId());
        } catch (NumberFormatException e) {
            return new SendResult.Permanent("not a Telegram forum topic id: " + target.threadId());
        }
        try {
            try {
                return sent(client.execute(send(target.chatId(), thread, html, true, silent, preview)));
            } catch (TelegramApiException e) {
                if (TelegramErrors.kind(e) != TelegramErrors.Kind.BAD_REQUEST) {
                    return TelegramErrors.result(e, settings);
                }
                logRefused(target, e);
                // the refusal may be for the picture's address: the plain text goes without a preview
                return sent(client.execute(send(target.chatId(), thread, plain, false, silent, NO_PREVIEW)));
            }
        } catch (TelegramApiException e) {
            return afterFallback(target, e, null);
        } catch (RuntimeException e) {
            return new SendResult.Transient(settings.redact(String.valueOf(e)));
        }
    }

    private SendResult afterFallback(Target target, TelegramApiException e, String editedId) {
        TelegramErrors.Kind kind = TelegramErrors.kind(e);
        if (kind == TelegramErrors.Kind.NOT_MODIFIED && editedId != null) {
            return new SendResult.Sent(editedId);
        }
        if (kind == TelegramErrors.Kind.BAD_REQUEST || kind == TelegramErrors.Kind.NOT_MODIFIED
                || kind == TelegramErrors.Kind.EDIT_IMPOSSIBLE) {
            String reason = TelegramErrors.reason(e, settings);
            LOG.error("Telegram refused even the plain-text message for chat {}: {}; this alert is"
                    + " given up (Rejected), the chat goes on", target.chatId(), reason);
            return new SendResult.Rejected(reason);
        }
        return TelegramErrors.result(e, settings);
    }

    private void logRefused(Target target, TelegramApiException e) {
        LOG.error("Telegram refused our HTML message for chat {}: {}; sending it once as plain text",
                target.chatId(), TelegramErrors.reason(e, settings));
    }

    private static SendResult sent(Message m) {
        return new SendResult.Sent(String.valueOf(m.getMessageId()));
    }

    /** @return a sendMessage with previews off; HTML parse mode when {@code html} */
    static SendMessage send(String chatId, Integer threadId, String text, boolean html) {
        return send(chatId, threadId, text, html, false, NO_PREVIEW);
    }

    /**
     * @param silent  whether to set {@code disable_notification} (left out otherwise)
     * @param preview the link preview options
     * @return a sendMessage; HTML parse mode when {@code html}
     */
    static SendMessage send(String chatId, Integer threadId, String text, boolean html, boolean silent,
                            LinkPreviewOptions preview) {
        return SendMessage.builder().chatId(chatId).messageThreadId(threadId).text(text)
                .parseMode(html ? PARSE_MODE : null)
                .disableNotification(silent ? Boolean.TRUE : null)
                .linkPreviewOptions(preview)
                .build();
    }

    private static EditMessageText edit(Target target, int messageId, String text, boolean html,
                                        LinkPreviewOptions preview) {
        return EditMessageText.builder().chatId(target.chatId()).messageId(messageId).text(text)
                .parseMode(html ? PARSE_MODE : null)
                .linkPreviewOptions(preview)
                .build();
    }

    /**
     * @return a preview of the story's feed picture (small, above the text) when the style allows pictures and
     *         the picture URL is a plain http(s) link; else previews off
     */
    static LinkPreviewOptions preview(Story story, AlertStyle style) {
        String image = style.pictures() ? TelegramHtml.safeUrl(story.image()) : null;
        return image == null ? NO_PREVIEW
                : LinkPreviewOptions.builder().urlField(image).preferSmallMedia(true).showAboveText(true).build();
    }

    private static Integer parseId(String messageId) {
        try {
            return messageId == null ? null : Integer.valueOf(messageId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Lets the HTTP client's threads and connections go. */
    @Override
    public void close() {
        TelegramClients.release(http);
    }

    @Override
    public String toString() {
        return "TelegramPlatform[" + settings + "]";
    }
}
