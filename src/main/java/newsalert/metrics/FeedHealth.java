package newsalert.metrics;

import java.util.Locale;

/**
 * The {@code state} label of {@code newsalert_feeds}, also used by {@code status}: {@link #DISABLED} when a
 * feed's last try was refused by the address rule (a chat-added feed pointing at a private address: it is not
 * read until the setting allows it), {@link #BACKING_OFF} when its last tries failed otherwise (retried later,
 * with back-off), else {@link #ACTIVE}.
 */
public enum FeedHealth {
    /** Read without error last time (or not read yet). */
    ACTIVE,
    /** The last tries failed; retried with back-off. */
    BACKING_OFF,
    /** Refused by the address rule; not read until the URL or the setting changes. */
    DISABLED;

    /**
     * @param failures  failures in a row (0 after a good read)
     * @param lastError the last failure's reason, or {@code null}
     * @return the feed's state
     */
    public static FeedHealth of(int failures, String lastError) {
        if (failures == 0) {
            return ACTIVE;
        }
        return lastError != null && lastError.toLowerCase(Locale.ROOT).startsWith("refused") ? DISABLED : BACKING_OFF;
    }

    /** @return the label value, e.g. {@code backing_off} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
