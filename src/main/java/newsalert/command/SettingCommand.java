package newsalert.command;

import java.util.List;
import java.util.Optional;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Loudness;
import newsalert.subscription.Target;

/**
 * The shape shared by the issue-18 setting commands ({@code timezone}, {@code quiet-hours}, {@code pictures},
 * {@code quiet-below}, {@code mention}, {@code mention-at}): one argument, moderators only, a reply that says
 * what the chat or subscription now does. Subclasses parse the argument and store it.
 */
abstract class SettingCommand implements Command {
    /** The reply to a per-subscription setting in a target that has no subscription. */
    static final String NOT_SUBSCRIBED = "This chat is not subscribed, so there is nothing to change. Start alerts"
            + " first with: subscribe [attack|diplomacy|all] [min-severity]";

    protected final SubscriptionStore store;

    SettingCommand(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public final boolean moderatorOnly() {
        return true;
    }

    @Override
    public String refusal() {
        return "Only chat admins can change " + name() + " here.";
    }

    @Override
    public final Reply run(CommandContext ctx, List<String> typed) {
        List<String> args = nfkc(typed);
        if (args.size() > 1) {
            Optional<String> joined = joinWords(args);
            if (joined.isPresent()) {
                return set(ctx, joined.get());
            }
        }
        if (args.size() != 1) {
            return usageReply(args.isEmpty() ? "Give one value." : "Give one value, without spaces.");
        }
        return set(ctx, args.get(0));
    }

    /**
     * @return the words in Unicode NFKC form, so fullwidth letters, digits and colons as East Asian keyboards type
     *         them ({@code ２３：００}, {@code ｉｎ：Ｋｙｉｖ}) read as plain ones; blank words after it are dropped
     */
    static List<String> nfkc(List<String> words) {
        return words.stream().map(w -> java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFKC).strip())
                .filter(w -> !w.isEmpty()).toList();
    }

    /**
     * @return the one value a setting written with spaces means (e.g. "America/New York", "23:00 - 07:00"), or empty
     *         when this setting takes no spaces (the default)
     */
    Optional<String> joinWords(List<String> words) {
        return Optional.empty();
    }

    /** Parses and stores the one argument; @return the reply */
    abstract Reply set(CommandContext ctx, String value);

    /** @return the chat's settings */
    ChatSettings chat(CommandContext ctx) {
        return store.chatSettings(ctx.target().platform(), ctx.target().chatId());
    }

    /** @return the target's loudness, empty when it has no subscription */
    Optional<Loudness> loudness(Target target) {
        return store.loudness(target);
    }

    /**
     * @return a warning (with a leading space) when the subscription's mention can sound for fewer alerts than
     *         {@code mention-at} says: on Discord, with a mention set and {@code quiet-below} above
     *         {@code mention-at}, the alerts in between arrive silently and silent alerts ping nobody; "" otherwise
     */
    static String mutedMentionWarning(Target target, Loudness l) {
        if (target.platform() != newsalert.subscription.Platform.DISCORD || l.mention() == null
                || l.quietBelow() <= l.mentionAt()) {
            return "";
        }
        String muted = l.quietBelow() - 1 == l.mentionAt() ? "severity " + l.mentionAt()
                : "severity " + l.mentionAt() + " to " + (l.quietBelow() - 1);
        return " Note: quiet-below is " + l.quietBelow() + ", above mention-at " + l.mentionAt() + ", so alerts with "
                + muted + " arrive silently and ping nobody; the mention sounds only from severity "
                + l.quietBelow() + ". To ping from " + l.mentionAt() + ", set quiet-below " + l.mentionAt()
                + " or lower.";
    }

    /**
     * @return a severity 0–100 from digits, empty otherwise
     */
    static Optional<Integer> severity(String text) {
        String d = Digits.ascii(text);
        return d.matches("\\d{1,3}") && Integer.parseInt(d) <= 100 ? Optional.of(Integer.parseInt(d))
                : Optional.empty();
    }
}
