package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import newsalert.platform.telegram.FakeTelegramApi;
import newsalert.platform.telegram.FakeTelegramApi.Sent;
import newsalert.store.OutboxItem;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.JumpingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole bot against a fake Telegram Bot API and a feed server, both on 127.0.0.1: {@code run} with the real
 * TelegramBots client, the SQLite outbox and the delivery loop. The in-process scenario moves the bot's clock
 * over {@code poll.interval} for each further poll ({@link RunningBot#nextPoll()}); the restart scenario runs
 * real processes and so waits one real {@code poll.interval} (10 s, the smallest allowed).
 */
class TelegramEndToEndTest {
    private static final long GROUP = -1001234567890L;
    private static final long ADMIN = 7001;
    private static final long MEMBER = 7002;
    private static final Duration WAIT = Duration.ofSeconds(40);
    /**
     * Upper bound for what a bot in its own JVM does: that JVM starts, loads the bot and polls first. Only a
     * broken run reaches it; on a 2-core machine shared by several builds a start alone took over 40 s.
     */
    private static final Duration PROCESS_WAIT = Duration.ofSeconds(120);
    /** A fixed publication time keeps the snapshot stable; {@code poll.max-age} is set wide enough to alert on it. */
    private static final Instant PUBLISHED = Instant.parse("2025-08-28T15:00:00Z");
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FakeTelegramApi telegram;
    private final MockWebServer feeds = new MockWebServer();
    /** Which feed version the feed server answers with: 1, 2, 3… (the last one stays). */
    private final AtomicInteger version = new AtomicInteger(1);
    private Path config;

    @BeforeEach
    void start() throws IOException {
        telegram = new FakeTelegramApi();
        telegram.setMemberStatus(GROUP, ADMIN, "administrator");
        feeds.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml")
                        .body(feed(version.get())).build();
            }
        });
        feeds.start(InetAddress.getLoopbackAddress(), 0);
        config = dir.resolve("newsalert.yml");
        Files.writeString(config, """
                store:
                  url: "jdbc:sqlite:%s"
                poll:
                  interval: 10s
                  max-age: 3650d
                telegram:
                  token: "%s"
                  api-url: "%s"
                feeds:
                  - url: %s
                    name: Loopback Wire
                """.formatted(dir.resolve("e2e.db"), FakeTelegramApi.TOKEN, telegram.apiUrl(),
                feeds.url("/world.xml")));
    }

    @AfterEach
    void stop() {
        telegram.close();
        feeds.close();
    }

    @Test
    void anAdminSubscribesANewStoryArrivesOnceFormattedAndARisingTollEditsIt() throws Exception {
        RunningBot bot = RunningBot.start(config);
        try {
            telegram.pushGroupCommand(GROUP, ADMIN, "/subscribe attack");
            telegram.pushGroupCommand(GROUP, MEMBER, "/keywords add drone");
            List<Sent> replies = telegram.awaitSent(2, WAIT);
            assertThat(replies).hasSize(2);
            assertThat(replies.get(0).text()).startsWith("Subscribed");
            assertThat(replies.get(1).text()).isEqualTo("Only chat admins can change keywords here.");
            // the first alert attempt meets flood control; it must be retried after retry_after, not dropped
            telegram.failNextSends(1, FakeTelegramApi.Failure.rateLimited(2));
            int callsBefore = telegram.callCount("sendMessage");

            version.set(2);   // the next poll sees two new attacks
            bot.nextPoll();
            // the 429 asks to wait 2 s: the clock skips them, and the next delivery round (each second) retries
            assertThat(telegram.awaitCall("sendMessage", callsBefore, WAIT)).isTrue();
            bot.clock().jump(Duration.ofSeconds(2));
            List<Sent> all = telegram.awaitSent(4, WAIT);
            assertThat(all).hasSize(4);
            List<Sent> alerts = all.subList(2, 4);
            assertThat(alerts).extracting(Sent::chatId).containsOnly(String.valueOf(GROUP));
            assertThat(alerts).extracting(Sent::parseMode).containsOnly("HTML");
            assertThat(alerts).extracting(Sent::previewsDisabled).containsOnly(true);
            assertThat(telegram.callCount("sendMessage") - callsBefore).isEqualTo(3);   // one 429, two sends
            Sent special = alerts.stream().filter(s -> s.text().contains("Odesa")).findFirst().orElseThrow();
            assertThat(special.text()).isEqualTo(snapshot("e2e-alert.html"));
            Sent longOne = alerts.stream().filter(s -> s.text().contains("Zaporizhzhia")).findFirst().orElseThrow();
            assertThat(longOne.text().length()).isLessThanOrEqualTo(4096);
            assertThat(longOne.text()).contains("http://127.0.0.1/world/zaporizhzhia-shelling");

            version.set(3);   // the Odesa entry is republished with a higher toll
            bot.nextPoll();
            var edits = telegram.awaitEdits(1, WAIT);
            assertThat(edits).hasSize(1);
            assertThat(edits.get(0).messageId()).isEqualTo(special.messageId());
            assertThat(edits.get(0).text()).contains("11 killed");
        } finally {
            bot.stop();
        }
        // an edit, never a new post: once stopped (the feed read that queued the edit is fully stored), nothing
        // was sent beyond the four messages and nothing is left queued for a later run to send
        assertThat(telegram.sent()).hasSize(4);
        assertThat(pendingRows()).isEmpty();
    }

    /**
     * Issue 18 item 5 end to end on Telegram: an admin turns the daily brief on for a time two hours ahead (a
     * member may not), two alerts arrive, and when the bot's clock passes the brief's time one HTML brief message
     * lists them, most severe first, with outlet and story id; it is not sent again. Then the other chat settings
     * (quiet hours, pictures, quiet-below) are changed by the admin, refused to a member, and all shown by
     * {@code subscriptions}.
     */
    @Test
    void anAdminTurnsTheDailyBriefOnAndItArrivesOnceAtItsTime() throws Exception {
        RunningBot bot = RunningBot.start(config);
        try {
            String at = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC)
                    .format(bot.clock().instant().plus(Duration.ofHours(2)));
            telegram.pushGroupCommand(GROUP, ADMIN, "/subscribe attack");
            telegram.pushGroupCommand(GROUP, MEMBER, "/brief daily " + at);
            telegram.pushGroupCommand(GROUP, ADMIN, "/brief daily " + at);
            List<Sent> replies = telegram.awaitSent(3, WAIT);
            assertThat(replies).hasSize(3);
            assertThat(replies.get(1).text()).isEqualTo("Only chat admins can change the daily brief here.");
            assertThat(replies.get(2).text()).startsWith("A daily brief comes at " + at + " UTC");

            version.set(2);   // two new attacks
            bot.nextPoll();
            assertThat(telegram.awaitSent(5, WAIT)).hasSize(5);

            bot.clock().jump(Duration.ofHours(2).plusMinutes(1));
            List<Sent> all = telegram.awaitSent(6, WAIT);
            assertThat(all).hasSize(6);
            Sent brief = all.get(5);
            assertThat(brief.parseMode()).isEqualTo("HTML");
            assertThat(brief.text()).startsWith("<b>Daily brief · ")
                    .contains("2 events reached this chat in the 24 hours before " + at + " UTC")
                    .contains("Drone strike on Odesa port kills 7").contains("Shelling of Zaporizhzhia kills 4")
                    .contains("Loopback Wire · story ");
            // every other setting of the chat, through the same client: admins change it, members may not, and
            // subscriptions shows them all
            bot.clock().jump(Duration.ofMinutes(5));
            telegram.pushGroupCommand(GROUP, MEMBER, "/pictures off");
            telegram.pushGroupCommand(GROUP, ADMIN, "/quiet_hours 23:00-07:00");
            telegram.pushGroupCommand(GROUP, ADMIN, "/pictures off");
            telegram.pushGroupCommand(GROUP, ADMIN, "/quiet_below 30");
            telegram.pushGroupCommand(GROUP, MEMBER, "/subscriptions");
            List<Sent> after = telegram.awaitSent(11, WAIT);
            assertThat(after).hasSize(11);
            assertThat(after.get(6).text()).isEqualTo("Only chat admins can change pictures here.");
            assertThat(after.get(10).text()).contains("\nQuiet below: alerts with severity below 30 arrive silently.\n")
                    .contains("\nQuiet hours: 23:00-07:00, silent unless severity 90 or more.\nPictures: off.\n"
                            + "Daily brief: daily at " + at + " UTC.");
        } finally {
            bot.stop();
        }
        assertThat(telegram.sent()).filteredOn(s -> s.text().startsWith("<b>Daily brief · ")).hasSize(1);
    }

    @Test
    void killedInTheMiddleOfADeliveryAndRestartedEveryAlertArrivesExactlyOnce() throws Exception {
        telegram.holdSendsAfter(2);   // the subscribe reply and the first alert go; the second alert hangs
        Process first = startProcess("first");
        Process second = null;
        try {
            telegram.pushGroupCommand(GROUP, ADMIN, "/subscribe attack");
            assertThat(telegram.awaitSent(1, PROCESS_WAIT)).hasSize(1);
            version.set(2);
            assertThat(telegram.awaitHeld(PROCESS_WAIT)).as("a second alert on its way").isTrue();

            first.destroyForcibly();   // SIGKILL: no shutdown hook, no clean close of the database
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            telegram.releaseHeld();
            second = startProcess("second");

            List<String> alerts = awaitAlerts(2);
            assertThat(alerts).hasSize(2);
            assertThat(alerts.get(0)).contains("Drone strike on Odesa port kills 7");
            assertThat(alerts.get(1)).contains("Shelling of Zaporizhzhia kills 4");
            // nothing more comes: no alert is sent twice after the restart. Stopped as SIGTERM would (its delivery
            // finishes), the second run leaves no row queued that a later run could still send
            second.destroy();
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(alertTexts()).hasSize(2);
            assertThat(pendingRows()).isEmpty();
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
                second.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts {@code newsalert run} in its own JVM on the test classpath, its output in a file named by tag. */
    private Process startProcess(String tag) throws IOException {
        return ChildRun.start(config, dir.resolve(tag + ".log"));
    }

    /** The outbox rows of the bot's database that are still to be sent, read after the bot stopped. */
    private List<OutboxItem> pendingRows() {
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("e2e.db"))) {
            return store.subscriptions().pendingOutbox(10);
        }
    }

    private List<String> alertTexts() {
        return telegram.sent().stream().map(Sent::text).filter(t -> t.startsWith("<b>[ALERT]")).toList();
    }

    private List<String> awaitAlerts(int n) throws Exception {
        ChildRun.pollUntil(PROCESS_WAIT, Duration.ofMillis(100), () -> alertTexts().size() >= n);
        return alertTexts();
    }

    private String snapshot(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/snapshots/telegram/" + name)) {
            assertThat(in).as("snapshot " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        }
    }

    /** Feed versions: 1 = a council story; 2 = plus two attacks; 3 = the Odesa attack's toll revised. */
    static String feed(int version) {
        String now = RFC_1123.format(PUBLISHED);
        StringBuilder items = new StringBuilder(item("e2e-0001", "City council approves new cycle lanes",
                "local/cycle-lanes", now, "The council voted 31 to 12 in favour of the plan."));
        if (version >= 2) {
            String killed = version >= 3 ? "11" : "7";
            items.append(item("e2e-0002",
                    "Drone strike on Odesa port kills " + killed + ": 3 < 4 > 2 & \"more\" 'soon' - a.b! _x_ *y* [z] (w)",
                    "world/odesa-strike", now,
                    "A Russian drone strike on the port of Odesa killed " + killed + " people and injured 20 others"
                            + " overnight, the regional governor said. \"This was an attack on a civilian port,\""
                            + " Governor Oleh Kiper said."));
            items.append(item("e2e-0003", "Shelling of Zaporizhzhia kills 4", "world/zaporizhzhia-shelling", now,
                    longBody()));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Loopback Wire</title><link>http://127.0.0.1/</link>
                <description>End-to-end test feed</description>
                %s</channel></rss>
                """.formatted(items);
    }

    private static String item(String guid, String title, String path, String date, String body) {
        return "<item><title>" + xml(title) + "</title><link>http://127.0.0.1/" + path + "</link><guid>" + guid
                + "</guid><pubDate>" + date + "</pubDate><description>" + xml(body) + "</description></item>\n";
    }

    /** A body of about 6,000 characters: a real opening, then numbered paragraphs of background. */
    private static String longBody() {
        StringBuilder sb = new StringBuilder("Russian shelling of Zaporizhzhia killed 4 people and injured 9 on"
                + " Tuesday, the regional administration said.");
        for (int i = 1; sb.length() < 6000; i++) {
            sb.append(" Paragraph ").append(i).append(" of the background: residents described the night of"
                    + " explosions, queues at the water points and the work of repair crews across the city.");
        }
        return sb.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * {@code run} on a background thread, stopped as Ctrl-C would. It polls once at start and then only when
     * the test calls {@link #nextPoll()}: its clock jumps over {@code poll.interval} instead of waiting for it.
     */
    record RunningBot(RunCommand command, CompletableFuture<Integer> exit, StringWriter out, DrivenPollWait polls,
                      JumpingClock clock) {
        static RunningBot start(Path config) {
            JumpingClock clock = new JumpingClock();
            DrivenPollWait polls = new DrivenPollWait(clock);
            RunCommand cmd = new RunCommand(clock, polls);
            CommandLine cl = new CommandLine(cmd);
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            // its own thread, not the common pool: on 2 cores that pool has one thread, and a second bot of the
            // same test would not start until the first one ends
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> cl.execute("--config", config.toString()), task -> {
                        Thread t = new Thread(task, "run-under-test");
                        t.setDaemon(true);
                        t.start();
                    });
            return new RunningBot(cmd, exit, out, polls, clock);
        }

        /** Waits for the poll cycle in progress (the first, at start) to be stored, then runs the next one. */
        void nextPoll() throws InterruptedException {
            polls.nextCycle();
        }

        void stop() throws Exception {
            polls.stopping();
            command.requestStop();
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        }
    }
}
