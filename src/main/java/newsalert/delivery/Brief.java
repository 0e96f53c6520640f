package newsalert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One message of a chat's daily brief (issue 18 item 5): the events a target was alerted to since the chat's last
 * brief (usually the 24 hours before the brief's time), most severe first. A long brief is split into parts, each one message within the platform's
 * limits; {@link #part()} of {@link #parts()} says which. Fixed when it is queued: it travels in an outbox
 * {@link newsalert.store.OutboxKind#NOTICE} row's note ({@link #encode()}), so a retry sends exactly the same text.
 *
 * @param date   the local date of the brief, in {@code zone}
 * @param zone   the chat's time zone
 * @param at     the local time the brief went (a brief time skipped by a clock change names the later time it went)
 * @param since  where the brief's events start: they were alerted after this instant and up to {@code at}; or
 *               {@code null} for the 24 hours before {@code at} (briefs queued before the window was recorded)
 * @param part   this part's number, from 1
 * @param parts  how many parts the day's brief has
 * @param first  the number of this part's first item in the whole brief, from 1
 * @param total  how many events the whole brief has
 * @param items  this part's events, most severe first
 */
public record Brief(LocalDate date, ZoneId zone, LocalTime at, Instant since, int part, int parts, int first,
                    int total, List<Item> items) {
    /** The first line of an encoded brief; a notice whose note starts with it is a brief. */
    static final String MAGIC = "#newsalert-brief v1";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    public Brief {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(at, "at");
        items = List.copyOf(items);
    }

    /**
     * One event of a brief.
     *
     * @param severity   the event's severity now, 0–100
     * @param headline   its headline
     * @param link       the link of its story, or {@code null}
     * @param counts     its fused casualty counts as shown in alerts (e.g. "12 killed, at least 30 injured"), or
     *                   {@code ""} for none
     * @param outlets    the outlets that reported it, comma-separated
     * @param storyId    the story id to look it up with {@code story}
     * @param tollChange how the counts changed since the alert was first sent (e.g. "5 killed → 12 killed"), or
     *                   {@code ""} when they did not
     */
    public record Item(int severity, String headline, String link, String counts, String outlets, String storyId,
                       String tollChange) {
        public Item {
            headline = clean(headline);
            link = link == null || link.isBlank() ? null : clean(link);
            counts = clean(counts);
            outlets = clean(outlets);
            storyId = clean(storyId);
            tollChange = clean(tollChange);
        }
    }

    /** @return the heading: "Daily brief · Mon 7 Dec 2026" (and "· part 1 of 2" when split) */
    public String title() {
        return "Daily brief · " + DAY.format(date) + (parts > 1 ? " · part " + part + " of " + parts : "");
    }

    /**
     * @return the line under the heading, e.g. "3 events reached this chat in the 24 hours before 08:00
     *         Europe/Kyiv, most severe first." or, when the brief covers another span (the brief time or the time
     *         zone changed since the last one), "2 events reached this chat between 14:00 and 16:00 Europe/Kyiv, most
     *         severe first." (both ends with their day when the start is on another date: "between Tue 26 Aug
     *         20:00 and Thu 28 Aug 08:00 Europe/Kyiv")
     */
    public String summary() {
        String head = total + (total == 1 ? " event" : " events") + " reached this chat ";
        String end = HM.format(at) + " " + newsalert.subscription.ChatTime.name(zone) + ", most severe first.";
        if (since == null) {
            return head + "in the 24 hours before " + end;
        }
        ZonedDateTime start = since.atZone(zone);
        long seconds = Duration.between(start, ZonedDateTime.of(date, at, zone)).getSeconds();
        if (Math.abs(seconds - 86_400) < 120) {
            return head + "in the 24 hours before " + end;
        }
        if (start.toLocalDate().equals(date)) {
            return head + "between " + HM.format(start) + " and " + end;
        }
        // a start on another day names its day, and then so does the end ("between Mon 1 Sep 08:00 and 08:00" read
        // as if both were the 1st)
        return head + "between " + SHORT_DAY.format(start) + " " + HM.format(start) + " and " + SHORT_DAY.format(date)
                + " " + end;
    }

    /** @return the item's second line: counts, outlets and story id, joined by " · " */
    public static String details(Item item) {
        List<String> parts = new ArrayList<>();
        if (!item.counts().isEmpty()) {
            parts.add(item.counts());
        }
        if (!item.outlets().isEmpty()) {
            parts.add(item.outlets());
        }
        parts.add("story " + item.storyId());
        return String.join(" · ", parts);
    }

    /** @return the toll line of an item that has one ("Toll since first sent: 5 killed → 12 killed") */
    public static String tollLine(Item item) {
        return "Toll since first sent: " + item.tollChange();
    }

    /**
     * @return the brief as plain text: heading, summary, then per event "N. [severity] headline", the details line
     *         and, when the toll changed, the toll line
     */
    public String plainText() {
        StringBuilder sb = new StringBuilder(title()).append('\n').append(summary()).append('\n');
        int n = first;
        for (Item item : items) {
            sb.append('\n').append(n++).append(". [").append(item.severity()).append("] ").append(item.headline())
                    .append('\n').append("   ").append(details(item)).append('\n');
            if (!item.tollChange().isEmpty()) {
                sb.append("   ").append(tollLine(item)).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Splits this whole brief into parts, each as many items as {@code fits} accepts (at least one, so an item too
     * long on its own still goes, cut by the adapter), numbered "part k of n".
     */
    public List<Brief> split(Predicate<Brief> fits) {
        List<List<Item>> groups = new ArrayList<>();
        List<Item> current = new ArrayList<>();
        int firstOfCurrent = 1;
        for (Item item : items) {
            current.add(item);
            // the heading of a part may say "part 10 of 10": measure with the longest
            Brief trial = part(current, firstOfCurrent, 99, 99);
            if (current.size() > 1 && !fits.test(trial)) {
                current.remove(current.size() - 1);
                groups.add(current);
                firstOfCurrent += current.size();
                current = new ArrayList<>(List.of(item));
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        List<Brief> parts = new ArrayList<>();
        int first = 1;
        for (int p = 0; p < groups.size(); p++) {
            parts.add(part(groups.get(p), first, p + 1, groups.size()));
            first += groups.get(p).size();
        }
        return parts;
    }

    /** @return a copy holding other items, numbered from {@code firstNumber}, as part {@code p} of {@code n} */
    Brief part(List<Item> partItems, int firstNumber, int p, int n) {
        return new Brief(date, zone, at, since, p, n, firstNumber, total, partItems);
    }

    /** @return the brief as one note: a header line, then one tab-separated line per item */
    public String encode() {
        StringBuilder sb = new StringBuilder(MAGIC).append('\t').append(date).append('\t').append(zone.getId())
                .append('\t').append(HM.format(at)).append('\t').append(part).append('\t').append(parts)
                .append('\t').append(first).append('\t').append(total);
        if (since != null) {
            sb.append('\t').append(since.toEpochMilli());
        }
        for (Item i : items) {
            sb.append('\n').append(String.join("\t", String.valueOf(i.severity()), i.headline(),
                    i.link() == null ? "" : i.link(), i.counts(), i.outlets(), i.storyId(), i.tollChange()));
        }
        return sb.toString();
    }

    /** @return whether an outbox note is an encoded brief */
    public static boolean isBrief(String note) {
        return note != null && note.startsWith(MAGIC);
    }

    /** @return the brief an {@link #encode()}d note holds; empty when the note is not one or is damaged */
    public static Optional<Brief> decode(String note) {
        if (!isBrief(note)) {
            return Optional.empty();
        }
        try {
            String[] lines = note.split("\n", -1);
            String[] h = lines[0].split("\t", -1);
            List<Item> items = new ArrayList<>();
            for (int k = 1; k < lines.length; k++) {
                String[] f = lines[k].split("\t", -1);
                items.add(new Item(Integer.parseInt(f[0]), f[1], f[2], f[3], f[4], f[5], f[6]));
            }
            Instant since = h.length > 8 ? Instant.ofEpochMilli(Long.parseLong(h[8])) : null;
            return Optional.of(new Brief(LocalDate.parse(h[1]), ZoneId.of(h[2]), LocalTime.parse(h[3]), since,
                    Integer.parseInt(h[4]), Integer.parseInt(h[5]), Integer.parseInt(h[6]), Integer.parseInt(h[7]),
                    items));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
