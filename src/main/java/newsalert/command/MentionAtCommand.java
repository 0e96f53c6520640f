package newsalert.command;

import java.util.List;
import java.util.Optional;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.Loudness;
import newsalert.subscription.Platform;

/**
 * {@code mention-at <severity>} (Discord): the lowest severity whose alerts ping the subscription's
 * {@code mention}; {@value Loudness#DEFAULT_MENTION_AT} by default. Per subscription; moderators only.
 */
final class MentionAtCommand extends SettingCommand {
    MentionAtCommand(SubscriptionStore store) {
        super(store);
    }

    @Override
    public String name() {
        return "mention-at";
    }

    @Override
    public String usage() {
        return "mention-at <severity>";
    }

    @Override
    public String help() {
        return "Discord: the lowest severity that pings the mention (default 80)";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("severity", "0 to 100"));
    }

    @Override
    Reply set(CommandContext ctx, String value) {
        if (ctx.target().platform() != Platform.DISCORD) {
            return Reply.ephemeral("mention-at works on Discord only: Telegram has no roles to ping.");
        }
        Optional<Integer> severity = severity(value);
        if (severity.isEmpty()) {
            return usageReply("The severity is a number from 0 to 100.");
        }
        Optional<Loudness> old = loudness(ctx.target());
        if (old.isEmpty()) {
            return Reply.ephemeral(NOT_SUBSCRIBED);
        }
        Loudness now = old.get().withMentionAt(severity.get());
        store.saveLoudness(ctx.target(), now);
        return Reply.of("Alerts here with severity " + severity.get() + " or more ping "
                + (now.mention() == null ? "the mention once one is set with: mention <@role|@here>" : now.mention())
                + "." + mutedMentionWarning(ctx.target(), now));
    }
}
