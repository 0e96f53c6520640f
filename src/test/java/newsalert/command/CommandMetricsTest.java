package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import newsalert.metrics.micrometer.MicrometerMetrics;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.junit.jupiter.api.Test;

/** {@code newsalert_commands_total{platform,command,result}} as the registry records it. */
class CommandMetricsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private static final Target CHAT = Target.chat(Platform.TELEGRAM, "-100123");

    private static Command command(String name, boolean moderatorOnly, boolean fails) {
        return new Command() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String usage() {
                return name;
            }

            @Override
            public String help() {
                return "test command " + name;
            }

            @Override
            public List<CommandOption> options() {
                return List.of();
            }

            @Override
            public boolean moderatorOnly() {
                return moderatorOnly;
            }

            @Override
            public Reply run(CommandContext ctx, List<String> args) {
                if (fails) {
                    // a made-up failure: no database is involved in this test
                    throw new IllegalStateException("search index unavailable (test)");
                }
                return Reply.of("done");
            }
        };
    }

    private static double count(MicrometerMetrics m, String platform, String command, String result) {
        var c = m.registry().find("newsalert.commands").tags("platform", platform, "command", command, "result", result)
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void okRefusedErrorAndDroppedAreCountedPerPlatformAndCommand() {
        try (MicrometerMetrics m = new MicrometerMetrics()) {
            CommandRegistry registry = new CommandRegistry(List.of(command("latest", false, false),
                    command("subscribe", true, false), command("search", false, true))).recordingTo(m);
            CommandContext member = new CommandContext(CHAT, "42", false, CLOCK);
            CommandContext admin = new CommandContext(CHAT, "7", true, CLOCK);
            CommandContext onDiscord = new CommandContext(new Target(Platform.DISCORD, "900", "901"), "7", true, CLOCK);

            registry.run(member, "/latest");
            registry.run(member, "/latest 5");
            registry.run(onDiscord, "latest");
            registry.run(member, "/subscribe attack");
            registry.run(admin, "/subscribe attack");
            try (newsalert.testing.LogCapture log = newsalert.testing.LogCapture.of(CommandRegistry.class)) {
                assertThat(registry.run(member, "/search kyiv").text())
                        .startsWith("Sorry, search failed on our side");
                assertThat(log.lines()).containsExactly("WARN command search failed in " + CHAT);
            }
            registry.run(member, "/frobnicate");
            registry.dropped(Platform.TELEGRAM, "/latest");
            registry.dropped(Platform.TELEGRAM, "/made-up");

            assertThat(count(m, "telegram", "latest", "ok")).isEqualTo(2.0);
            assertThat(count(m, "discord", "latest", "ok")).isEqualTo(1.0);
            assertThat(count(m, "telegram", "subscribe", "refused")).isEqualTo(1.0);
            assertThat(count(m, "telegram", "subscribe", "ok")).isEqualTo(1.0);
            assertThat(count(m, "telegram", "search", "error")).isEqualTo(1.0);
            assertThat(count(m, "telegram", "unknown", "refused")).isEqualTo(1.0);
            assertThat(count(m, "telegram", "latest", "dropped")).isEqualTo(1.0);
            assertThat(count(m, "telegram", "unknown", "dropped")).isEqualTo(1.0);
            assertThat(m.scrape()).contains(
                    "newsalert_commands_total{command=\"latest\",platform=\"telegram\",result=\"ok\"} 2.0");
        }
    }
}
