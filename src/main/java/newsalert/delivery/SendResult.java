package newsalert.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * What a platform said about one send or edit. Adapters map their platform's answers onto these six
 * shapes; the {@link DeliveryWorker} decides what to do with each.
 */
public sealed interface SendResult {

    /** Delivered; {@code messageId} is the platform's id of the message, kept for later edits. */
    record Sent(String messageId) implements SendResult {
        public Sent {
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** Flood control (HTTP 429): try again no sooner than {@code retryAfter} from now (not negative). */
    record RateLimited(Duration retryAfter) implements SendResult {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter is negative: " + retryAfter);
            }
        }
    }

    /**
     * A failure that may pass (5xx, timeout, connection refused, platform unreachable): retried with
     * back-off, never given up on.
     *
     * @param reason         one line, shown in the row's last error
     * @param outcomeUnknown true when the request may have reached the platform but no answer came (a read or
     *                       call timeout): the message may have arrived. The row's outcome is recorded as
     *                       {@link newsalert.store.AttemptOutcome#UNKNOWN}, not failed, and the retry sends the
     *                       identical message (a fixed digest keeps its rows; Discord's nonce lets it drop a
     *                       repeat)
     */
    record Transient(String reason, boolean outcomeUnknown) implements SendResult {
        /** A transient failure whose request surely did not arrive (refused, 5xx answered). */
        public Transient(String reason) {
            this(reason, false);
        }

        /** @return a transient failure of a request that may have arrived: no answer came in time */
        public static Transient unknown(String reason) {
            return new Transient(reason, true);
        }
    }

    /**
     * A failure of this chat that will not pass by waiting (bot blocked or kicked, chat not found, missing
     * permissions): the target is paused with {@code reason}.
     */
    record Permanent(String reason) implements SendResult {
    }

    /**
     * The platform refused this one message for its content (e.g. markup it cannot parse, even after the
     * adapter's plain-text fallback), not because of the chat: the row is settled {@code FAILED} with
     * {@code reason} and the target goes on with its next row. Neither paused nor retried, so one bad story
     * can neither silence a chat nor block its queue.
     */
    record Rejected(String reason) implements SendResult {
    }

    /** The chat became another chat (Telegram group upgraded to a supergroup: {@code migrate_to_chat_id}). */
    record Migrated(String newChatId) implements SendResult {
        public Migrated {
            if (newChatId == null || newChatId.isBlank()) {
                throw new IllegalArgumentException("newChatId is required");
            }
        }
    }
}
