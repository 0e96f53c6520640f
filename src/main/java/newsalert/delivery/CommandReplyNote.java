package newsalert.delivery;

import java.util.Optional;

/**
 * The note of an outbox {@link newsalert.store.OutboxKind#NOTICE} row that answers a chat command (issue 19: command
 * replies go through the outbox and its rate limits like alerts). The body is one message as the platform's adapter
 * will send it (for Telegram one HTML part of at most 4,096 characters), written by that platform's command side
 * and read back by its {@link ChatPlatform#commandReply}; a retry sends exactly the same body.
 */
public final class CommandReplyNote {
    /** The first line of an encoded command reply; a notice whose note starts with it is one. */
    static final String MAGIC = "#newsalert-command-reply v1\n";

    private CommandReplyNote() {
    }

    /** @return {@code body} as a note */
    public static String encode(String body) {
        return MAGIC + body;
    }

    /** @return whether an outbox note is an encoded command reply */
    public static boolean isCommandReply(String note) {
        return note != null && note.startsWith(MAGIC);
    }

    /** @return the body an {@link #encode}d note holds; empty when the note is not a command reply */
    public static Optional<String> decode(String note) {
        return isCommandReply(note) ? Optional.of(note.substring(MAGIC.length())) : Optional.empty();
    }
}
