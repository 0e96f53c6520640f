package newsalert.command;

import java.util.List;
import java.util.Optional;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.Loudness;
import newsalert.subscription.Platform;

/**
 * {@code mention <@role|@here|off>} (Discord): alerts of this channel's subscription at or above its
 * {@code mention-at} severity ping that role (or {@code @here}); the message allows exactly that mention and no
 * other. Silent alerts (quiet-below, quiet hours) ping nobody. Per subscription; moderators only.
 */
final class MentionCommand extends SettingCommand {
    MentionCommand(SubscriptionStore store) {
        super(store);
    }

    @Override
    public String name() {
        return "mention";
    }

    @Override
    public String usage() {
        return "mention <@role|@here|off>";
    }

    @Override
    public String help() {
        return "Discord: ping a role for alerts at or above mention-at";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("who", "a role (type @ and pick it), @here, or off"));
    }

    @Override
    Reply set(CommandContext ctx, String value) {
        if (ctx.target().platform() != Platform.DISCORD) {
            return Reply.ephemeral("mention works on Discord only: Telegram has no roles to ping.");
        }
        boolean off = value.equalsIgnoreCase("off");
        Optional<String> who = off ? Optional.empty() : Loudness.parseMention(value);
        if (!off && who.isEmpty()) {
            return usageReply("Pick a role after typing @ (it becomes <@&…>), or say @here or off.");
        }
        String shown = who.orElse(null);
        if (who.isPresent() && who.get().startsWith("<@&") && ctx.roleNames() != null) {
            String id = who.get().substring(3, who.get().length() - 1);
            Optional<String> role = ctx.roleNames().apply(id);
            if (role.isEmpty()) {
                return Reply.ephemeral("This server has no role with the id " + id + ". Type @ in the who option and"
                        + " pick the role from the list, or say @here or off.");
            }
            if (role.get().equals("@everyone")) { // the guild's own id is its @everyone role
                return Reply.ephemeral("That is the @everyone role: alerts never ping everyone. Pick a role, or say"
                        + " @here or off.");
            }
            shown = "the role @" + role.get();
        }
        Optional<Loudness> old = loudness(ctx.target());
        if (old.isEmpty()) {
            return Reply.ephemeral(NOT_SUBSCRIBED);
        }
        Loudness now = old.get().withMention(who.orElse(null));
        store.saveLoudness(ctx.target(), now);
        return Reply.of(off ? "Alerts here ping nobody."
                : "Alerts here with severity " + now.mentionAt() + " or more will ping " + shown + "."
                        + mutedMentionWarning(ctx.target(), now));
    }
}
