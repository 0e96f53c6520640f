package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Topic;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import newsalert.testing.Briefs;
import org.junit.jupiter.api.Test;

/** The daily brief's value, its encoding in an outbox note, its split into parts and its due day (pure). */
class BriefTest {
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final ChatSettings AT_EIGHT = ChatSettings.defaults(Platform.TELEGRAM, "-1").withZone(KYIV)
            .withBrief(LocalTime.of(8, 0));

    @Test
    void anEncodedBriefReadsBackTheSameAndTabsOrNewlinesInTextBecomeSpaces() {
        Brief b = Briefs.twoEvents();
        assertThat(Brief.decode(b.encode())).contains(b);
        Brief.Item odd = new Brief.Item(40, "A\ttabbed\nheadline", "", "", "Wire\r\nA", "id", "");
        assertThat(odd.headline()).isEqualTo("A tabbed headline");
        assertThat(odd.outlets()).isEqualTo("Wire A");
        assertThat(odd.link()).isNull();
        assertThat(Brief.isBrief("Alerts of feed x are held back")).isFalse();
        assertThat(Brief.decode("#newsalert-brief v1\tbroken")).isEmpty();
    }

    @Test
    void plainTextListsEachEventWithDetailsAndTollLine() {
        assertThat(Briefs.twoEvents().plainText()).isEqualTo("""
                Daily brief · Thu 28 Aug 2025
                2 events reached this chat in the 24 hours before 08:00 Europe/Kyiv, most severe first.

                1. [87] Strike on the river port <harbour> & depot
                   12 killed, at least 30 injured · Wire A, Wire B · story s-port
                   Toll since first sent: 5 killed → 12 killed

                2. [55] Envoys meet for a second round of talks
                   Wire C · story s-talks
                """);
    }

    @Test
    void splitKeepsOrderNumbersEachPartAndSendsAnOversizedItemAlone() {
        List<Brief> parts = Briefs.many(7).split(p -> p.items().size() <= 3);
        assertThat(parts).extracting(Brief::part).containsExactly(1, 2, 3);
        assertThat(parts).extracting(Brief::parts).containsExactly(3, 3, 3);
        assertThat(parts).extracting(Brief::first).containsExactly(1, 4, 7);
        assertThat(parts.get(2).plainText()).startsWith("Daily brief · Thu 28 Aug 2025 · part 3 of 3\n7 events")
                .contains("\n7. [");
        assertThat(Briefs.many(2).split(p -> false)).hasSize(2);
        assertThat(Briefs.twoEvents().split(p -> true)).containsExactly(Briefs.twoEvents());
    }

    @Test
    void theBriefIsDueOnceTheLocalTimeHasComeAndNoBriefWentSinceThatTime() {
        LocalDate day = LocalDate.of(2025, 8, 28);
        Instant yesterdays = Instant.parse("2025-08-27T05:00:00Z");
        Instant todays = Instant.parse("2025-08-28T05:00:00Z");
        assertThat(BriefScheduler.dueDay(AT_EIGHT, null, Instant.parse("2025-08-28T04:59:59Z"))).isEmpty();
        assertThat(BriefScheduler.dueDay(AT_EIGHT, null, todays)).contains(day);
        assertThat(BriefScheduler.dueDay(AT_EIGHT, yesterdays, Instant.parse("2025-08-28T20:59:00Z")))
                .contains(day);
        assertThat(BriefScheduler.dueDay(AT_EIGHT, todays, Instant.parse("2025-08-28T20:59:00Z"))).isEmpty();
        // 21:00 UTC is already the next day in Kyiv, before its 08:00
        assertThat(BriefScheduler.dueDay(AT_EIGHT, todays, Instant.parse("2025-08-28T21:00:00Z"))).isEmpty();
        assertThat(BriefScheduler.dueDay(AT_EIGHT.withBrief(null), null, Instant.parse("2025-08-28T12:00:00Z")))
                .isEmpty();
        // briefed at 08:00, then moved to 10:00: due again at 10:00 the same day
        ChatSettings atTen = AT_EIGHT.withBrief(LocalTime.of(10, 0));
        assertThat(BriefScheduler.dueDay(atTen, todays, Instant.parse("2025-08-28T06:59:59Z"))).isEmpty();
        assertThat(BriefScheduler.dueDay(atTen, todays, Instant.parse("2025-08-28T07:00:00Z"))).contains(day);
        // briefed at 10:00, then moved to 08:00: not again today
        assertThat(BriefScheduler.dueDay(AT_EIGHT, Instant.parse("2025-08-28T07:00:00Z"),
                Instant.parse("2025-08-28T08:00:00Z"))).isEmpty();
    }

