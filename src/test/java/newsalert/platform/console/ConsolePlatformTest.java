package newsalert.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.delivery.DeliveryReport;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.store.EventView;
import newsalert.store.OutboxKind;
import newsalert.store.OutboxStatus;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.subscription.Target;
import newsalert.testing.ConsoleRows;
import newsalert.testing.LogCapture;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console behind the outbox: global alerts, their edits and follow-ups reach standard output through the
 * real {@link DeliveryWorker} and a SQLite store, as {@code run} wires them.
 */
class ConsolePlatformTest {
    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final String FEED = "https://wire.test/world.rss";
    private static final String EVENT = "e-000000000001";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final StringWriter printed = new StringWriter();
    private JdbcNewsStore news;
    private DeliveryWorker worker;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("console.db"));
        worker = new DeliveryWorker(news.subscriptions(), List.of(ConsolePlatform.printing(new PrintWriter(printed))),
                RateLimits::forPlatform, clock, DeliverySettings.defaults());
    }

    @AfterEach
    void close() {
        news.close();
    }

    private static Story version(String title) {
        return Stories.story("s1", title, T0);
    }

    /** @return what was printed since the last call */
    private String takePrinted() {
        String text = printed.toString();
        printed.getBuffer().setLength(0);
        return text;
    }

    @Test
    void aGlobalAlertPrintsTheAlertBlockAndIsMarkedSentUnderItsHeadline() {
        news.recordEntry(FEED, version("Strike kills 19"), Stories.attackKilling(19), true, T0, List.of());

        DeliveryReport r = worker.deliverDue(T0);

        assertThat(r.sent()).isEqualTo(1);
        assertThat(takePrinted()).isEqualTo("""
                [ALERT] ATTACK · severity 80
                Strike kills 19
                Casualties: 19 killed, at least 48 injured
                “sabotaging peace talks” — Keir Starmer (UK Prime Minister)
                Test Wire · 2025-08-28 15:00 UTC · https://news.test/s1
                id: s1

                """);
        assertThat(ConsoleRows.pending(news)).isEmpty();
        assertThat(news.subscriptions().sentMessageId("s1", Target.CONSOLE)).contains("Strike kills 19");
        // a story alerted once is never queued for the console again, even from another feed
        news.recordEntry("https://other.test/rss", version("Strike kills 19"), Stories.attackKilling(19), true, T0,
                List.of());
        assertThat(ConsoleRows.pending(news)).isEmpty();
    }

    @Test
    void aRisingTollPrintsAnUpdateBlockNamingThePrintedAlert() {
        news.recordEntry(FEED, version("Strike kills 19"), Stories.attackKilling(19), true, T0, List.of());
        worker.deliverDue(T0);
        takePrinted();

        clock.advance(Duration.ofMinutes(5));
        List<Target> edited = news.reviseStory(version("Death toll rises to 23"), Stories.attackKilling(23),
                clock.instant());
        assertThat(edited).containsExactly(Target.CONSOLE);
        assertThat(worker.deliverDue(clock.instant()).edited()).isEqualTo(1);

        assertThat(takePrinted()).isEqualTo("""
                [UPDATE] ATTACK · severity 80 · revises “Strike kills 19”
                Death toll rises to 23
                Casualties: 23 killed, at least 48 injured
                “sabotaging peace talks” — Keir Starmer (UK Prime Minister)
                Test Wire · 2025-08-28 15:00 UTC · https://news.test/s1
                id: s1

                """);
        // the same counts again: nothing more to print
        assertThat(news.reviseStory(version("Death toll rises to 23"), Stories.attackKilling(23), clock.instant()))
                .isEmpty();
    }

    @Test
    void aSharpRiseOfAnEventsTollPrintsTheUpdateThenTheFollowUp() {
        EventView alerted = new EventView(EVENT, version("Strike kills 12"), Stories.attackKilling(12));
        news.recordEntry(FEED, version("Strike kills 12"), Stories.attackKilling(12), true, T0, List.of(), EVENT,
                alerted);
        worker.deliverDue(T0);
        assertThat(takePrinted()).startsWith("[ALERT] ATTACK · severity 80\nStrike kills 12\n");

        clock.advance(Duration.ofMinutes(5));
        news.reviseEvent(new EventView(EVENT, version("Strike kills 12"), Stories.attackKilling(41)),
                clock.instant(), "Death toll now 41 (was 12), 2 outlets: Strike kills 12");
        assertThat(ConsoleRows.pending(news)).extracting(o -> o.kind())
                .containsExactly(OutboxKind.EDIT, OutboxKind.REPLY);
        worker.deliverDue(clock.instant());

        assertThat(takePrinted()).isEqualTo("""
                [UPDATE] ATTACK · severity 80 · revises “Strike kills 12”
                Strike kills 12
                Casualties: 41 killed, at least 48 injured
                “sabotaging peace talks” — Keir Starmer (UK Prime Minister)
                Test Wire · 2025-08-28 15:00 UTC · https://news.test/s1
                id: s1

                [FOLLOW-UP] Death toll now 41 (was 12), 2 outlets: Strike kills 12

                """);
        assertThat(news.queries().delivery("s1", Target.CONSOLE)).contains(OutboxStatus.SENT);
    }

    @Test
    void aFollowUpNamesTheAlertItFollowsUnlessItsTextAlreadyDoes() {
        assertThat(AlertText.followUp("Strike kills 12", "Death toll now 41 (was 12)"))
                .isEqualTo("[FOLLOW-UP] Death toll now 41 (was 12) · on “Strike kills 12”\n");
        assertThat(AlertText.followUp("Strike kills 12", "Death toll now 41 (was 12), 2 outlets: Strike kills 12"))
                .isEqualTo("[FOLLOW-UP] Death toll now 41 (was 12), 2 outlets: Strike kills 12\n");
        assertThat(AlertText.followUp(null, "Toll rises")).isEqualTo("[FOLLOW-UP] Toll rises\n");
    }

    @Test
    void aLongHeadlineIsKeptAsAMessageIdOfAtMost120Characters() {
        String id = AlertText.messageId(Stories.story("x", "Strike ".repeat(40).strip(), T0));
        assertThat(id).hasSize(AlertText.MESSAGE_ID_CHARS).startsWith("Strike Strike").endsWith("…");
        assertThat(AlertText.messageId(Stories.story("y", " ", T0))).isEqualTo("(untitled)");
    }

    @Test
    void aBacklogIsPrintedAlertByAlertNeverAsADigest() {
        for (int i = 1; i <= 12; i++) {
            news.recordEntry(FEED, Stories.story("b" + i, "Strike " + i, T0), Stories.attack(true), true, T0,
                    List.of());
        }

        DeliveryReport r = worker.deliverDue(T0);

        assertThat(r.sent()).isEqualTo(12);
        assertThat(r.merged()).isZero();
        String out = takePrinted();
        assertThat(out.split("\n")).filteredOn(l -> l.startsWith("[")).hasSize(12).allMatch(l -> l.startsWith(
                "[ALERT] "));
        assertThat(out.indexOf("id: b1\n")).isLessThan(out.indexOf("id: b12\n"));
    }

    @Test
    void inChatModeEachConsoleMessageIsOneLogLine() {
        DeliveryWorker logging = new DeliveryWorker(news.subscriptions(), List.of(ConsolePlatform.logging()),
                RateLimits::forPlatform, clock, DeliverySettings.defaults());
        news.recordEntry(FEED, version("Strike kills 19"), Stories.attackKilling(19), true, T0, List.of());
        try (LogCapture log = LogCapture.of(ConsolePlatform.class)) {
            logging.deliverDue(T0);
            news.reviseStory(version("Death toll rises to 23"), Stories.attackKilling(23), T0.plusSeconds(60));
            logging.deliverDue(T0.plusSeconds(60));

            assertThat(log.lines()).containsExactly(
                    "INFO alert: Strike kills 19 ([ATTACK], severity 80, id s1)",
                    "INFO alert update: Death toll rises to 23 ([ATTACK], severity 80, casualties 23 killed, at least"
                            + " 48 injured, id s1)");
        }
        assertThat(printed.toString()).isEmpty();
    }
}
