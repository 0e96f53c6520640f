package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
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
import newsalert.store.ChatClaim;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 items 4 and 5 with real processes: two {@code run} processes on one database; the first answers the
 * commands (it holds {@code telegram-updates}) and holds the group's delivery claim when it is killed with SIGKILL.
 * The second then answers a command and delivers the group's next alert, each exactly once, with no pid check and
 * no leader lease: the first's lease and claim lapse ({@value #TTL_SECONDS} s) and the second takes them. Every wait
 * ends at its event (a message at the fake Bot API, a log line); the take-over times are printed, not bounded.
 */
class SharedDeliveryKillTest {
    private static final long GROUP = -1001234567891L;
    private static final long ADMIN = 7002;
    private static final long TTL_SECONDS = 20;
    /** Only a guard against a hang: a bot in its own JVM on a loaded 2-core machine. */
    private static final Duration PROCESS_WAIT = Duration.ofSeconds(180);
    private static final Instant PUBLISHED = Instant.now().minus(Duration.ofHours(1)).truncatedTo(
            java.time.temporal.ChronoUnit.SECONDS);
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FakeTelegramApi telegram;
    private final MockWebServer feeds = new MockWebServer();
    /** 1 = one quiet story; 2 = plus an attack; 3 = plus a second attack. */
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
                """.formatted(dir.resolve("shared.db"), FakeTelegramApi.TOKEN, telegram.apiUrl(),
                feeds.url("/world.xml")));
    }

    @AfterEach
    void stop() {
        telegram.close();
        feeds.close();
    }

    @Test
    void aKilledInstancesCommandsAndChatsPassToTheOtherOnceEach() throws Exception {
        List<Process> started = new ArrayList<>();
        try {
            Process first = startProcess("first", started);
            assertThat(telegram.awaitCall("setMyCommands", 0, PROCESS_WAIT)).isTrue();
            telegram.pushGroupCommand(GROUP, ADMIN, "/subscribe attack");
            assertThat(telegram.awaitSent(1, PROCESS_WAIT)).hasSize(1);
            version.set(2);
            assertThat(telegram.awaitSent(2, PROCESS_WAIT)).hasSize(2).last()
                    .satisfies(s -> assertThat(s.text()).contains("Kharkiv"));
            String firstOwner = claimHolder().orElseThrow();

            startProcess("second", started);
            awaitLog("second", "answers telegram commands on this database");
            assertThat(claimHolder()).as("the group stays the first's while it lives").contains(firstOwner);

            first.destroyForcibly();   // SIGKILL: no release of the lease or the claim
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            long killed = System.nanoTime();
            version.set(3);
            telegram.pushPrivateCommand(778, "/help");
            List<Sent> all = telegram.awaitSent(4, PROCESS_WAIT);
            assertThat(all).hasSize(4);
            long tookOver = System.nanoTime();
            assertThat(all.subList(2, 4)).extracting(Sent::text).anySatisfy(t -> assertThat(t).contains("subscribe"))
                    .anySatisfy(t -> assertThat(t).contains("Sumy"));
            awaitLog("second", "this instance now answers telegram commands");
            System.out.printf("SharedDeliveryKillTest: the command and the alert came %d s after the SIGKILL%n",
                    TimeUnit.NANOSECONDS.toSeconds(tookOver - killed));
            assertThat(claimHolder()).as("the group is the second's now").isPresent().get().isNotEqualTo(firstOwner);

            // nothing more comes: each message once (a further poll of the second finds nothing new)
            version.set(3);
            telegram.awaitSent(5, Duration.ofSeconds(12));
            List<String> texts = telegram.sent().stream().map(Sent::text).toList();
            assertThat(texts).hasSize(4);
            assertThat(new HashSet<>(texts)).hasSize(4);
        } finally {
            for (Process p : started) {
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
            keepLogs();
        }
    }

    private java.util.Optional<String> claimHolder() {
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("shared.db"))) {
            return store.subscriptions().chatClaimHolder(new ChatClaim(Platform.TELEGRAM, String.valueOf(GROUP)),
                    Instant.now());
        }
    }

    /** Waits for a line in a bot's log, sleeping between looks (never spinning: 2 cores for two bots and this). */
    private void awaitLog(String tag, String text) throws Exception {
        Path log = dir.resolve(tag + ".log");
        ChildRun.pollUntil(PROCESS_WAIT, java.time.Duration.ofMillis(200),
                () -> Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text));
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains(text);
    }

    /** Copies the bots' logs to {@code target/shared-delivery-logs} so that a failure can be read after the run. */
    private void keepLogs() throws IOException {
        ChildRun.keepLogs(dir, "shared-delivery-logs", List.of("first", "second"));
    }

    /** Starts {@code newsalert run} in its own JVM on the test classpath, its output in a file named by tag. */
    private Process startProcess(String tag, List<Process> started) throws IOException {
        Process p = ChildRun.start(config, dir.resolve(tag + ".log"));
        started.add(p);
        return p;
    }

    private static String feed(int version) {
        String now = RFC_1123.format(PUBLISHED);
        StringBuilder items = new StringBuilder(item("s-0001", "Museum adds late opening on Thursdays",
                "local/museum", now, "The city museum will stay open until nine on Thursdays, its director said."));
        if (version >= 2) {
            items.append(item("s-0002", "Missile strike on Kharkiv rail yard kills 3", "w/kharkiv-rail", now,
                    "A missile strike on a rail yard in Kharkiv killed 3 workers, the regional governor said."));
        }
        if (version >= 3) {
            items.append(item("s-0003", "Drone attack on Sumy water plant kills 2", "w/sumy-water", now,
                    "A drone attack on a water treatment plant in Sumy killed 2 staff, the city council said."));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Loopback Wire</title><link>http://127.0.0.1/</link>
                <description>Shared delivery test feed</description>
                %s</channel></rss>
                """.formatted(items);
    }

    private static String item(String guid, String title, String path, String date, String body) {
        return "<item><title>" + title + "</title><link>http://127.0.0.1/" + path + "</link><guid>" + guid
                + "</guid><pubDate>" + date + "</pubDate><description>" + body + "</description></item>\n";
    }
}
