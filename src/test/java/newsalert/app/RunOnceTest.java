package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import newsalert.pipeline.Poller;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.LogCapture;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as a newcomer first meets it (issue 16): {@code --once} with unreadable feeds, relative paths in a
 * config kept elsewhere, feed names in log lines, and a second instance on the same database.
 */
class RunOnceTest {
    @TempDir
    Path dir;

    @Test
    void onceExitsThreeWhenNoFeedCouldBeReadAndPromisesNoNextTry() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse.Builder().code(200).body("<html>not a feed").build());
            Path config = Files.writeString(dir.resolve("newsalert.yml"), """
                    store:
                      url: "jdbc:sqlite:%s"
                    feeds:
                      - url: %s
                        name: Loopback Wire
                    """.formatted(dir.resolve("test.db"), server.url("/world.xml")));
            try (LogCapture log = LogCapture.of(Poller.class)) {
                Result r = run("run", "--config", config.toString(), "--once");
                assertThat(r.code).isEqualTo(RunCommand.NO_FEED_READ).isEqualTo(3);
                assertThat(r.err).isEqualTo("error: none of the 1 feed(s) could be read (the reasons are logged"
                        + " above); exit code 3\n");
                assertThat(log.lines()).filteredOn(l -> !l.startsWith("INFO poll cycle:")).singleElement().asString()
                        .startsWith("WARN feed Loopback Wire (" + server.url("/world.xml") + "): ")
                        .endsWith("(failure 1)")
                        .doesNotContain("next try");
            }
        }
    }

    @Test
    void relativePathsInAConfigElsewhereAreReadFromItsFolder() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        try (InputStream in = getClass().getResourceAsStream("/app/wire-v1.xml")) {
            Files.write(elsewhere.resolve("wire.xml"), in.readAllBytes());
        }
        Path config = Files.writeString(elsewhere.resolve("local.yml"), """
                store:
                  url: "jdbc:sqlite:state/news.db"
                feeds:
                  - url: wire.xml
                """);
        try (LogCapture log = LogCapture.of(Poller.class)) {
            Result r = run("run", "--config", config.toString(), "--once");
            assertThat(r.code).isZero();
            assertThat(log.lines()).filteredOn(l -> !l.startsWith("INFO poll cycle:"))
                    .containsExactly("INFO feed " + elsewhere.resolve("wire.xml")
                            + ": first poll, recorded 1 entries without alerting");
        }
        assertThat(elsewhere.resolve("state/news.db")).isRegularFile();
    }

    @Test
    void aSecondInstanceOnOneDatabaseIsToldItSharesTheStoreUntilTheFirstStops() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
        String url = "jdbc:sqlite:" + dir.resolve("shared.db");
        try (JdbcNewsStore store = JdbcNewsStore.open(url);
             LogCapture log = LogCapture.of(SharedStoreCheck.class)) {
            SharedStoreCheck first = new SharedStoreCheck(store.subscriptions(), InstanceId.create(), clock, url);
            String secondId = InstanceId.create();
            SharedStoreCheck second = new SharedStoreCheck(store.subscriptions(), secondId, clock, url);
            assertThat(first.check()).isFalse();
            assertThat(second.check()).isTrue();
            clock.advance(java.time.Duration.ofSeconds(5));
            assertThat(first.check()).isFalse();  // the first, holding the poll lease, sees the second's presence
            assertThat(second.check()).isTrue();  // told once, not every renewal
            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().get(0)).startsWith("INFO another newsalert instance (")
                    .contains(") polls this database (" + url + ") too: 2 instances share its feeds, each due"
                            + " feed is read by one of them, so each instance reads and stores only some of the feeds");
            assertThat(log.lines().get(1)).isEqualTo("INFO another newsalert instance polls this database (" + url
                    + ") too: 2 instances share its feeds, each due feed is read by one of them, so each instance"
                    + " reads and stores only some of the feeds");
            first.close();
            assertThat(second.check()).isFalse();
            assertThat(log.lines()).hasSize(3).last().isEqualTo("INFO the other newsalert instances on this database"
                    + " stopped: this one now reads every feed");
            second.close();
        }
    }

    @Test
    void aLeaseHolderThatStopsWhileAThirdRunsDoesNotMakeTheNextSayItIsAlone() {
        // tester14: after one of three instances was killed, one left said it "now reads every feed"
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
        String url = "jdbc:sqlite:" + dir.resolve("three.db");
        try (JdbcNewsStore store = JdbcNewsStore.open(url);
             LogCapture log = LogCapture.of(SharedStoreCheck.class)) {
            SharedStoreCheck first = new SharedStoreCheck(store.subscriptions(), InstanceId.create(), clock, url);
            SharedStoreCheck second = new SharedStoreCheck(store.subscriptions(), InstanceId.create(), clock, url);
            SharedStoreCheck third = new SharedStoreCheck(store.subscriptions(), InstanceId.create(), clock, url);
            first.check();
            second.check();
            third.check();
            first.close();                         // the lease holder stops; the second takes the lease
            assertThat(second.check()).isFalse();
            assertThat(third.check()).isTrue();
            assertThat(log.lines()).noneMatch(line -> line.contains("now reads every feed"));
            third.close();                         // now the second is alone
            second.check();
            assertThat(log.lines()).filteredOn(line -> line.contains("now reads every feed")).hasSize(1);
            second.close();
        }
    }

    @Test
    void aStoreThatCannotBeOpenedIsTracedToTheConfigFileThatNamesIt() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        String url = "jdbc:sqlite:" + blocker.resolve("news.db");
        Path config = Files.writeString(dir.resolve("mine.yml"), "store:\n  url: \"" + url + "\"\n");
        Result r;
        try (LogCapture log = LogCapture.of(RunCommand.class)) { // "no feeds configured"
            r = run("run", "--config", config.toString(), "--once");
        }
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).startsWith("error: cannot create the folder " + blocker)
                .endsWith(" (store.url " + url + " from config file " + config + ")\n")
                .doesNotContain("Exception");
        assertThat(Wiring.storeOrigin(null, Wiring.DEFAULT_STORE_URL, java.util.Map.of()))
                .isEqualTo(" (store.url is the built-in default jdbc:sqlite:data/newsalert.db; no config file was"
                        + " read)");
        assertThat(Wiring.storeOrigin(config, url, java.util.Map.of("NEWSALERT_STORE_URL", url)))
                .isEqualTo(" (store.url " + url + " is set by the environment variable NEWSALERT_STORE_URL)");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }

    @Test
    void runHelpListsTheExitCodes() {
        java.io.StringWriter out = new java.io.StringWriter();
        int code = Main.execute(new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(),
                true), "run", "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Exit codes:").containsPattern("\\s+3\\s+with --once, feeds were polled"
                + " and none could be read").containsPattern("\\s+130\\s+stopped by Ctrl-C \\(143: by SIGTERM\\)");
    }
}
