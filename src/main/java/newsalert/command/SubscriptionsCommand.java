package newsalert.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.ChatTime;
import newsalert.subscription.Loudness;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;

/**
 * {@code subscriptions}: what this target receives (topics, minimum severity, paused and why), what the
 * chat's other forum topics receive, the chat's keyword rules, this subscription's loudness ({@code quiet-below};
 * on Discord {@code mention} and {@code mention-at}) and the chat's settings ({@code timezone},
 * {@code quiet-hours}, {@code pictures}, {@code brief}). Anyone may run it.
 */
final class SubscriptionsCommand implements Command {
    private final SubscriptionStore store;

    SubscriptionsCommand(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "subscriptions";
    }

    @Override
    public String usage() {
        return "subscriptions";
    }

    @Override
    public String help() {
        return "what this chat receives, its keyword rules and alert settings";
    }

    @Override
    public List<CommandOption> options() {
        return List.of();
    }

    @Override
    public boolean moderatorOnly() {
        return false;
    }

    @Override
    public Reply run(CommandContext ctx, List<String> args) {
        if (!args.isEmpty()) {
            return usageReply("subscriptions takes no arguments.");
        }
        List<String> lines = new ArrayList<>();
        Optional<Subscription> here = store.subscription(ctx.target());
        if (here.isPresent()) {
            Subscription s = here.get();
            lines.add("This chat receives " + Render.wants(s) + ".");
            if (s.paused()) {
                lines.add("Paused: " + (s.pauseReason() == null ? "no reason given" : s.pauseReason()) + ".");
            }
            if (!s.includeKeywords().isEmpty() || !s.excludeKeywords().isEmpty()) {
                lines.add("This subscription's own keywords: "
                        + Render.keywords(s.includeKeywords(), s.excludeKeywords()) + ".");
            }
        } else {
            lines.add("This chat is not subscribed. An admin can start alerts with: subscribe [attack|diplomacy|all]"
                    + " [min-severity] [in:<place>,…]");
        }
        for (Subscription s : store.subscriptions(ctx.target().platform(), ctx.target().chatId())) {
            if (!s.target().equals(ctx.target())) {
                String where = s.target().threadId() == null ? "The whole chat"
                        : s.target().platform() == Platform.DISCORD ? "Channel " + s.target().threadId()
                        : "Forum topic " + s.target().threadId();
                lines.add(where + " receives " + Render.wants(s) + (s.paused() ? " (paused)." : "."));
            }
        }
        lines.add("Keyword rules: " + Render.rules(store.keywordRules(ctx.target().platform(),
                ctx.target().chatId())) + ".");
        if (here.isPresent()) {
            Loudness l = store.loudness(ctx.target()).orElse(Loudness.DEFAULT);
            lines.add("Quiet below: " + (l.quietBelow() == 0 ? "off (every alert notifies)"
                    : "alerts with severity below " + l.quietBelow() + " arrive silently") + ".");
            if (ctx.target().platform() == Platform.DISCORD) {
                lines.add("Mention: " + (l.mention() == null ? "nobody" : l.mention() + " for severity "
                        + l.mentionAt() + " or more") + " (mention-at " + l.mentionAt() + ").");
            }
        }
        ChatSettings chat = store.chatSettings(ctx.target().platform(), ctx.target().chatId());
        lines.add("Time zone: " + ChatTime.name(chat.zone()) + " (now " + ChatTime.format(ctx.clock().instant(), chat.zone())
                + ").");
        lines.add("Quiet hours: " + (chat.quietHours() == null ? "off"
                : chat.quietHours() + ", silent unless severity " + ChatSettings.LOUD_IN_QUIET_HOURS + " or more") + ".");
        lines.add("Pictures: " + (chat.pictures() ? "on" : "off") + ".");
        lines.add("Daily brief: " + (chat.brief() == null ? "off"
                : "daily at " + chat.brief() + " " + ChatTime.name(chat.zone())) + ".");
        return Reply.of(Render.list(lines.get(0), lines.subList(1, lines.size())));
    }
}
