package newsalert.command;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.ChatTime;

/**
 * {@code timezone <zone>}: the zone every time this chat sees is written in (alerts, edits, {@code story},
 * quiet hours); UTC by default. An IANA name ({@code Europe/Kyiv}), {@code UTC} or an offset ({@code UTC+3}).
 * A name it does not know gets a reply with the closest names. Per chat (a Discord server); moderators only.
 */
final class TimezoneCommand extends SettingCommand {
    TimezoneCommand(SubscriptionStore store) {
        super(store);
    }

    @Override
    public String name() {
        return "timezone";
    }

    @Override
    public String usage() {
        return "timezone <Area/City|UTC>";
    }

    @Override
    public String help() {
        return "the time zone this chat's times are shown in (default UTC)";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("zone", "e.g. Europe/Kyiv, Asia/Jerusalem or UTC"));
    }

    /** A zone written with spaces: "America/New York" (a city's space stands for the zone name's underscore). */
    @Override
    Optional<String> joinWords(List<String> words) {
        return Optional.of(String.join(" ", words));
    }

    @Override
    Reply set(CommandContext ctx, String value) {
        Optional<ZoneId> zone = ZoneNames.parse(value);
        List<String> meant = zone.isEmpty() ? ZoneNames.abbreviation(value) : List.of();
        if (!meant.isEmpty()) {
            String first = meant.get(0);
            String others = meant.size() == 1 ? "" : " (or " + String.join(", ", meant.subList(1, meant.size()))
                    + ", whichever place you mean)";
            return Reply.ephemeral("\"" + Render.title(value) + "\" is an abbreviation, not a time zone: it does not"
                    + " say whether summer time applies, and some name several places. Use a city's zone, like:"
                    + " timezone " + first + others + ", or a fixed offset, like: timezone UTC-5.");
        }
        if (zone.isEmpty() && Digits.ascii(value).strip().toUpperCase(java.util.Locale.ROOT)
                .matches("(UTC|GMT)?\\s*[-+\u2010-\u2015\u2212]\\s*\\d{1,4}(:?\\d{2})?")) {
            // an offset the world does not use: the range says more than zone names that merely look alike
            return Reply.ephemeral("\"" + Render.title(value) + "\" is not an offset in use: UTC offsets run from UTC-12"
                    + " to UTC+14, like UTC+3 or UTC+5:30; or name a city's zone, like Europe/Kyiv.");
        }
        if (zone.isEmpty()) {
            List<String> closest = ZoneNames.closest(value, 3);
            return Reply.ephemeral("\"" + Render.title(value) + "\" is not a time zone I know. " + (closest.isEmpty()
                    ? "Time zones are names like Europe/Kyiv or offsets like UTC+3."
                    : "Closest names: " + String.join(", ", closest) + ".") + "\nUsage: " + usage());
        }
        store.saveChatSettings(chat(ctx).withZone(zone.get()), ctx.clock().instant());
        return Reply.of("Times in this chat are now shown in " + ChatTime.name(zone.get()) + " (now "
                + ChatTime.format(ctx.clock().instant(), zone.get()) + ").");
    }
}
