package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 7: {@code kill -9} of a {@code run} process two seconds after Telegram accepted a digest, a
 * follow-up reply and an edit, then a restart on the same database: nothing Telegram accepted is sent again.
 * Real processes (the real TelegramBots client, SQLite, the delivery loop), so each further poll waits one real
 * {@code poll.interval} (10 s), and each kill waits two real seconds after the fake's last accepted message.
 */
class KillNineDeliveryTest {
    private static final long GROUP = -1001234567890L;
    private static final long ADMIN = 7001;
    /** A bot in its own JVM on a loaded 2-core machine: start, load, first poll. Only a broken run reaches it. */
    private static final Duration PROCESS_WAIT = Duration.ofSeconds(150);
    /** How long after the fake's last accepted message the bot is killed. */
    private static final Duration KILL_AFTER = Duration.ofSeconds(2);
    /**
     * Publication time of the stories: an hour before the test, so that the harbour strike's event is still in
     * the bots' event memory (its window counts from the real clock of the processes) when the second outlet joins.
     */
    private static final Instant PUBLISHED = Instant.now().minus(Duration.ofHours(1)).truncatedTo(
            java.time.temporal.ChronoUnit.SECONDS);
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FakeTelegramApi telegram;
    private final MockWebServer feeds = new MockWebServer();
    /**
     * 1 = one quiet story; 2 = plus six attacks (a backlog: a digest); 3 = plus the harbour strike; 4 = a second
     * outlet reports its toll risen sharply.
     */
    private final AtomicInteger version = new AtomicInteger(1);
    private final AtomicInteger feedReads = new AtomicInteger();
    private Path config;

