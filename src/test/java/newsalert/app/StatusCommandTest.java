package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import newsalert.store.FeedState;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.Stories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsalert status} on a store this test prepares: the text pinned, the JSON's figures checked. */
class StatusCommandTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String GOOD = "https://wire.test/world.rss";
    private static final String FAILING = "https://flaky.test/feed.xml";
    private static final String REFUSED = "https://chat.test/rss";
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100123");
    private static final Target ALICE = Target.chat(Platform.TELEGRAM, "5550001");
    private static final Target SERVER = new Target(Platform.DISCORD, "900", "901");

    @TempDir
    Path dir;
    private Path config;

    @BeforeEach
    void prepare() throws Exception {
        Path db = dir.resolve("status.db");
        config = dir.resolve("status.yml");
        Files.writeString(config, "store:\n  url: \"jdbc:sqlite:" + db + "\"\n");
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + db)) {
            store.saveFeedState(new FeedState(GOOD, "\"e1\"", null, NOW.minusSeconds(86400), NOW.minusSeconds(120),
                    NOW.plusSeconds(180), 0, null));
            // two failures in a row: failing since the first one
            store.saveFeedState(new FeedState(FAILING, null, null, NOW.minusSeconds(86400), NOW.minusSeconds(7200),
                    NOW.minusSeconds(6900), 1, "HTTP 502"));
            store.saveFeedState(new FeedState(FAILING, null, null, NOW.minusSeconds(86400), NOW.minusSeconds(3600),
                    NOW.plusSeconds(600), 2, "HTTP 503"));
            store.saveFeedState(new FeedState(REFUSED, null, null, null, NOW.minusSeconds(1800), NOW.plusSeconds(1800),
                    1, "refused: chat.test resolves to a loopback address"));
            var subs = store.subscriptions();
            subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 40, NOW.minusSeconds(90000)));
            subs.saveSubscription(Subscription.of(ALICE, EnumSet.allOf(Topic.class), 0, NOW.minusSeconds(90000)));
            subs.saveSubscription(Subscription.of(SERVER, EnumSet.of(Topic.ATTACK), 0, NOW.minusSeconds(90000)));
            subs.pause(ALICE, "bot was blocked by the user");
            // an alert 90 s ago waiting for the group; a chat-only send 2 h ago waiting for Discord; one 2 days ago;
            // the two global alerts (s1, s0) wait for the console as well
            store.recordEntry(GOOD, Stories.story("s1", "Strike on depot", NOW), Stories.attack(true), true,
                    NOW.minusSeconds(90), List.of(GROUP));
            store.recordEntry(GOOD, Stories.story("s2", "Strike on port", NOW), Stories.attack(true), false,
                    NOW.minusSeconds(7200), List.of(SERVER));
            store.recordEntry(GOOD, Stories.story("s0", "Strike on bridge", NOW), Stories.attack(true), true,
                    NOW.minusSeconds(2 * 86400), List.of());
        }
    }

    private String[] run(String... args) {
        StatusCommand cmd = new StatusCommand();
        cmd.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(cmd).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void textShowsFeedsByStateTheWorstFeedsTheBacklogSubscriptionsAndRecentAlerts() {
        String[] r = run("--config", config.toString());

        assertThat(r[0]).isEqualTo("0");
        assertThat(r[2]).isEmpty();
        assertThat(r[1]).isEqualTo("""
                feeds: 3 (1 active, 1 backing off, 1 disabled)
                worst feeds:
                  https://flaky.test/feed.xml: 2 failures since 2026-03-02T08:00:00Z (2h ago), next try \
                2026-03-02T10:10:00Z (in 10m)
                    last error: HTTP 503
                  https://chat.test/rss: 1 failure since 2026-03-02T09:30:00Z (30m ago), next try \
                2026-03-02T10:30:00Z (in 30m)
                    last error: refused: chat.test resolves to a loopback address
                outbox: 4 pending (telegram 1, oldest 1m 30s old; discord 1, oldest 2h old; console 2, oldest 2d old)
                subscriptions: telegram 2 (1 paused), discord 1
                alerts: 1 in the last hour, 2 in the last day
                instances: none running (no run process renews its presence on this store)
                """);
    }

    @Test
    void liveInstancesAreListedWithTheirLeasesAndChatsAndALapsedOneIsNot() throws Exception {
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("status.db"))) {
            var subs = store.subscriptions();
            // as SharedStoreCheck and the command leases write them: a presence lease per instance, renewed every 5 s
            subs.acquireLease("instance:aaaa", "host-a/101/a1", NOW.minusSeconds(3), java.time.Duration.ofSeconds(20));
            subs.acquireLease("telegram-updates", "host-a/101/a1", NOW.minusSeconds(2), java.time.Duration.ofSeconds(15));
            subs.acquireLease("poll", "host-a/101/a1", NOW.minusSeconds(3), java.time.Duration.ofSeconds(20));
            subs.acquireLease("instance:bbbb", "host-b/202/b2", NOW.minusSeconds(1), java.time.Duration.ofSeconds(20));
            // killed 40 s ago: its lease lapsed 20 s ago
            subs.acquireLease("instance:cccc", "host-c/303/c3", NOW.minusSeconds(40), java.time.Duration.ofSeconds(20));
            assertThat(subs.claimChats("host-b/202/b2", null, NOW, java.time.Duration.ofSeconds(20), 100))
                    .hasSize(3); // the group, the Discord channel and the console have pending rows
        }

        String[] text = run("--config", config.toString());
        assertThat(text[1]).endsWith("instances: 2 running: host-a/101/a1 (poll, telegram-updates; delivers to 0"
                + " chats); host-b/202/b2 (delivers to 3 chats)\n");

        JsonNode j = new ObjectMapper().readTree(run("--config", config.toString(), "--json")[1]);
        assertThat(j.at("/instances")).hasSize(2);
        assertThat(j.at("/instances/0/id").asText()).isEqualTo("host-a/101/a1");
        assertThat(j.at("/instances/0/live_until").asText()).isEqualTo("2026-03-02T10:00:17Z");
        assertThat(j.at("/instances/0/leases").toString()).isEqualTo("[\"poll\",\"telegram-updates\"]");
        assertThat(j.at("/instances/0/chats_claimed").asInt()).isZero();
        assertThat(j.at("/instances/1/id").asText()).isEqualTo("host-b/202/b2");
        assertThat(j.at("/instances/1/leases").toString()).isEqualTo("[]");
        assertThat(j.at("/instances/1/chats_claimed").asInt()).isEqualTo(3);
    }

    @Test
    void jsonGivesTheSameFiguresAsOneObject() throws Exception {
        String[] r = run("--config", config.toString(), "--json");

        assertThat(r[0]).isEqualTo("0");
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertThat(j.at("/at").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(j.at("/feeds/total").asInt()).isEqualTo(3);
        assertThat(j.at("/feeds/active").asInt()).isEqualTo(1);
        assertThat(j.at("/feeds/backing_off").asInt()).isEqualTo(1);
        assertThat(j.at("/feeds/disabled").asInt()).isEqualTo(1);
        assertThat(j.at("/feeds/worst")).hasSize(2);
        assertThat(j.at("/feeds/worst/0/url").asText()).isEqualTo(FAILING);
        assertThat(j.at("/feeds/worst/0/state").asText()).isEqualTo("backing_off");
        assertThat(j.at("/feeds/worst/0/failures").asInt()).isEqualTo(2);
        assertThat(j.at("/feeds/worst/0/last_error").asText()).isEqualTo("HTTP 503");
        assertThat(j.at("/feeds/worst/0/failing_since").asText()).isEqualTo("2026-03-02T08:00:00Z");
        assertThat(j.at("/feeds/worst/0/next_try").asText()).isEqualTo("2026-03-02T10:10:00Z");
        assertThat(j.at("/feeds/worst/1/state").asText()).isEqualTo("disabled");
        // the two global alerts wait for the console too (the delivery loop prints or logs them)
        assertThat(j.at("/outbox/pending").asInt()).isEqualTo(4);
        assertThat(j.at("/outbox/platforms/console/pending").asInt()).isEqualTo(2);
        assertThat(j.at("/outbox/platforms/telegram/pending").asInt()).isEqualTo(1);
        assertThat(j.at("/outbox/platforms/telegram/oldest_age_seconds").asInt()).isEqualTo(90);
        assertThat(j.at("/outbox/platforms/discord/oldest").asText()).isEqualTo("2026-03-02T08:00:00Z");
        assertThat(j.at("/subscriptions/telegram/total").asInt()).isEqualTo(2);
        assertThat(j.at("/subscriptions/telegram/paused").asInt()).isEqualTo(1);
        assertThat(j.at("/subscriptions/discord/total").asInt()).isEqualTo(1);
        assertThat(j.at("/alerts/last_hour").asInt()).isEqualTo(1);
        assertThat(j.at("/alerts/last_day").asInt()).isEqualTo(2);
        assertThat(j.at("/instances").isArray()).isTrue();
        assertThat(j.at("/instances")).isEmpty();
    }

    @Test
    void feedsAreShownByTheirConfiguredNameBesideTheirUrl() throws Exception {
        Files.writeString(config, Files.readString(config) + "feeds:\n  - url: " + FAILING + "\n    name: Flaky Wire\n"
                + "  - url: " + GOOD + "\n");
        String[] text = run("--config", config.toString());
        assertThat(text[0]).isEqualTo("0");
        assertThat(text[1]).contains("\n  Flaky Wire (https://flaky.test/feed.xml): 2 failures since ")
                .contains("\n  https://chat.test/rss: 1 failure since "); // not configured: the URL alone

        JsonNode j = new ObjectMapper().readTree(run("--config", config.toString(), "--json")[1]);
        assertThat(j.at("/feeds/worst/0/name").asText()).isEqualTo("Flaky Wire");
        assertThat(j.at("/feeds/worst/0/url").asText()).isEqualTo(FAILING);
        assertThat(j.at("/feeds/worst/0/failures").asInt()).isEqualTo(2);
        assertThat(j.at("/feeds/worst/1/name").isNull()).isTrue();
        assertThat(j.at("/feeds/worst/1/url").asText()).isEqualTo(REFUSED);
    }

    @Test
    void aGoodReadClearsTheFailingSinceTime() throws Exception {
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("status.db"))) {
            store.saveFeedState(new FeedState(FAILING, null, null, NOW.minusSeconds(86400), NOW.minusSeconds(60),
                    NOW.plusSeconds(240), 0, null));
            store.saveFeedState(new FeedState(FAILING, null, null, NOW.minusSeconds(86400), NOW.minusSeconds(30),
                    NOW.plusSeconds(270), 1, "timeout fetching flaky.test"));
            assertThat(store.status().read(NOW).feeds()).filteredOn(f -> f.url().equals(FAILING)).singleElement()
                    .satisfies(f -> assertThat(f.failingSince()).isEqualTo(NOW.minusSeconds(30)));
        }
    }

    @Test
    void aMissingStoreSaysToStartTheBotFirst() throws Exception {
        Path other = dir.resolve("other.yml");
        Files.writeString(other, "store:\n  url: \"jdbc:sqlite:" + dir.resolve("none.db") + "\"\n");

        String[] r = run("--config", other.toString());

        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).isEmpty();
        assertThat(r[2]).isEqualTo("error: no store at " + dir.resolve("none.db") + " yet: start the bot with"
                + " 'newsalert run' first, or give the config that names its store.url with --config FILE\n");
        assertThat(Files.exists(dir.resolve("none.db"))).isFalse();
    }

    /** Tester finding on issue 12: status migrated the store it read, which may belong to a running older bot. */
    @Test
    void anOlderStoreIsReadNeverMigrated() throws Exception {
        Path old = dir.resolve("old.db");
        String url = "jdbc:sqlite:" + old;
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .target("8").load().migrate();
        Path other = dir.resolve("old.yml");
        Files.writeString(other, "store:\n  url: \"" + url + "\"\n");

        String[] r = run("--config", other.toString());

        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).isEqualTo("error: the store " + url + " was written by an older newsalert; start this"
                + " version's 'newsalert run' once to upgrade it, then ask again (store.url " + url + " from config"
                + " file " + other + ")\n");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("schema left as it was").isEqualTo(8);
        }
    }

    @Test
    void agesReadLikeAPersonWouldWriteThem() {
        assertThat(StatusText.age(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(StatusText.age(Duration.ofSeconds(250))).isEqualTo("4m 10s");
        assertThat(StatusText.age(Duration.ofSeconds(7500))).isEqualTo("2h 5m");
        assertThat(StatusText.age(Duration.ofHours(76))).isEqualTo("3d 4h");
        assertThat(StatusText.age(Duration.ofSeconds(-5))).isEqualTo("0s");
    }
}
