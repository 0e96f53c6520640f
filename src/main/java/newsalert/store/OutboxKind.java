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
    EDIT,
    /**
     * Post a short follow-up ({@link OutboxItem#note()}) as a reply to the message sent earlier for the same
     * story and target, so members notice a large change that an edit alone would hide.
     */
    REPLY,
    /**
     * Post a short plain-text message ({@link OutboxItem#note()}) on its own, not tied to a sent alert: the
     * notice that a chat-added feed's alerts are held back by its hourly cap ({@link ChatFeedCap}), or that a
     * chat-added feed keeps failing or was turned off ({@link ChatFeedStore#noticeFailingChatFeed}; such a row
     * has no story).
     */
    NOTICE;

    /** @return {@code "send"}, {@code "edit"}, {@code "reply"} or {@code "notice"} */
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
