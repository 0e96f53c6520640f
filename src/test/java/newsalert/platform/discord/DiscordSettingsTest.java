package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscordSettingsTest {

    @Test
    void defaultsAreDiscordsOwnAndTheTokenIsMasked() {
        DiscordSettings s = DiscordSettings.of("MTIz.secret.token");

        assertThat(s.apiUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(s.gatewayUrl()).isEqualTo("wss://gateway.discord.gg/");
        assertThat(s.guildId()).isNull();
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.toString()).doesNotContain("secret").contains("token=****");
    }

    @Test
    void aFakesUrlsAreTakenAndTheRestBaseGetsItsSlash() {
        DiscordSettings s = new DiscordSettings("t", "http://127.0.0.1:8080/api/v10", "ws://127.0.0.1:8080/gateway",
                " 810000000000000001 ", Duration.ofSeconds(3));

        assertThat(s.apiUrl()).isEqualTo("http://127.0.0.1:8080/api/v10/");
        assertThat(s.gatewayUrl()).isEqualTo("ws://127.0.0.1:8080/gateway");
        assertThat(s.guildId()).isEqualTo("810000000000000001");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, null, null, discord token is required",
            "t, ftp://x.example/, null, discord api-url must be a http/https URL",
            "t, null, https://gateway.example/, discord gateway-url must be a ws/wss URL",
            "t, null, null, discord guild-id must be a snowflake",
    })
    void badSettingsAreRefusedWithTheKeyNamed(String token, String api, String gateway, String message) {
        String guild = message.contains("guild-id") ? "my-server" : null;
        assertThatThrownBy(() -> new DiscordSettings(token, api, gateway, guild, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }
}
