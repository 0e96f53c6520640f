package newsalert.platform.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import newsalert.delivery.SendResult;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Reads a failed Bot API call. Telegram answers errors with {@code ok: false}, an {@code error_code} (the
 * HTTP status), a {@code description} and optional {@code parameters} ({@code retry_after},
 * {@code migrate_to_chat_id}); TelegramBots turns that into a {@link TelegramApiRequestException}. Network
 * failures arrive as a plain {@link TelegramApiException} whose cause is the {@code IOException}.
 */
final class TelegramErrors {
    /** What kind of failure a call met. */
    enum Kind {
        /** 429, or any answer carrying {@code retry_after}. */
        RATE_LIMITED,
        /** The answer carries {@code migrate_to_chat_id}. */
        MIGRATED,
        /** The chat cannot take our messages: 403, or a 400 naming a missing chat, topic or right. */
        CHAT_GONE,
        /** 400 "message is not modified": an edit with the text the message already has. */
        NOT_MODIFIED,
        /** 400 about the message to edit (gone, too old, not ours). */
        EDIT_IMPOSSIBLE,
        /** Any other 400: most likely our own request (bad HTML, too long): the row's fault, not the chat's. */
        BAD_REQUEST,
        /** 5xx, 401/404 from a proxy, unreadable answers, network errors and timeouts. */
        TRANSIENT
    }

    /** 400 descriptions that mean the chat itself cannot receive messages from us. */
    private static final List<String> CHAT_GONE_400 = List.of(
            "chat not found", "thread not found", "not enough rights", "have no rights", "need administrator rights",
            "bot was kicked", "bot is not a member", "user is deactivated", "chat_write_forbidden", "topic_closed",
            "topic_deleted", "peer_id_invalid", "group chat was deactivated", "chat is deactivated");
    private static final List<String> EDIT_400 = List.of(
            "message to edit not found", "message can't be edited", "message_id_invalid");

    private TelegramErrors() {
    }

    /**
     * @param e the failure
     * @return its kind; see the constants for the rule
     */
    static Kind kind(TelegramApiException e) {
        if (!(e instanceof TelegramApiRequestException r) || r.getErrorCode() == null || r.getErrorCode() == 0) {
            return Kind.TRANSIENT;
        }
        ResponseParameters p = r.getParameters();
        int code = r.getErrorCode();
        String description = description(e).toLowerCase(Locale.ROOT);
        if (code == 429 || p != null && p.getRetryAfter() != null) {
            return Kind.RATE_LIMITED;
        }
        if (p != null && p.getMigrateToChatId() != null) {
            return Kind.MIGRATED;
        }
        if (code == 403) {
            return Kind.CHAT_GONE;
        }
        if (code == 400) {
            if (description.contains("message is not modified")) {
                return Kind.NOT_MODIFIED;
            }
            if (EDIT_400.stream().anyMatch(description::contains)) {
                return Kind.EDIT_IMPOSSIBLE;
            }
            return CHAT_GONE_400.stream().anyMatch(description::contains) ? Kind.CHAT_GONE : Kind.BAD_REQUEST;
        }
        return Kind.TRANSIENT;
    }

    /**
     * Maps a failure onto the delivery result for kinds that need no further action by the adapter.
     *
     * @return RateLimited (retry_after seconds, 1 s when absent), Migrated, Permanent for {@link Kind#CHAT_GONE},
     *         Transient for everything else
     */
    static SendResult result(TelegramApiException e, TelegramSettings settings) {
        TelegramApiRequestException r = e instanceof TelegramApiRequestException x ? x : null;
        return switch (kind(e)) {
            case RATE_LIMITED -> new SendResult.RateLimited(Duration.ofSeconds(
                    r.getParameters() != null && r.getParameters().getRetryAfter() != null
                            ? Math.max(0, r.getParameters().getRetryAfter()) : 1));
            case MIGRATED -> new SendResult.Migrated(String.valueOf(r.getParameters().getMigrateToChatId()));
            case CHAT_GONE -> new SendResult.Permanent(reason(e, settings));
            default -> new SendResult.Transient(reason(e, settings), timedOut(e));
        };
    }

    /**
     * @return whether a read or call timeout is in the cause chain: the request may have reached the Bot API
     *         and nobody knows whether the message was posted (okio reports a read timeout as
     *         InterruptedIOException("timeout") caused by "Socket closed")
     */
    static boolean timedOut(Throwable e) {
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() != 0) {
            return false;   // the Bot API answered
        }
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return a one-line reason without the token: "Telegram 403: Forbidden: bot was blocked by the user", or
     *         for network failures the exception type and its (redacted) message
     */
    static String reason(TelegramApiException e, TelegramSettings settings) {
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() != 0) {
            return "Telegram " + r.getErrorCode() + ": " + settings.redact(description(e));
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return "the server at " + settings.apiUrl() + " did not answer like the Telegram Bot API (its answer is"
                    + " not the Bot API's JSON): check telegram.api-url (leave it unset to use "
                    + TelegramSettings.DEFAULT_API_URL + ")";
        }
        if (timedOut(e)) { // read or call timeout: sent or not, nobody knows
            return "outcome unknown: the Bot API did not answer in time (the message may have arrived; it is"
                    + " sent again after the back-off)";
        }
        String msg = root == e ? e.getMessage() : e.getMessage() + ": " + root.getClass().getSimpleName() + ": "
                + root.getMessage();
        return settings.redact(msg).replace('\n', ' ');
    }

    private static String description(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r && r.getApiResponse() != null) {
            return r.getApiResponse();
        }
        return e.getMessage() == null ? "" : e.getMessage();
    }
}
