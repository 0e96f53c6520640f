package newsalert.metrics;

import java.util.Locale;

/** The {@code result} label of {@code newsalert_feed_fetches_total}. */
public enum FetchOutcome {
    /** The feed was read (200 with a feed, or a changed file). */
    OK,
    /** 304 Not Modified, or an unchanged file. */
    NOT_MODIFIED,
    /** The read failed (HTTP error, timeout, not a feed…); retried with back-off. */
    ERROR,
    /** Not fetched: the address is refused (a chat-added feed pointing at a private address). */
    REFUSED;

    /** @return the label value, e.g. {@code not_modified} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
