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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import newsalert.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run} against a feed served on 127.0.0.1, with a SQLite file in a temp folder. */
class RunCommandTest {
    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private Path config;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        config = dir.resolve("newsalert.yml");
        Files.writeString(config, """
                store:
                  url: "jdbc:sqlite:%s"
                feeds:
                  - url: %s
                    name: Loopback Wire
                """.formatted(dir.resolve("data/test.db"), server.url("/world.xml")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pollsTwiceAlertsOnceAndDoesNotAlertAgainAfterRestart() throws Exception {
        server.enqueue(feed("wire-v1.xml", "\"v1\""));
        Result first = run("run", "--config", config.toString(), "--once");
        assertThat(first.code).isZero();
        assertThat(first.out).isEmpty();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("If-None-Match")).isNull();

        server.enqueue(feed("wire-v2.xml", "\"v2\""));
        Result second = run("run", "--config", config.toString(), "--once");
        assertThat(second.code).isZero();
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(req.getHeaders().get("User-Agent")).startsWith("newsalert/");
        assertThat(second.out).startsWith("[ALERT] ATTACK")
                .contains("Missile strike on Kharkiv apartment block kills 12\n")
                .contains("Casualties: 12 killed, at least 30 injured\n")
                .contains("Loopback Wire · ")
                .contains("id: wire-0002\n");
        assertThat(second.out.split("\\[ALERT]", -1)).hasSize(2);
        assertThat(second.out).doesNotContain("cycle lanes");

        // a restart that sees the same entries again (server ignores the ETag) alerts nothing
        server.enqueue(feed("wire-v2.xml", "\"v2\""));
        Result third = run("run", "--config", config.toString(), "--once");
        assertThat(third.code).isZero();
        assertThat(third.out).isEmpty();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("If-None-Match")).isEqualTo("\"v2\"");
    }

    @Test
    void notModifiedAnswerIsHandled() throws Exception {
        server.enqueue(feed("wire-v1.xml", "\"v1\""));
        run("run", "--config", config.toString(), "--once");
        server.enqueue(new MockResponse.Builder().code(304).addHeader("ETag", "\"v1\"").build());
        Result r = run("run", "--config", config.toString(), "--once");
        assertThat(r.code).isZero();
        assertThat(r.out).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void badConfigGivesOneClearErrorLine() throws Exception {
        Files.writeString(config, "poll:\n  interval: sometimes\n");
        Result r = run("run", "--config", config.toString(), "--once");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).isEqualTo("error: config file " + config + ", line 2: bad value at poll.interval:"
                + " 'sometimes' is not a duration; write e.g. 30s, 5m, 2h, 1d or ISO-8601 PT5M\n");
    }

    @Test
    void missingLexiconGivesOneClearErrorLine() throws Exception {
        Files.writeString(config, "analysis:\n  lexicon: " + dir.resolve("no-such-lexicon.yml") + "\n");
        Result r = run("run", "--config", config.toString(), "--once");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).isEqualTo("error: analysis.lexicon: lexicon file not found: "
                + dir.resolve("no-such-lexicon.yml") + "\n");
    }

    @Test
    void stopRequestEndsTheLongRunningLoop() throws Exception {
        server.enqueue(feed("wire-v1.xml", "\"v1\""));
        RunCommand cmd = new RunCommand();
        CommandLine cl = new CommandLine(cmd);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cl.execute("--config", config.toString()));
        // both bounds only stop a hang: each wait ends at its event (the first poll's request, the exit), which a
        // start-up at load 50 reached only after 10 s (perf13c's verify)
        assertThat(server.takeRequest(120, TimeUnit.SECONDS)).isNotNull();
        cmd.requestStop();
        assertThat(exit.get(120, TimeUnit.SECONDS)).isZero();
    }

    private MockResponse feed(String name, String etag) throws IOException {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/app/" + name)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        Instant now = Instant.now();
        xml = xml.replace("PUBDATE1", rfc.format(now.minusSeconds(3600)))
                .replace("PUBDATE2", rfc.format(now.minusSeconds(60)));
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml")
                .addHeader("ETag", etag).body(xml).build();
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
    void blankTokenVariablesAreNamedInAWarning() {
        try (LogCapture log = LogCapture.of(RunCommand.class)) {
            assertThat(RunCommand.warnBlankTokens(java.util.Map.of("TELEGRAM_BOT_TOKEN", " ", "DISCORD_TOKEN", "x")))
                    .containsExactly("TELEGRAM_BOT_TOKEN");
            assertThat(RunCommand.warnBlankTokens(java.util.Map.of("DISCORD_TOKEN", ""))).containsExactly("DISCORD_TOKEN");
            assertThat(RunCommand.warnBlankTokens(java.util.Map.of("HOME", "/root"))).isEmpty();
            assertThat(log.lines()).containsExactly(
                    "WARN TELEGRAM_BOT_TOKEN is set but empty: ignored (the config file's token, if any, is used)",
                    "WARN DISCORD_TOKEN is set but empty: ignored (the config file's token, if any, is used)");
        }
    }
}
