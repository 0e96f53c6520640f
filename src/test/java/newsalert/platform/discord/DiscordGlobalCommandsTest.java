package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no guild id, commands are registered globally. */
class DiscordGlobalCommandsTest {
    @TempDir
    Path dir;

    @Test
    void withoutAGuildIdTheCommandsAreOverwrittenGlobally() throws Exception {
        try (DiscordFixture f = new DiscordFixture(dir, false)) {
            FakeDiscord.Call put = f.discord.awaitCommandRegistration();

            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.path()).isEqualTo("applications/" + FakeDiscord.BOT_ID + "/commands");
            assertThat(put.body()).hasSize(17);
            assertThat(f.bot.commandsRegistered().get(10, TimeUnit.SECONDS)).hasSize(17);
        }
    }
}
