package newsalert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsalert.store.Briefs;
import newsalert.store.SubscriptionStore;
import newsalert.story.Assessment;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;

/**
 * Queues the daily briefs that are due (issue 18 item 5). A chat with {@code brief daily HH:MM} gets, once per local
 * day at or after that time in its zone, one brief per subscribed target (its forum topics or Discord channels each
 * get their own): the events the target was alerted to since the chat's last brief was queued (the first brief: in
 * the 24 hours before; never more than {@link #LONGEST}), most severe first, split into parts that each fit one
 * message of the platform ({@link ChatPlatform#briefFits}). The parts are queued as outbox notice rows together with
 * the chat's brief date and instant, in one transaction ({@link SubscriptionStore#queueBrief}), so a brief is never
 * queued twice, also across restarts, and moving the brief time or the chat's time zone neither repeats nor skips
 * events; a day with nothing to tell records its date and instant and sends nothing. A brief missed while the bot was
 * down goes out when it is back, the same day. Chats of a platform with no adapter wait. Time is the caller's
 * {@code now}; no clock of its own. Each chat's next brief instant is stored (V25), so a minute reads only the chats
 * whose brief may be due, not every chat with a brief.
 */
final class BriefScheduler {
    /** Headlines longer than this are cut in a brief (with an ellipsis). */
    static final int HEADLINE_MAX = 280;
    /** The longest time a brief covers: a chat whose platform was away for days gets the last three days. */
    static final Duration LONGEST = Duration.ofHours(72);

    private final SubscriptionStore store;
    private final Map<Platform, ChatPlatform> platforms;
    /**
     * How far behind the brief's instant its window of events runs: a brief queued at {@code now} after one queued at
     * {@code last} holds the alerts routed in ({@code last - SETTLE}, {@code now - SETTLE}], so consecutive briefs
     * still meet without gap or overlap. An alert's outbox row is dated when its poll began ({@code created_at}) but
     * becomes visible only when the poll's transaction commits — after the feed's analysis and any wait for the store
     * (on SQLite up to a minute for the writer lock and a minute of busy retries). Without the lag, a row dated just
     * before the brief and committed just after it was read was in neither that brief nor the next (note8, tester18d).
     * With it, only a row committed more than {@code SETTLE} after its date can be missed.
     */
    static final Duration SETTLE = Duration.ofMinutes(3);
    /** Chats queued per write transaction: a busy minute's briefs hold the store's writer in short turns. */
    static final int BATCH = 50;

    /** The epoch minute of the last look at the chats: brief times are whole minutes, so one look a minute does. */
    private long lastMinute = Long.MIN_VALUE;

    BriefScheduler(SubscriptionStore store, Map<Platform, ChatPlatform> platforms) {
        this.store = store;
        this.platforms = platforms;
    }

    /**
     * Queues every brief due at {@code now}. Looks at the chats once per minute of {@code now} (the first call in a
     * minute); later calls in the same minute do nothing. Reads only the chats whose brief may be due
     * ({@link SubscriptionStore#dueBriefChats}, one query), queues the due ones' briefs {@value #BATCH} chats per
     * transaction ({@link SubscriptionStore#queueBriefs}) with each chat's next brief instant, and records the next
     * brief instant of the candidates that were not due ({@link SubscriptionStore#deferBriefs}), so they are not read
     * again before then. Runs on its own thread in {@code run}, never on a delivery thread.
     *
     * @return how many outbox rows were queued
     */
    synchronized int queueDue(Instant now) {
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        if (minute == lastMinute) {
            return 0;
        }
        lastMinute = minute;
        int rows = 0;
        List<Briefs.Queued> batch = new ArrayList<>();
        List<Briefs.Deferral> deferrals = new ArrayList<>();
        for (Briefs.Chat chat : store.dueBriefChats(now)) {
            ChatSettings settings = chat.settings();
            ChatPlatform adapter = platforms.get(settings.platform());
            if (adapter == null || settings.brief() == null) {
                continue; // a platform with no adapter here: its chats wait
            }
            Instant last = chat.windowStart().orElse(null);
            Optional<LocalDate> day = dueDay(settings, last, now);
            if (day.isEmpty()) {
                deferrals.add(new Briefs.Deferral(chat, nextDue(settings, last, now)));
                continue;
            }
            Instant from = windowStart(settings, last, day.get(), now);
            batch.add(new Briefs.Queued(settings.platform(), settings.chatId(), day.get(),
                    briefTime(settings, day.get()), rows(settings, day.get(), from, last != null, now, adapter), now,
                    nextDue(settings, now, now)));
            if (batch.size() >= BATCH) {
                rows += queue(batch);
                batch.clear();
            }
        }
        rows += queue(batch);
        store.deferBriefs(deferrals);
        return rows;
    }

