package newsalert.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsalert.store.Briefs;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.ChatTime;

/**
 * {@code brief daily <HH:MM>} or {@code brief off}: once a day at that time of the chat's time zone, each subscribed
 * target of the chat gets one message with the events it was alerted to since the brief before, most severe first,
 * with fused counts, outlets, story ids and a line for tolls that changed since the alert was first sent (long
 * briefs come in parts). Per chat (a Discord server); moderators only. Turned on, the first brief has the 24 hours
 * before its time (after today's time has passed, it comes tomorrow). Moved while on, the next brief starts where
 * the last one ended: moved later on a day already briefed, a second brief goes at the new time with what came
 * since; moved to a time already passed with no brief since, one goes within a minute. The reply says when the next
 * brief goes and where its events start.
 */
final class BriefCommand implements Command {
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final SubscriptionStore store;

    BriefCommand(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "brief";
    }

    @Override
    public String usage() {
        return "brief daily <HH:MM>|off";
    }

    @Override
    public String help() {
        return "a daily brief of this chat's events at that time of its time zone, most severe first";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("schedule", "daily 08:00 (the chat's time zone), or off"));
    }

    @Override
    public boolean moderatorOnly() {
        return true;
    }

    @Override
    public String refusal() {
        return "Only chat admins can change the daily brief here.";
    }

    @Override
    public Reply run(CommandContext ctx, List<String> typed) {
        List<String> args = SettingCommand.nfkc(typed); // ２３：００ is 23:00
        ChatSettings chat = store.chatSettings(ctx.target().platform(), ctx.target().chatId());
        Instant now = ctx.clock().instant();
        if (args.size() == 1 && args.get(0).equalsIgnoreCase("off")) {
            store.saveChatSettings(chat.withBrief(null), now);
            return Reply.of("The daily brief is off.");
        }
        List<String> words = args.size() == 2 && args.get(0).equalsIgnoreCase("daily") ? args.subList(1, 2)
                : args.size() == 1 ? args : List.of();
        Optional<LocalTime> at = words.isEmpty() ? Optional.empty() : time(words.get(0));
        if (at.isEmpty()) {
            return usageReply(args.isEmpty() ? "Give a time of day, like: brief daily 08:00, or: brief off."
                    : "Give a time of day from 00:00 to 23:59, like: brief daily 08:00, or: brief off.");
        }
        Briefs.Chat before = store.briefChat(chat.platform(), chat.chatId());
        ChatSettings on = chat.withBrief(at.get());
        store.saveChatSettings(on, now);
        LocalDate today = now.atZone(chat.zone()).toLocalDate();
        Instant todays = ZonedDateTime.of(today, at.get(), chat.zone()).toInstant();
        Instant start = before.windowStart().orElse(null);
        if (chat.brief() == null || start == null) {
            // turned on: the first brief has the 24 hours before its time
            start = now.isBefore(todays) ? ZonedDateTime.of(today.minusDays(1), at.get(), chat.zone()).toInstant()
                    : todays;
            // turned off and on again: never before the last brief that went, or its events would come twice
            if (before.lastAt() != null && before.lastAt().isAfter(start)) {
                start = before.lastAt();
            }
            store.startBriefWindow(chat.platform(), chat.chatId(), start);
        }
        String next;
        if (start.isBefore(todays)) {
            next = now.isBefore(todays) ? "today, " + DAY.format(today) + " at " + HM.format(at.get())
                    : "within a minute (today's " + HM.format(at.get()) + " has passed and no brief went since)";
        } else {
            next = DAY.format(today.plusDays(1)) + " at " + HM.format(at.get());
        }
        return Reply.of("A daily brief comes at " + HM.format(at.get()) + " " + ChatTime.name(chat.zone())
                + ": the events this chat was alerted to since the brief before, most severe first. The next one"
                + " comes " + next + " with the events since " + since(start, now, chat) + ". Turn it off with:"
                + " brief off");
    }

    /** @return the start of the next brief as the chat reads it: "14:00 today", "Sun 6 Dec 16:00" */
    private static String since(Instant start, Instant now, ChatSettings chat) {
        ZonedDateTime local = start.atZone(chat.zone());
        return local.toLocalDate().equals(now.atZone(chat.zone()).toLocalDate()) ? HM.format(local) + " today"
                : DAY.format(local) + " " + HM.format(local);
    }

    /** @return the time of day in H:MM or HH:MM, empty otherwise */
    static Optional<LocalTime> time(String text) {
        Matcher m = TIME.matcher(Digits.ascii(text).strip());
        return m.matches() ? Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }
}
