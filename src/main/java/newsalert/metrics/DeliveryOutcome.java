package newsalert.metrics;

import java.util.Locale;

/** The {@code result} label of {@code newsalert_deliveries_total}. */
public enum DeliveryOutcome {
    /** An alert or a follow-up reply was accepted. */
    SENT,
    /** A sent alert was edited. */
    EDITED,
    /** The platform answered 429: tried again after its retry-after. */
    RATE_LIMITED,
    /** A transient failure (5xx, timeout, unreachable, chat migrated): tried again with back-off. */
    RETRY,
    /** Given up: the chat refused permanently (target paused) or the platform rejected the content. */
    FAILED,
    /** Several alerts were accepted as one digest message. */
    DIGEST,
    /**
     * No answer came (timeout): the message may have arrived; tried again with back-off, identically. Counted
     * apart from {@link #RETRY}, whose attempts surely did not arrive.
     */
    UNKNOWN;

    /** @return the label value, e.g. {@code rate_limited} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
