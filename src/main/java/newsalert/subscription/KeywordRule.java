package newsalert.subscription;

import java.time.Instant;
import java.util.Objects;

/**
 * A moderator's keyword rule; it applies to every subscription of its chat (all forum topics).
 *
 * @param platform  the platform
 * @param chatId    the chat (Telegram chat id; for Discord, whatever id the adapter keys rules by)
 * @param term      the term or phrase, in {@link Keywords#normalize normalised} form
 * @param kind      include or exclude
 * @param createdBy the platform's id of the moderator who added it, or {@code null}
 * @param createdAt when it was added
 */
public record KeywordRule(Platform platform, String chatId, String term, Kind kind, String createdBy,
                          Instant createdAt) {
    public KeywordRule {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        term = Keywords.normalize(term);
        if (term.isEmpty()) {
            throw new IllegalArgumentException("a keyword rule needs a term");
        }
    }

    /** Whether a rule admits or rejects the stories it matches. */
    public enum Kind {
        /** When a chat has any include terms, a story must match at least one of them. */
        INCLUDE,
        /** A story matching any exclude term is not sent. */
        EXCLUDE;

        /** @return {@code "include"} or {@code "exclude"}, as stored */
        public String wireName() {
            return this == INCLUDE ? "include" : "exclude";
        }

        /**
         * @param name {@code "include"} or {@code "exclude"}
         * @return the kind
         * @throws IllegalArgumentException for anything else
         */
        public static Kind fromWireName(String name) {
            for (Kind k : values()) {
                if (k.wireName().equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown keyword kind '" + name + "'");
        }
    }
}
