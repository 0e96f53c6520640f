package newsalert.command;

import static newsalert.command.CommandFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import newsalert.subscription.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 5: {@code brief daily HH:MM} / {@code brief off}, per chat, moderators only, shown by
 * {@code subscriptions}; turned on after today's time has passed, the first brief is tomorrow's. The fixture's
 * clock reads 2025-08-28 15:00 UTC.
 */
class BriefCommandTest {
    @TempDir
    Path dir;
    CommandFixture f;

    @BeforeEach
    void open() {
        f = new CommandFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private LocalTime brief() {
        return f.news.subscriptions().chatSettings(Platform.TELEGRAM, GROUP.chatId()).brief();
    }

    @Test
    void aTimeStillAheadTodayGivesTodaysBrief() {
        f.admin("timezone Europe/Kyiv"); // 18:00 there
        assertThat(f.admin("brief daily 20:30")).isEqualTo(Reply.of("A daily brief comes at 20:30 Europe/Kyiv: the"
                + " events this chat was alerted to since the brief before, most severe first. The next one comes"
                + " today, Thu 28 Aug at 20:30 with the events since Wed 27 Aug 20:30. Turn it off with: brief off"));
        assertThat(brief()).isEqualTo(LocalTime.of(20, 30));
        assertThat(f.news.subscriptions().briefChats()).singleElement()
                .satisfies(c -> assertThat(c.windowStart()).contains(Instant.parse("2025-08-27T17:30:00Z")));
    }

    @Test
    void aTimeAlreadyPassedTodayStartsTomorrow() {
        assertThat(f.admin("brief daily 8:00").text()).contains("comes at 08:00 UTC")
                .contains("The next one comes Fri 29 Aug at 08:00 with the events since 08:00 today.");
        assertThat(f.news.subscriptions().briefChats()).singleElement()
                .satisfies(c -> assertThat(c.windowStart()).contains(Instant.parse("2025-08-28T08:00:00Z")));
        assertThat(f.admin("brief 09:15").text()).contains("comes at 09:15 UTC");
        assertThat(brief()).isEqualTo(LocalTime.of(9, 15));
    }

    /** tester18: moved later after today's brief went, the reply promised today and the brief came tomorrow. */
    @Test
    void movedLaterAfterTodaysBriefTheNextGoesTodayWithWhatCameSince() {
        f.clock.set(Instant.parse("2025-08-28T13:00:00Z"));
        f.admin("brief daily 14:00");
        assertThat(f.news.subscriptions().queueBrief(Platform.TELEGRAM, GROUP.chatId(), LocalDate.of(2025, 8, 28),
                Instant.parse("2025-08-28T14:00:00Z"), List.of(), Instant.parse("2025-08-28T14:00:10Z"))).isTrue();
        f.clock.set(Instant.parse("2025-08-28T15:00:00Z"));
        assertThat(f.admin("brief daily 16:00").text()).isEqualTo("A daily brief comes at 16:00 UTC: the events"
                + " this chat was alerted to since the brief before, most severe first. The next one comes today,"
                + " Thu 28 Aug at 16:00 with the events since 14:00 today. Turn it off with: brief off");
        assertThat(f.news.subscriptions().briefChats()).singleElement()
                .satisfies(c -> assertThat(c.windowStart()).contains(Instant.parse("2025-08-28T14:00:10Z")));
        // moved earlier again: today's 10:00 is before the last brief, so tomorrow
        assertThat(f.admin("brief daily 10:00").text()).contains("The next one comes Fri 29 Aug at 10:00 with the"
                + " events since 14:00 today.");
    }

    @Test
    void movedToATimePassedWithNoBriefSinceOneGoesWithinAMinute() {
        f.admin("brief daily 16:00");   // 15:00 UTC: today's, from 16:00 yesterday
        assertThat(f.admin("brief daily 10:00").text()).contains("The next one comes within a minute (today's 10:00"
                + " has passed and no brief went since) with the events since Wed 27 Aug 16:00.");
    }

    @Test
    void turnedOffAndOnAgainTheFirstBriefHasTheDayBefore() {
        f.admin("brief daily 16:00");
        f.news.subscriptions().queueBrief(Platform.TELEGRAM, GROUP.chatId(), LocalDate.of(2025, 8, 20),
                Instant.parse("2025-08-20T16:00:00Z"), List.of(), Instant.parse("2025-08-20T16:00:00Z"));
        f.admin("brief off");
        assertThat(f.admin("brief daily 16:00").text()).contains("The next one comes today, Thu 28 Aug at 16:00 with"
                + " the events since Wed 27 Aug 16:00.");
    }

    @Test
    void turnedOffAndOnAgainAfterTodaysBriefTheNextStartsAtThatBriefNotBefore() {
        f.clock.set(Instant.parse("2025-08-28T13:00:00Z"));
        f.admin("brief daily 14:00");
        assertThat(f.news.subscriptions().queueBrief(Platform.TELEGRAM, GROUP.chatId(), LocalDate.of(2025, 8, 28),
                Instant.parse("2025-08-28T14:00:00Z"), List.of(), Instant.parse("2025-08-28T14:00:10Z"))).isTrue();
        f.clock.set(Instant.parse("2025-08-28T15:00:00Z"));
        f.admin("brief off");
        // earlier than today's brief: the window would start at 10:00 today and repeat 10:00-14:00 tomorrow
        assertThat(f.admin("brief daily 10:00").text()).contains("The next one comes Fri 29 Aug at 10:00 with the"
                + " events since 14:00 today.");
        assertThat(f.news.subscriptions().briefChat(Platform.TELEGRAM, GROUP.chatId()).windowStart())
                .contains(Instant.parse("2025-08-28T14:00:10Z"));
        f.admin("brief off");
        // later today: the next goes today, with only what came after the brief that went
        assertThat(f.admin("brief daily 16:00").text()).contains("The next one comes today, Thu 28 Aug at 16:00 with"
                + " the events since 14:00 today.");
    }

    @Test
    void offAndBadTimes() {
        f.admin("brief daily 08:00");
        assertThat(f.admin("brief off")).isEqualTo(Reply.of("The daily brief is off."));
        assertThat(brief()).isNull();
        assertThat(f.admin("brief daily 24:00")).isEqualTo(Reply.ephemeral("Give a time of day from 00:00 to 23:59,"
                + " like: brief daily 08:00, or: brief off.\nUsage: brief daily <HH:MM>|off"));
        assertThat(f.admin("brief")).isEqualTo(Reply.ephemeral("Give a time of day, like: brief daily 08:00, or:"
                + " brief off.\nUsage: brief daily <HH:MM>|off"));
        assertThat(f.admin("brief weekly 08:00").ephemeral()).isTrue();
        assertThat(brief()).isNull();
    }

    @Test
    void onlyModeratorsChangeItAndSubscriptionsShowsIt() {
        f.admin("subscribe");
        assertThat(f.member("brief daily 08:00")).isEqualTo(
                Reply.ephemeral("Only chat admins can change the daily brief here."));
        assertThat(brief()).isNull();
        assertThat(f.member("subscriptions").text()).contains("\nDaily brief: off.");
        f.admin("timezone Europe/Kyiv");
        f.admin("brief daily 07:45");
        assertThat(f.member("subscriptions").text()).contains("\nDaily brief: daily at 07:45 Europe/Kyiv.");
    }
}
