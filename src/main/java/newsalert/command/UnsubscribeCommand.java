package newsalert.command;

import java.util.List;
import newsalert.store.SubscriptionStore;

/** {@code unsubscribe}: this target stops receiving alerts (alerts already queued are still delivered). Moderators only. */
final class UnsubscribeCommand implements Command {
    private final SubscriptionStore store;

    UnsubscribeCommand(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "unsubscribe";
    }

    @Override
    public String usage() {
        return "unsubscribe";
    }

    @Override
    public String help() {
        return "stop receiving alerts here";
    }

    @Override
    public List<CommandOption> options() {
        return List.of();
    }

    @Override
    public boolean moderatorOnly() {
        return true;
    }

    @Override
    public String refusal() {
        return "Only chat admins can change this chat's subscription.";
    }

    @Override
    public Reply run(CommandContext ctx, List<String> args) {
        if (!args.isEmpty()) {
            return usageReply("unsubscribe takes no arguments.");
        }
        return store.removeSubscription(ctx.target())
                ? Reply.of("Unsubscribed. This chat no longer receives alerts.")
                : Reply.of("This chat was not subscribed.");
    }
}
