package newsalert.command;

import java.util.List;
import java.util.Optional;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.Loudness;

/**
 * {@code quiet-below <severity|off>}: this subscription's alerts with a lower severity arrive silently (Telegram
 * without notification sound, Discord with notifications suppressed). {@code off} (or 0) makes every alert
 * notify again. Per subscription (this chat, forum topic or channel); moderators only.
 */
final class QuietBelowCommand extends SettingCommand {
    QuietBelowCommand(SubscriptionStore store) {
        super(store);
    }

    @Override
    public String name() {
        return "quiet-below";
    }

    @Override
    public String usage() {
        return "quiet-below <severity|off>";
    }

    @Override
    public String help() {
        return "send alerts below this severity silently (default off)";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("severity", "0 to 100, or off"));
    }

    @Override
    Reply set(CommandContext ctx, String value) {
        Optional<Integer> severity = value.equalsIgnoreCase("off") ? Optional.of(0) : severity(value);
        if (severity.isEmpty()) {
            return usageReply("The severity is a number from 0 to 100, or off.");
        }
        Optional<Loudness> old = loudness(ctx.target());
        if (old.isEmpty()) {
            return Reply.ephemeral(NOT_SUBSCRIBED);
        }
        Loudness now = old.get().withQuietBelow(severity.get());
        store.saveLoudness(ctx.target(), now);
        return Reply.of((severity.get() == 0 ? "Every alert here notifies again."
                : "Alerts here with severity below " + severity.get() + " now arrive silently.")
                + mutedMentionWarning(ctx.target(), now));
    }
}
