package newsalert.command;

import java.util.List;
import java.util.Optional;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.ChatTime;
import newsalert.subscription.QuietHours;

/**
 * {@code quiet-hours <HH:MM-HH:MM|off>}: alerts in that window of the chat's time zone are sent silently unless
 * their severity is at least {@value ChatSettings#LOUD_IN_QUIET_HOURS}. Per chat; moderators only.
 */
final class QuietHoursCommand extends SettingCommand {
    QuietHoursCommand(SubscriptionStore store) {
        super(store);
    }

    @Override
    public String name() {
        return "quiet-hours";
    }

    @Override
    public String usage() {
        return "quiet-hours <HH:MM-HH:MM|off>";
    }

    @Override
    public String help() {
        return "send alerts silently in these hours unless severity is 90 or more";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("hours", "e.g. 23:00-07:00 in the chat's time zone, or off"));
    }

    /** Hours written with spaces around the dash: "23:00 - 07:00". */
    @Override
    Optional<String> joinWords(List<String> words) {
        return Optional.of(String.join("", words));
    }

    @Override
    Reply set(CommandContext ctx, String value) {
        ChatSettings chat = chat(ctx);
        if (value.equalsIgnoreCase("off")) {
            store.saveChatSettings(chat.withQuietHours(null), ctx.clock().instant());
            return Reply.of("Quiet hours are off: alerts notify at any time.");
        }
        Optional<QuietHours> hours = QuietHours.parse(Digits.ascii(value));
        if (hours.isEmpty()) {
            return usageReply("Quiet hours are two different times of day, like 23:00-07:00, or off.");
        }
        store.saveChatSettings(chat.withQuietHours(hours.get()), ctx.clock().instant());
        return Reply.of("Quiet hours are " + hours.get() + " " + ChatTime.name(chat.zone()) + ": alerts then arrive"
                + " silently unless their severity is " + ChatSettings.LOUD_IN_QUIET_HOURS + " or more.");
    }
}