    @BeforeEach
    void start() throws IOException {
        telegram = new FakeTelegramApi();
        telegram.setMemberStatus(GROUP, ADMIN, "administrator");
        feeds.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                feedReads.incrementAndGet();
                String path = request.getUrl() == null ? "" : request.getUrl().encodedPath();
                return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml")
                        .body(path.endsWith("/second.xml") ? secondFeed(version.get()) : feed(version.get())).build();
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
                  - url: %s
                    name: Harbour Post
                """.formatted(dir.resolve("kill.db"), FakeTelegramApi.TOKEN, telegram.apiUrl(),
                feeds.url("/world.xml"), feeds.url("/second.xml")));
    }

    @AfterEach
    void stop() {
        telegram.close();
        feeds.close();
    }

    @Test
    void killedTwoSecondsAfterADigestAReplyAndAnEditWereAcceptedNothingIsSentAgain() throws Exception {
        List<Process> started = new ArrayList<>();
        try {
            Process first = startProcess("first", started);
            telegram.pushGroupCommand(GROUP, ADMIN, "/subscribe attack");
            assertThat(telegram.awaitSent(1, PROCESS_WAIT)).hasSize(1);
            // the first alert meets flood control: its target has a backlog, so six alerts go as a digest of four
            // and the two most severe on their own
            telegram.failNextSends(1, FakeTelegramApi.Failure.rateLimited(1));
            version.set(2);
            assertThat(telegram.awaitSent(4, PROCESS_WAIT)).hasSize(4);
            assertThat(digests()).hasSize(1);
            killTwoSecondsAfterTheLastAccept(first);

            Process second = startProcess("second", started);
            version.set(3);   // the harbour strike: an alert of its own
            assertThat(telegram.awaitSent(5, PROCESS_WAIT)).hasSize(5);
            Sent harbour = telegram.sent().get(4);
            assertThat(harbour.text()).contains("Harbour strike in Odesa kills 7");
            version.set(4);   // its toll rises sharply: the alert is edited and a follow-up replies to it
            assertThat(telegram.awaitEdits(1, PROCESS_WAIT)).as("edits; sent: %s", telegram.sent()).hasSize(1);
            assertThat(telegram.awaitSent(6, PROCESS_WAIT)).hasSize(6);
            assertThat(telegram.edits().get(0).messageId()).isEqualTo(harbour.messageId());
            assertThat(telegram.sent().get(5).text()).startsWith("Death toll now 30");
            killTwoSecondsAfterTheLastAccept(second);

            int readsBefore = feedReads.get();
            Process third = startProcess("third", started);
            awaitFeedReads(readsBefore + 2);   // both feeds read once
            // stopped as SIGTERM would: its delivery round finishes, so a row left unmarked would be sent by now
            third.destroy();
            assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();

            List<String> texts = telegram.sent().stream().map(Sent::text).toList();
            assertThat(texts).hasSize(6);
            assertThat(new HashSet<>(texts)).hasSize(6);
            assertThat(digests()).hasSize(1);
            assertThat(telegram.edits()).hasSize(1);
            assertThat(pendingRows()).isEmpty();
        } finally {
            for (Process p : started) {
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
            keepLogs();
        }
    }

    /**
     * Waits until the fake has accepted nothing for {@link #KILL_AFTER}, then kills the bot with SIGKILL (no
     * shutdown hook, no clean close of the database).
     */
    private void killTwoSecondsAfterTheLastAccept(Process bot) throws InterruptedException {
        long quietSince;
        do {
            quietSince = telegram.lastAcceptedNanos();
            long left = quietSince + KILL_AFTER.toNanos() - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } while (telegram.lastAcceptedNanos() != quietSince);
        bot.destroyForcibly();
        assertThat(bot.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    private void awaitFeedReads(int n) throws InterruptedException {
        long deadline = System.nanoTime() + PROCESS_WAIT.toNanos();
        while (feedReads.get() < n && System.nanoTime() < deadline) {
            telegram.awaitSent(Integer.MAX_VALUE, Duration.ofMillis(200));
        }
        assertThat(feedReads.get()).as("the restarted bot read the feed").isGreaterThanOrEqualTo(n);
    }

    /** Copies the bots' logs to {@code target/kill-nine-logs} so that a failure can be read after the run. */
    private void keepLogs() throws IOException {
        ChildRun.keepLogs(dir, "kill-nine-logs", List.of("first", "second", "third"));
    }

    private List<Sent> digests() {
        return telegram.sent().stream().filter(s -> s.text().startsWith("<b>Digest: ")).toList();
    }

    /** Starts {@code newsalert run} in its own JVM on the test classpath, its output in a file named by tag. */
    private Process startProcess(String tag, List<Process> started) throws IOException {
        Process p = ChildRun.start(config, dir.resolve(tag + ".log"));
        started.add(p);
        return p;
    }

    private List<OutboxItem> pendingRows() {
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("kill.db"))) {
            return store.subscriptions().pendingOutbox(50);
        }
    }

    private static String feed(int version) {
        String now = RFC_1123.format(PUBLISHED);
        StringBuilder items = new StringBuilder(item("k-0001", "Library extends its weekend opening hours",
                "local/library", now, "The town library will open on Sundays from next month, the council said."));
        if (version >= 2) {
            items.append(item("k-0002", "Missile strike on Kharkiv depot kills 2", "w/kharkiv", now,
                    "A missile strike on a fuel depot in Kharkiv killed 2 workers, the regional governor said."));
            items.append(item("k-0003", "Shelling of Kherson market injures 3", "w/kherson", now,
                    "Artillery shelling of a market in Kherson injured 3 people on Monday, officials said."));
            items.append(item("k-0004", "Drone attack on Sumy substation kills 1", "w/sumy", now,
                    "A drone attack on an electricity substation in Sumy killed 1 engineer, the utility said."));
            items.append(item("k-0005", "Airstrike near Idlib kills 5", "w/idlib", now,
                    "An airstrike on a village near Idlib killed 5 people, a local rescue group said."));
            items.append(item("k-0006", "Car bomb in Mogadishu kills 6", "w/mogadishu", now,
                    "A car bomb outside a hotel in Mogadishu killed 6 people, police said."));
            items.append(item("k-0007", "Rocket attack on Sderot injures 4", "w/sderot", now,
                    "A rocket attack on the town of Sderot injured 4 people, the ambulance service said."));
        }
        if (version >= 3) {
            items.append(item("k-0008", "Harbour strike in Odesa kills 7", "w/odesa-harbour", now,
                    "A missile strike on the harbour of Odesa killed 7 dock workers overnight, the regional governor"
                            + " said."));
        }
        return channel("Loopback Wire", items.toString());
    }

    /** The second outlet: one quiet story; from version 4 its report of the harbour strike's risen toll. */
    private static String secondFeed(int version) {
        String now = RFC_1123.format(PUBLISHED);
        StringBuilder items = new StringBuilder(item("h-0001", "Ferry timetable changes for the winter",
                "h/ferry", now, "Ferries to the islands will run twice a day from November, the operator said."));
        if (version >= 4) {
            items.append(item("h-0002", "Odesa harbour strike death toll rises to 30", "h/odesa-toll",
                    RFC_1123.format(PUBLISHED.plus(Duration.ofMinutes(40))),
                    "The death toll from the missile strike on the harbour of Odesa has risen to 30, the regional"
                            + " governor said, as rescuers searched the docks."));
        }
        return channel("Harbour Post", items.toString());
    }

    private static String channel(String title, String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>%s</title><link>http://127.0.0.1/</link>
                <description>Kill test feed</description>
                %s</channel></rss>
                """.formatted(title, items);
    }

    private static String item(String guid, String title, String path, String date, String body) {
        return "<item><title>" + title + "</title><link>http://127.0.0.1/" + path + "</link><guid>" + guid
                + "</guid><pubDate>" + date + "</pubDate><description>" + body + "</description></item>\n";
    }
}