    /** @return the outbox rows of the briefs that were queued (a brief another instance queued first counts 0) */
    private int queue(List<Briefs.Queued> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Boolean> queued = store.queueBriefs(batch);
        int rows = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (queued.get(i)) {
                rows += batch.get(i).rows().size();
            }
        }
        return rows;
    }

    /**
     * @return the earliest instant at or after {@code now} at which {@link #dueDay} is not empty for a chat whose
     *         last brief is {@code last} ({@code null}: none): {@code now}'s day's brief time when that brief is due
     *         (it may be before {@code now}), else the brief time of the first later day that comes after
     *         {@code last}
     */
    static Instant nextDue(ChatSettings chat, Instant last, Instant now) {
        LocalDate today = now.atZone(chat.zone()).toLocalDate();
        Instant todays = briefTime(chat, today);
        if (last == null || last.isBefore(todays)) {
            return todays;
        }
        LocalDate day = today.plusDays(1);
        Instant t = briefTime(chat, day);
        for (int i = 0; i < 400 && last != null && !last.isBefore(t); i++) {
            day = day.plusDays(1);
            t = briefTime(chat, day);
        }
        return t;
    }

    /**
     * @return where a brief queued at {@code now} starts: the instant the chat's last brief was queued, but no earlier
     *         than {@link #LONGEST} before {@code now} (a chat whose platform was away for days); for a chat without
     *         one, the chat's brief time the day before
     */
    static Instant windowStart(ChatSettings settings, Instant last, LocalDate day, Instant now) {
        if (last == null) {
            return briefTime(settings, day.minusDays(1));
        }
        Instant earliest = now.minus(LONGEST);
        return last.isBefore(earliest) ? earliest : last;
    }

    /**
     * @param lastBriefed whether {@code from} is where the chat's last brief ended (else the start of a first brief)
     * @return the brief rows of each unpaused subscription of the chat: the events alerted in (from, to], both ends
     *         moved {@link #SETTLE} earlier (the start only when {@code lastBriefed})
     */
    private List<Briefs.Row> rows(ChatSettings settings, LocalDate day, Instant from, boolean lastBriefed, Instant to,
                                  ChatPlatform adapter) {
        List<Briefs.Row> out = new ArrayList<>();
        // the local time the brief is due: a brief time skipped by a clock change names the later time it goes at
        LocalTime at = briefTime(settings, day).atZone(settings.zone()).toLocalTime();
        // the window runs SETTLE behind, so a row committed late lands in this brief or the next; a first brief (no
        // brief before it: from is the brief time the day before) starts where it says
        Instant start = lastBriefed ? from.minus(SETTLE) : from;
        for (Subscription sub : store.subscriptions(settings.platform(), settings.chatId())) {
            if (sub.paused()) {
                continue;
            }
            List<Briefs.Event> events = sortBySeverity(store.briefEvents(sub.target(), start, to.minus(SETTLE)));
            if (events.isEmpty()) {
                continue;
            }
            List<Brief.Item> items = events.stream().map(BriefScheduler::item).toList();
            Brief whole = new Brief(day, settings.zone(), at, from, 1, 1, 1, items.size(), items);
            List<Brief> parts = whole.split(adapter::briefFits);
            for (Brief part : parts) {
                int from0 = part.first() - 1;
                String storyId = events.get(from0).storyId();
                int severity = part.items().stream().mapToInt(Brief.Item::severity).max().orElse(0);
                out.add(new Briefs.Row(sub.target(), storyId, severity, part.encode()));
            }
        }
        return out;
    }

    /**
     * @return the local date whose brief is due at {@code now}: today in the chat's zone when its brief time of today
     *         has come and the chat's last brief ({@code last}, where its next brief starts; {@code null} for none)
     *         went before that time; empty otherwise (or when the chat has no brief). So a brief moved later on a
     *         day already briefed goes again at the new time with what came since, and a brief moved earlier waits
     *         for the next day.
     */
    static Optional<LocalDate> dueDay(ChatSettings chat, Instant last, Instant now) {
        if (chat.brief() == null) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(chat.zone()).toLocalDate();
        Instant due = briefTime(chat, today);
        boolean timeCame = !now.isBefore(due);
        return timeCame && (last == null || last.isBefore(due)) ? Optional.of(today) : Optional.empty();
    }

    /** @return the instant of the chat's brief on a local date (a time skipped by a clock change moves later) */
    static Instant briefTime(ChatSettings chat, LocalDate day) {
        return ZonedDateTime.of(day, chat.brief(), chat.zone()).toInstant();
    }

    /** @return the events, most severe first; equal severities in routing order */
    static List<Briefs.Event> sortBySeverity(List<Briefs.Event> events) {
        return events.stream().sorted(Comparator.comparingInt((Briefs.Event e) -> -e.now().severity())
                .thenComparing(Briefs.Event::routedAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** @return the brief item of an event: headline, fused counts, outlets, story id, toll change */
    static Brief.Item item(Briefs.Event e) {
        String headline = e.story().title() == null || e.story().title().isBlank() ? e.storyId() : e.story().title();
        if (headline.length() > HEADLINE_MAX) {
            int end = HEADLINE_MAX - 1;
            if (Character.isHighSurrogate(headline.charAt(end - 1))) {
                end--; // never leave half of an emoji (a lone surrogate shows as "?")
            }
            headline = headline.substring(0, end).stripTrailing() + "…";
        }
        return new Brief.Item(e.now().severity(), headline, e.story().link(), counts(e.now()),
                String.join(", ", e.outlets()), e.storyId(), tollChange(e.first(), e.now()));
    }

    /** @return "was → now" when the counts differ from the first alert's, else "" */
    static String tollChange(Assessment first, Assessment now) {
        if (first == null) {
            return "";
        }
        String was = counts(first);
        String is = counts(now);
        return was.equals(is) ? "" : (was.isEmpty() ? "none" : was) + " → " + (is.isEmpty() ? "none" : is);
    }

    private static String counts(Assessment a) {
        return a.casualties() == null || a.casualties().isEmpty() ? "" : a.casualties().display();
    }
}
