package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import newsalert.command.CommandRegistry;
import newsalert.config.TelegramConfig;
import newsalert.platform.telegram.FakeTelegramApi;
import newsalert.subscription.Platform;
import newsalert.testing.LogCapture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** How {@code run} starts when Telegram refuses the token or cannot be reached, and what {@code --once} starts. */
// the two-instance tests run in the order that once failed (the take-over after a stopped second instance), so a
// state that survives one in-process run into the next shows up here
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunTelegramStartTest {
    /** These bots run without feeds on purpose: RunCommand's "no feeds configured" WARN is captured. */
    @org.junit.jupiter.api.extension.RegisterExtension
    final LogCapture.PerTest runLog = LogCapture.perTest(RunCommand.class);

    @TempDir
    Path dir;

    private Path config(String token, String apiUrl) throws IOException {
        Path config = dir.resolve("newsalert.yml");
        Files.writeString(config, """
                store:
                  url: "jdbc:sqlite:%s"
                telegram:
                  token: "%s"
                  api-url: "%s"
                """.formatted(dir.resolve("t.db"), token, apiUrl));
        return config;
    }

    private static String[] result(Path config) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--config",
                config.toString());
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void aTokenTelegramRefusesStopsRunWithTheReasonAndWithoutTheToken() throws IOException {
        try (FakeTelegramApi telegram = new FakeTelegramApi()) {
            String[] r = result(config("999:wrong-token-for-this-bot", telegram.apiUrl()));
            assertThat(r[0]).isEqualTo("1");
            assertThat(r[2]).startsWith("error: Telegram bot could not start: Telegram 401")
                    .contains("check telegram.token or TELEGRAM_BOT_TOKEN")
                    .doesNotContain("wrong-token");
        }
    }

    @Test
    void aStartedBotIsUpForTheHealthCheck() throws IOException {
        try (FakeTelegramApi telegram = new FakeTelegramApi()) {
            Path store = dir.resolve("up.db");
            try (newsalert.store.jdbc.JdbcNewsStore news = newsalert.store.jdbc.JdbcNewsStore.open("jdbc:sqlite:" + store)) {
                TelegramService service = TelegramService.create(new TelegramConfig(FakeTelegramApi.TOKEN,
                        telegram.apiUrl()), ChatServices.registry(Wiring.load(null), news, Clock.systemUTC()),
                        Clock.systemUTC());
                service.start();
                assertThat(service.state()).isEqualTo(newsalert.metrics.Health.ChatState.UP);
                service.close();
            }
        }
    }

    @Test
    void anUnreachableTelegramDoesNotStopTheStartAndIsRetriedLater() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        TelegramConfig config = new TelegramConfig(FakeTelegramApi.TOKEN, "http://127.0.0.1:" + closedPort);
        TelegramService service = TelegramService.create(config,
                new CommandRegistry(List.of()), Clock.systemUTC());
        try (LogCapture log = LogCapture.of(TelegramService.class)) {
            service.start();   // logs and schedules a retry instead of throwing
            assertThat(log.lines()).containsExactly("WARN Telegram bot could not start: Telegram unreachable: the"
                    + " connection was refused or has no route; polling goes on, alerts stay queued, trying again in"
                    + " 30 s");
        }
        assertThat(service.adapter().platform()).isEqualTo(Platform.TELEGRAM);
        assertThat(service.state()).isEqualTo(newsalert.metrics.Health.ChatState.DOWN);   // what /health shows
        service.close();
    }

    @Test
    void runOnceDeliversWithoutStartingTheCommandBot() throws IOException {
        try (FakeTelegramApi telegram = new FakeTelegramApi()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--config",
                    config(FakeTelegramApi.TOKEN, telegram.apiUrl()).toString(), "--once");
            assertThat(code).isZero();
            assertThat(telegram.calls()).doesNotContain("getupdates", "setmycommands");
        }
    }

    @Test
    @Order(1)
    void aSecondInstanceOnTheSameDatabaseLeavesTheCommandsToTheFirst() throws Exception {
        try (FakeTelegramApi telegram = new FakeTelegramApi();
             LogCapture sharing = LogCapture.of(SharedStoreCheck.class)) {
            Path config = config(FakeTelegramApi.TOKEN, telegram.apiUrl());
            TelegramEndToEndTest.RunningBot first = TelegramEndToEndTest.RunningBot.start(config);
            try {
                assertThat(telegram.awaitCall("setMyCommands", 0, java.time.Duration.ofSeconds(60))).isTrue();
                TelegramEndToEndTest.RunningBot second = TelegramEndToEndTest.RunningBot.start(config);
                // the second is told it shares the store, and what that means
                assertThat(sharing.await("polls this database", java.time.Duration.ofSeconds(60))).isTrue();
                // (the first, which holds the poll lease, says the same once it sees the second's presence)
                assertThat(sharing.lines()).anySatisfy(line -> assertThat(line)
                        .startsWith("INFO another newsalert instance (")
                        .contains("share its feeds, each due feed is read by one of them"));
                second.stop();
                // only the first registered the menu and polls for commands
                assertThat(telegram.callCount("setMyCommands")).isEqualTo(1);
            } finally {
                first.stop();
            }
        }
    }

    @Test
    @Order(2)
    void whenTheFirstInstanceStopsTheSecondAnswersTheCommandsAndDeliversItsChats() throws Exception {
        try (LogCapture log = LogCapture.of(CommandLeases.class); FakeTelegramApi telegram = new FakeTelegramApi()) {
            Path config = config(FakeTelegramApi.TOKEN, telegram.apiUrl());
            TelegramEndToEndTest.RunningBot first = TelegramEndToEndTest.RunningBot.start(config);
            TelegramEndToEndTest.RunningBot second = null;
            try {
                assertThat(telegram.awaitCall("setMyCommands", 0, EVENT_BOUND)).isTrue();
                second = TelegramEndToEndTest.RunningBot.start(config);
                // the second found the first holding the telegram-updates lease: it delivers, and leaves the
                // long polling to the first (two pollers of one bot get 409 Conflict)
                assertThat(log.await("answers telegram commands on this database", EVENT_BOUND)).isTrue();
                assertThat(telegram.callCount("setMyCommands")).isEqualTo(1);

                first.stop();   // releases its lease and its chat claims before it returns
                first = null;
                // what the second's lease check does every 5 s, done now: no waiting on a period
                second.command().checkCommandLeases();
                assertThat(log.lines()).contains("INFO this instance now answers telegram commands (the instance"
                        + " that did stopped)");
                assertThat(telegram.awaitCall("setMyCommands", 1, EVENT_BOUND)).isTrue();
                telegram.pushPrivateCommand(777, "/help");
                assertThat(telegram.awaitSent(1, EVENT_BOUND)).singleElement()
                        .satisfies(sent -> assertThat(sent.text()).contains("subscribe"));

                // an alert routed to a chat now is delivered by the second, the one instance left
                try (newsalert.store.jdbc.JdbcNewsStore store = newsalert.store.jdbc.JdbcNewsStore.open(
                        "jdbc:sqlite:" + dir.resolve("t.db"))) {
                    java.time.Instant now = java.time.Instant.now();
                    store.recordEntry("https://wire.test/rss", newsalert.testing.Stories.story("take-over-1",
                                    "Depot struck after the first instance stopped", now),
                            newsalert.testing.Stories.attack(false), false, now,
                            List.of(newsalert.subscription.Target.chat(Platform.TELEGRAM, "777")));
                }
                assertThat(telegram.awaitSent(2, EVENT_BOUND)).last()
                        .satisfies(sent -> assertThat(sent.text()).contains("Depot struck after the first"));
            } finally {
                if (first != null) {
                    first.stop();
                }
                if (second != null) {
                    second.stop();
                }
            }
        }
    }

    /** Only a guard against a hang: each wait ends at its event, which comes within seconds on a quiet machine. */
    private static final java.time.Duration EVENT_BOUND = java.time.Duration.ofSeconds(180);
}
