package newsalert.command;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import newsalert.subscription.Target;

/**
 * Who sent a command, and where.
 *
 * @param target            the chat (and Telegram forum topic) the command was sent in; replies and
 *                          subscriptions are about this target, keyword rules and feeds about its chat
 * @param callerId          the platform's id of the user, or {@code null} when unknown (channel posts)
 * @param callerIsModerator whether the adapter found the caller may manage the chat (Telegram: creator or
 *                          administrator, or the user of a private chat; Discord: Manage Server)
 * @param clock             the time source for stored timestamps
 * @param attachment        the file sent with the command, or {@code null} when none
 * @param roleNames         looks up a role of the chat by its id (digits): the role's name, or empty when the chat
 *                          has no such role (Discord: the guild's role cache); {@code null} when the platform cannot
 *                          tell (Telegram, tests)
 */
public record CommandContext(Target target, String callerId, boolean callerIsModerator, Clock clock,
                             AttachedFile attachment, Function<String, Optional<String>> roleNames) {
    public CommandContext {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(clock, "clock");
    }

    /** A context whose platform cannot look up roles. */
    public CommandContext(Target target, String callerId, boolean callerIsModerator, Clock clock,
                          AttachedFile attachment) {
        this(target, callerId, callerIsModerator, clock, attachment, null);
    }

    /** A context without an attached file. */
    public CommandContext(Target target, String callerId, boolean callerIsModerator, Clock clock) {
        this(target, callerId, callerIsModerator, clock, null);
    }
}
