package newsalert.store;

import java.util.Locale;

/**
 * How the last unsuccessful delivery attempt of an outbox row ended, stored in {@code outbox.last_outcome}
 * (V19) by {@link #wireName()}; {@code NULL} for rows never tried, or tried before V19.
 */
public enum AttemptOutcome {
    /**
     * No answer came (read or call timeout): the message may have arrived. The row stays pending and its retry
     * sends the identical message.
     */
    UNKNOWN,
    /** The platform answered with an error that may pass (5xx), or could not be reached: not delivered. */
    FAILED,
    /** The platform answered 429: not delivered, tried again after its {@code retry_after}. */
    RATE_LIMITED;

    /** @return {@code "unknown"}, {@code "failed"} or {@code "rate_limited"} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a stored wire name
     * @return the outcome
     * @throws IllegalArgumentException for an unknown name
     */
    public static AttemptOutcome fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
