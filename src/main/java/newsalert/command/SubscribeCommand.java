package newsalert.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import newsalert.store.SubscriptionStore;
import newsalert.story.Topic;
import newsalert.subscription.Subscription;

/**
 * {@code subscribe [attack|diplomacy|all] [min-severity]}: this target starts (or keeps) receiving alerts.
 * Defaults: all topics, minimum severity {@value #DEFAULT_MIN_SEVERITY}. The two arguments may come in
 * either order; a number is the severity (0–100), a word the topic. Subscribing again replaces the topics
 * and severity, keeps the subscription's own keywords and resumes a paused subscription. Moderators only.
 */
final class SubscribeCommand implements Command {
    /** Minimum severity when none is given. */
    static final int DEFAULT_MIN_SEVERITY = 40;

    private final SubscriptionStore store;

    SubscribeCommand(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "subscribe";
    }

    @Override
    public String usage() {
        return "subscribe [attack|diplomacy|all] [min-severity]";
    }

    @Override
    public String help() {
        return "start receiving alerts here (default: all topics, severity 40 or more)";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.optional("topics", "attack, diplomacy or all (default all)"),
                CommandOption.optional("min-severity", "0 to 100 (default 40)"));
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
        if (args.size() > 2) {
            return usageReply("Too many arguments.");
        }
        Set<Topic> topics = null;
        Integer severity = null;
        for (String a : args) {
            if (a.chars().allMatch(Character::isDigit)) {
                if (severity != null || a.length() > 3 || Integer.parseInt(a) > 100) {
                    return usageReply("The minimum severity is one number from 0 to 100.");
                }
                severity = Integer.parseInt(a);
            } else {
                Optional<Set<Topic>> t = parseTopics(a);
                if (t.isEmpty() || topics != null) {
                    return usageReply("Topics are attack, diplomacy or all; severity is a number from 0 to 100.");
                }
                topics = t.get();
            }
        }
        topics = topics == null ? Subscription.allTopics() : topics;
        int min = severity == null ? DEFAULT_MIN_SEVERITY : severity;
        Optional<Subscription> old = store.subscription(ctx.target());
        Subscription s = new Subscription(0, ctx.target(), topics, min,
                old.map(Subscription::includeKeywords).orElse(List.of()),
                old.map(Subscription::excludeKeywords).orElse(List.of()), false, null, ctx.clock().instant());
        store.saveSubscription(s);
        return Reply.of("Subscribed. This chat now receives " + Render.wants(s) + ".");
    }

    /** @return the topics a word names ("all" is both), empty when it names none */
    static Optional<Set<Topic>> parseTopics(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("all")) {
            return Optional.of(Subscription.allTopics());
        }
        for (Topic t : Topic.values()) {
            if (t.wireName().equals(w)) {
                return Optional.of(EnumSet.of(t));
            }
        }
        return Optional.empty();
    }
}
