package newsalert.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** store.user / store.password and the secrets read from NAME or NAME_FILE (issue 14 item 1). */
class StoreSecretsTest {
    @TempDir
    Path dir;

    private Path config() throws Exception {
        return Files.writeString(dir.resolve("newsalert.yml"), """
                store:
                  url: jdbc:postgresql://db.internal:5432/news
                  user: newsalert
                  password: from-the-file
                """);
    }

    @Test
    void userAndPasswordComeFromTheConfigAndThePasswordIsNeverShown() throws Exception {
        StoreSettings s = ConfigLoader.load(config(), Map.of()).store();
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db.internal:5432/news");
        assertThat(s.user()).isEqualTo("newsalert");
        assertThat(s.password()).isEqualTo("from-the-file");
        assertThat(s.toString()).doesNotContain("from-the-file").contains("password=(set)");
    }

    @Test
    void theEnvironmentWinsThenItsFileVariant() throws Exception {
        Path secret = Files.writeString(dir.resolve("pw"), "s3cret-in-a-file\n");
        assertThat(ConfigLoader.load(config(), Map.of("NEWSALERT_STORE_PASSWORD", "from-env")).store().password())
                .isEqualTo("from-env");
        assertThat(ConfigLoader.load(config(), Map.of("NEWSALERT_STORE_PASSWORD_FILE", secret.toString())).store()
                .password()).as("the line end is trimmed").isEqualTo("s3cret-in-a-file");
        assertThat(ConfigLoader.load(config(), Map.of("NEWSALERT_STORE_PASSWORD", "from-env",
                "NEWSALERT_STORE_PASSWORD_FILE", secret.toString())).store().password()).isEqualTo("from-env");
        assertThat(ConfigLoader.load(null, Map.of()).store().password()).isNull();
    }

    @Test
    void theUserMayComeFromTheEnvironmentForContainers() throws Exception {
        assertThat(ConfigLoader.load(config(), Map.of("NEWSALERT_STORE_USER", " bot-user ")).store().user())
                .isEqualTo("bot-user");
        assertThat(ConfigLoader.load(config(), Map.of()).store().user()).isEqualTo("newsalert");
        assertThat(ConfigLoader.load(null, Map.of("NEWSALERT_STORE_USER", "bot-user")).store().user())
                .as("also without a config file").isEqualTo("bot-user");
    }

    @Test
    void tokensHaveFileVariantsToo() throws Exception {
        Path token = Files.writeString(dir.resolve("tg"), "123:abc\n");
        Path discord = Files.writeString(dir.resolve("dc"), "discord-token");
        NewsalertConfig c = ConfigLoader.load(null, Map.of("TELEGRAM_BOT_TOKEN_FILE", token.toString(),
                "DISCORD_TOKEN_FILE", discord.toString()));
        assertThat(c.telegram().token()).isEqualTo("123:abc");
        assertThat(c.discord().token()).isEqualTo("discord-token");
    }

    @Test
    void anUnreadableSecretFileIsNamedWithWhatToDo() {
        Path missing = dir.resolve("no-such-secret");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("NEWSALERT_STORE_PASSWORD_FILE", missing.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("NEWSALERT_STORE_PASSWORD_FILE names " + missing + ", which cannot be read; point it at a"
                        + " readable file that holds only the secret, or set NEWSALERT_STORE_PASSWORD instead");
    }

    @Test
    void theShownUrlDropsTheQueryWhereAPasswordCouldStand() {
        StoreSettings s = new StoreSettings("jdbc:postgresql://h/db?user=u&password=hunter2", null, null);
        assertThat(s.shownUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(s.toString()).doesNotContain("hunter2");
    }
}
