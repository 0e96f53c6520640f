package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import newsalert.platform.telegram.FakeTelegramApi;
import newsalert.platform.telegram.FakeTelegramApi.Sent;
import newsalert.store.jdbc.JdbcNewsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 with real processes ({@link ChildRun}): a {@code feeds add <url> 30m} whose check hangs is handed over
 * ("Checking…"), then the bot is SIGKILLed mid-check. The next start's sweep answers the kept check exactly once, in
 * Telegram's words and with the interval, and nothing is added. The sweep's minimum age (60 s in production) is set
 * to 1 s through the hidden JVM property {@link FeedAddCheckSweep#MIN_AGE_PROPERTY}, not a config key; the killed
 * run's leases still have to expire (about 20 s). The "Checking…" reply itself may come twice under load (issue 19
 * item 1's known first-send mark lag, seen in a full verify): tolerated and printed, as in KillNineFileReplyTest.
 * Same wall-clock shape as {@link KillNineFileReplyTest}: each wait
 * returns on the event; the bound only stops a hang.
 */
class KillNineFeedAddCheckTest {
    private static final long GROUP = -1001234567893L;
    private static final long ADMIN = 7003;
    private static final Duration PROCESS_WAIT = Duration.ofSeconds(150);

    @TempDir
    Path dir;

    private FakeTelegramApi telegram;
    private final MockWebServer feeds = new MockWebServer();
    /** The slow address's request arrived (the check is running). */
    private final CountDownLatch slowAsked = new CountDownLatch(1);
    /** Lets the slow address answer; released when the test ends, so the server can close. */
    private final CountDownLatch release = new CountDownLatch(1);
    private Path config;
    private String db;

    @BeforeEach
    void start() throws IOException {
        telegram = new FakeTelegramApi();
        telegram.setMemberStatus(GROUP, ADMIN, "administrator");
        feeds.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().equals("/slow.xml")) {
                    slowAsked.countDown();
                    release.await(PROCESS_WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml")
                        .body("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quiet</title>"
                                + "<link>https://quiet.example.org/</link><description>none</description>"
                                + "</channel></rss>").build();
            }
        });
        feeds.start(InetAddress.getLoopbackAddress(), 0);
        db = "jdbc:sqlite:" + dir.resolve("checks.db");
        config = dir.resolve("newsalert.yml");
        Files.writeString(config, """
                store:
                  url: "%s"
                poll:
                  interval: 10s
                telegram:
                  token: "%s"
                  api-url: "%s"
                chat-feeds:
                  allow-private-addresses: true
                  add-wait: 0s
                feeds:
                  - url: %s
                    name: Quiet Wire
                """.formatted(db, FakeTelegramApi.TOKEN, telegram.apiUrl(), feeds.url("/world.xml")));
    }

    @AfterEach
    void stop() {
        release.countDown();
        telegram.close();
        feeds.close();
    }

    @Test
    void aCheckCutOffByASigkillIsAnsweredOnceByTheNextStartWithItsInterval() throws Exception {
        List<Process> started = new ArrayList<>();
        String slow = feeds.url("/slow.xml").toString();
        try {
            Process first = startProcess("first", started);
            telegram.pushGroupCommand(GROUP, ADMIN, "/feeds add " + slow + " 30m");
            List<Sent> checking = telegram.awaitSent(1, PROCESS_WAIT);
            assertThat(checking).hasSize(1);
            assertThat(checking.get(0).text()).startsWith("Checking " + slow + "…");
            assertThat(slowAsked.await(PROCESS_WAIT.toSeconds(), TimeUnit.SECONDS)).as("the check is running")
                    .isTrue();
            killAfterTheLastAccept(first);

            Process second = startProcess("second", started);
            String expected = "The check of " + slow + " (every 30m) was interrupted by a restart; nothing was added."
                    + " Send /feeds add " + slow + " 30m again.";
            assertThat(ChildRun.pollUntil(PROCESS_WAIT, Duration.ofMillis(200),
                    () -> telegram.sent().stream().anyMatch(s -> s.text().contains("interrupted by a restart"))))
                    .as("the next start answered the cut-off check").isTrue();
            assertThat(telegram.sent()).filteredOn(s -> s.text().contains("interrupted by a restart"))
                    .singleElement().satisfies(s -> {
                        assertThat(s.chatId()).isEqualTo(String.valueOf(GROUP));
                        assertThat(s.text()).isEqualTo(expected);
                    });
            // a later command's answer comes after any notice still queued for the chat
            telegram.pushGroupCommand(GROUP, ADMIN, "/feeds list");
            assertThat(ChildRun.pollUntil(PROCESS_WAIT, Duration.ofMillis(200),
                    () -> telegram.sent().stream().anyMatch(s -> s.text().contains("No feeds added here"))))
                    .isTrue();
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(telegram.sent()).filteredOn(s -> s.text().contains("interrupted by a restart")).hasSize(1);
            // KNOWN DEFECT (issue 19 item 1, as in KillNineFileReplyTest): under load the "Checking…" reply that
            // Telegram accepted before the kill may be sent once more by the next start (its mark had not reached
            // the store). Tolerated and printed here; this test is about the cut-off check's one answer.
            long checkingCopies = telegram.sent().stream().filter(s -> s.text().startsWith("Checking ")).count();
            assertThat(checkingCopies).isBetween(1L, 2L);
            if (checkingCopies == 2) {
                System.out.println("KillNineFeedAddCheckTest: KNOWN DEFECT seen again: the accepted Checking reply"
                        + " was sent once more after the kill (issue 19 item 1)");
            }
            try (JdbcNewsStore store = JdbcNewsStore.open(db)) {
                // every kept check, whenever it began: a bound past any start (no wall clock needed)
                java.time.Instant anyTime = java.time.Instant.parse("9999-01-01T00:00:00Z");
                assertThat(store.chatFeeds().interruptChecks(null, anyTime, anyTime, c -> "left"))
                        .as("no kept check left").isZero();
                assertThat(store.chatFeeds().chatFeeds(newsalert.subscription.Platform.TELEGRAM,
                        String.valueOf(GROUP))).isEmpty();
            }
        } finally {
            for (Process p : started) {
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
            ChildRun.keepLogs(dir, "kill-nine-feed-add-logs", List.of("first", "second"));
        }
    }

    /** Waits until the fake has accepted nothing for 2 s, then SIGKILLs the bot (as KillNineFileReplyTest). */
    private void killAfterTheLastAccept(Process bot) throws InterruptedException {
        long quietSince;
        do {
            quietSince = telegram.lastAcceptedNanos();
            long left = quietSince + Duration.ofSeconds(2).toNanos() - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } while (telegram.lastAcceptedNanos() != quietSince);
        bot.destroyForcibly();
        assertThat(bot.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    private Process startProcess(String tag, List<Process> started) throws IOException {
        Process p = ChildRun.start(config, dir.resolve(tag + ".log"),
                List.of("-D" + FeedAddCheckSweep.MIN_AGE_PROPERTY + "=PT1S"));
        started.add(p);
        return p;
    }
}