    @Test
    void theWindowStartsAtTheLastBriefButCoversAtMostThreeDays() {
        LocalDate day = LocalDate.of(2025, 8, 28);
        Instant now = Instant.parse("2025-08-28T05:00:00Z");
        assertThat(BriefScheduler.windowStart(AT_EIGHT, null, day, now))
                .isEqualTo(Instant.parse("2025-08-27T05:00:00Z"));
        assertThat(BriefScheduler.windowStart(AT_EIGHT, Instant.parse("2025-08-27T13:00:00Z"), day, now))
                .isEqualTo(Instant.parse("2025-08-27T13:00:00Z"));
        assertThat(BriefScheduler.windowStart(AT_EIGHT, Instant.parse("2025-08-01T05:00:00Z"), day, now))
                .isEqualTo(Instant.parse("2025-08-25T05:00:00Z"));
    }

    @Test
    void theSummaryNamesTheSpanWhenItIsNotTheUsualDay() {
        Brief usual = Briefs.twoEvents();
        assertThat(usual.summary()).isEqualTo("2 events reached this chat in the 24 hours before 08:00 Europe/Kyiv,"
                + " most severe first.");
        Brief sameDay = new Brief(usual.date(), usual.zone(), LocalTime.of(16, 0),
                Instant.parse("2025-08-28T11:00:00Z"), 1, 1, 1, 2, usual.items());
        assertThat(sameDay.summary()).isEqualTo("2 events reached this chat between 14:00 and 16:00 Europe/Kyiv,"
                + " most severe first.");
        Brief longer = new Brief(usual.date(), usual.zone(), LocalTime.of(8, 0),
                Instant.parse("2025-08-26T17:00:00Z"), 1, 1, 1, 2, usual.items());
        assertThat(longer.summary()).isEqualTo("2 events reached this chat between Tue 26 Aug 20:00 and Thu 28 Aug 08:00"
                + " Europe/Kyiv, most severe first.");
        Brief day = new Brief(usual.date(), usual.zone(), LocalTime.of(8, 0),
                Instant.parse("2025-08-27T05:00:30Z"), 1, 1, 1, 2, usual.items());
        assertThat(day.summary()).isEqualTo(usual.summary());
        assertThat(Brief.decode(sameDay.encode())).contains(sameDay);
        assertThat(Brief.decode(usual.encode())).contains(usual);
    }

    @Test
    void theWindowFollowsTheLocalClockAcrossASummerTimeChange() {
        // Kyiv leaves summer time on 26 Oct 2025: 08:00 is 05:00 UTC before and 06:00 UTC after
        ChatSettings chat = AT_EIGHT;
        assertThat(BriefScheduler.briefTime(chat, LocalDate.of(2025, 10, 25)))
                .isEqualTo(Instant.parse("2025-10-25T05:00:00Z"));
        assertThat(BriefScheduler.briefTime(chat, LocalDate.of(2025, 10, 26)))
                .isEqualTo(Instant.parse("2025-10-26T06:00:00Z"));
    }

    @Test
    void theTollLineSaysWhatWasFirstSentAndWhatStandsNow() {
        Assessment five = new Assessment(Set.of(Topic.ATTACK), 80, List.of(),
                new Casualties(CasualtyCount.exact(5), null, null), List.of(), true);
        Assessment twelve = new Assessment(Set.of(Topic.ATTACK), 80, List.of(),
                new Casualties(CasualtyCount.exact(12), null, null), List.of(), true);
        Assessment none = new Assessment(Set.of(Topic.ATTACK), 80, List.of(), Casualties.NONE, List.of(), true);
        assertThat(BriefScheduler.tollChange(five, twelve)).isEqualTo("5 killed → 12 killed");
        assertThat(BriefScheduler.tollChange(none, five)).isEqualTo("none → 5 killed");
        assertThat(BriefScheduler.tollChange(five, five)).isEmpty();
        assertThat(BriefScheduler.tollChange(null, five)).isEmpty();
    }

    @Test
    void aLongHeadlineIsCutBeforeAnEmojiRatherThanThroughIt() {
        Assessment a = new Assessment(Set.of(Topic.ATTACK), 80, List.of(), Casualties.NONE, List.of(), true);
        // 278 letters, then an emoji whose two UTF-16 units sit at 278 and 279: the cut at 279 would split it
        String title = "a".repeat(278) + "\uD83D\uDD25" + " and more words after it";
        var e = new newsalert.store.Briefs.Event("s-1", new newsalert.story.Story("s-1", "Wire", title,
                "https://news.example.org/1", null, ""), a, null, List.of("Wire"), null);
        String cut = BriefScheduler.item(e).headline();
        assertThat(cut).isEqualTo("a".repeat(278) + "…");
        assertThat(cut.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
        String whole = "a".repeat(277) + "\uD83D\uDD25" + " and more words after it";
        var kept = new newsalert.store.Briefs.Event("s-2", new newsalert.story.Story("s-2", "Wire", whole,
                "https://news.example.org/2", null, ""), a, null, List.of("Wire"), null);
        assertThat(BriefScheduler.item(kept).headline()).isEqualTo("a".repeat(277) + "\uD83D\uDD25…");
    }
}
