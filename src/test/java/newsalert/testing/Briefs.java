package newsalert.testing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import newsalert.delivery.Brief;

/** Daily briefs written for tests (made-up events, our own words). */
public final class Briefs {
    private Briefs() {
    }

    /** A two-event brief of 28 Aug 2025, 08:00 Kyiv: a strike whose toll rose, and talks without counts. */
    public static Brief twoEvents() {
        return new Brief(LocalDate.of(2025, 8, 28), ZoneId.of("Europe/Kyiv"), LocalTime.of(8, 0), null, 1, 1, 1, 2,
                List.of(
                new Brief.Item(87, "Strike on the river port <harbour> & depot", "https://news.test/port?a=1&b=2",
                        "12 killed, at least 30 injured", "Wire A, Wire B", "s-port", "5 killed → 12 killed"),
                new Brief.Item(55, "Envoys meet for a second round of talks", null, "", "Wire C", "s-talks", "")));
    }

    /** A whole brief of {@code n} events with long headlines, numbered as one part (to be split). */
    public static Brief many(int n) {
        List<Brief.Item> items = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            items.add(new Brief.Item(100 - i % 90, "Headline number " + i + " about a long day of shelling along"
                    + " the front line, told at some length so that briefs fill up & need splitting",
                    "https://news.test/story/" + i, i + " killed, at least " + (2 * i) + " injured",
                    "Wire A, Wire B, Wire C", "story-" + i, i % 3 == 0 ? (i - 1) + " killed → " + i + " killed" : ""));
        }
        return new Brief(LocalDate.of(2025, 8, 28), ZoneId.of("Europe/Kyiv"), LocalTime.of(8, 0), null, 1, 1, 1, n,
                items);
    }
}
