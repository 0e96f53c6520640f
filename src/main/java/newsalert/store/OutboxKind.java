package newsalert.store;

import java.util.Locale;

/** What one outbox row asks the delivery worker to do. Stored by {@link #wireName()}. */
public enum OutboxKind {
    /** Post the story's alert as a new message. */
    SEND,
    /**
     * Replace the text of the message sent earlier for the same story and target (found with
     * {@link SubscriptionStore#sentMessageId}) with the story as stored now.
     */
    EDIT;

    /** @return {@code "send"} or {@code "edit"} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a stored wire name
     * @return the kind
     * @throws IllegalArgumentException for an unknown name
     */
    public static OutboxKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
