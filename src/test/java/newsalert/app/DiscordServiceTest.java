package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import newsalert.command.CommandRegistry;
import newsalert.config.DiscordConfig;
import newsalert.delivery.SendResult;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.LogCapture;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;

/** How Discord behaves in {@code run} when it cannot be reached at start. */
class DiscordServiceTest {

    @Test
    void anUnreachableDiscordKeepsAlertsQueuedInsteadOfStoppingRun() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        DiscordConfig config = new DiscordConfig("a-token", "http://127.0.0.1:" + closedPort + "/api/v10/",
                "ws://127.0.0.1:" + closedPort + "/gateway", null);
        DiscordService service = DiscordService.create(config, new CommandRegistry(List.of()), Clock.systemUTC());

        try (LogCapture log = LogCapture.of(DiscordService.class);
             LogCapture jda = LogCapture.of("net.dv8tion.jda")) {
            service.start();   // logs and schedules a retry instead of throwing
            // JDA's own "I/O error while executing a REST request" is kept off the log (JdaNetworkNoise)
            assertThat(jda.lines()).noneMatch(l -> l.startsWith("ERROR"));
            // one plain line, like Telegram's: no JDA class names
            assertThat(log.lines()).containsExactly("WARN Discord could not start: Discord unreachable: the"
                    + " connection was refused or has no route; polling goes on, alerts stay queued, trying again in"
                    + " 30 s");
        }

        SendResult r = service.adapter().send(Target.chat(Platform.DISCORD, "810000000000000001"),
                Stories.story("s1", "Strike", Instant.parse("2025-08-28T15:00:00Z")), Stories.attack(true));
        assertThat(r).isEqualTo(new SendResult.Transient("discord is not connected yet"));
        assertThat(service.adapter().platform()).isEqualTo(Platform.DISCORD);
        assertThat(service.state()).isEqualTo(newsalert.metrics.Health.ChatState.DOWN);   // what /health shows
        service.close();
    }

    @Test
    void runOnceSaysItWillNotTryAgainAndSchedulesNothing() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        DiscordConfig config = new DiscordConfig("a-token", "http://127.0.0.1:" + closedPort + "/api/v10/",
                "ws://127.0.0.1:" + closedPort + "/gateway", null);
        DiscordService service = DiscordService.create(config, new CommandRegistry(List.of()), Clock.systemUTC());
        service.once();
        try (LogCapture log = LogCapture.of(DiscordService.class);
             LogCapture jda = LogCapture.of("net.dv8tion.jda")) {
            service.startForDelivery();
            assertThat(log.lines()).containsExactly("WARN Discord could not start: Discord unreachable: the"
                    + " connection was refused or has no route; run --once polls once and stops without trying again,"
                    + " so alerts for Discord stay queued for the next run");
            assertThat(jda.lines()).noneMatch(l -> l.startsWith("ERROR"));
        } finally {
            service.close();
        }
    }

    @Test
    void onlyJdaRequesterNetworkFailuresAreKeptOff() {
        assertThat(JdaNetworkNoise.isNetworkFailure("DNS resolution failed: {}")).isTrue();
        assertThat(JdaNetworkNoise.isNetworkFailure("There was an I/O error while executing a REST request: {}"))
                .isTrue();
        assertThat(JdaNetworkNoise.isNetworkFailure("There was an unexpected error while executing a REST request"))
                .isFalse();
        JdaNetworkNoise filter = new JdaNetworkNoise();
        ch.qos.logback.classic.LoggerContext ctx = new ch.qos.logback.classic.LoggerContext();
        assertThat(filter.decide(null, ctx.getLogger(JdaNetworkNoise.REQUESTER), ch.qos.logback.classic.Level.ERROR,
                "DNS resolution failed: {}", null, null)).isEqualTo(ch.qos.logback.core.spi.FilterReply.DENY);
        assertThat(filter.decide(null, ctx.getLogger("newsalert.app.DiscordService"),
                ch.qos.logback.classic.Level.ERROR, "DNS resolution failed: {}", null, null))
                .isEqualTo(ch.qos.logback.core.spi.FilterReply.NEUTRAL);
    }
}
