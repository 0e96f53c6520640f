package newsalert.store;

import java.util.Locale;

/** Where one outbox row stands. Stored by {@link #wireName()}. */
public enum OutboxStatus {
    /** Not yet delivered; the delivery worker will (re)try it at or after its next attempt time. */
    PENDING,
    /** Delivered; the platform's message id is kept for later edits. */
    SENT,
    /** Given up for good (bot removed from the chat, chat gone); never retried. */
    FAILED,
    /** Deliberately not sent on its own (e.g. merged into a digest); never retried. */
    DROPPED;

    /** @return {@code "pending"}, {@code "sent"}, {@code "failed"} or {@code "dropped"} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a stored wire name
     * @return the status
     * @throws IllegalArgumentException for an unknown name
     */
    public static OutboxStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
