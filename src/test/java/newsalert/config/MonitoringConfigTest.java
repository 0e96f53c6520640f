package newsalert.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metrics.*} and {@code logging.*}: defaults, the file, the environment and the errors. */
class MonitoringConfigTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("c.yml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void offAndTextByDefault() {
        NewsalertConfig c = ConfigLoader.load(null, Map.of());

        assertThat(c.metrics()).isEqualTo(new MetricsConfig(null, "127.0.0.1"));
        assertThat(c.metrics().enabled()).isFalse();
        assertThat(c.logging().json()).isFalse();
    }

    @Test
    void theFileSetsThemAndTheEnvironmentWins() throws Exception {
        Path f = write("metrics:\n  port: 9400\n  host: 0.0.0.0\nlogging:\n  format: json\n");

        NewsalertConfig fromFile = ConfigLoader.load(f, Map.of());
        NewsalertConfig fromEnv = ConfigLoader.load(f, Map.of("NEWSALERT_METRICS_PORT", " 9500 ",
                "NEWSALERT_METRICS_HOST", "127.0.0.2", "NEWSALERT_LOG_FORMAT", "TEXT"));

        assertThat(fromFile.metrics()).isEqualTo(new MetricsConfig(9400, "0.0.0.0"));
        assertThat(fromFile.logging().json()).isTrue();
        assertThat(fromEnv.metrics()).isEqualTo(new MetricsConfig(9500, "127.0.0.2"));
        assertThat(fromEnv.logging().json()).isFalse();
    }

    @Test
    void badValuesSayWhatIsExpected() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("NEWSALERT_METRICS_PORT", "http")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable NEWSALERT_METRICS_PORT: must be a port number 1-65535, got 'http'");
        assertThatThrownBy(() -> ConfigLoader.load(write("metrics:\n  port: 70000\n"), Map.of()))
                .hasMessageEndingWith(", line 2: metrics.port must be a port number 1-65535 (or null for no endpoint), got 70000");
        assertThatThrownBy(() -> ConfigLoader.load(write("metrics:\n  host: ''\n"), Map.of()))
                .hasMessageEndingWith(", line 2: metrics.host must be an address to bind, such as 127.0.0.1 or 0.0.0.0");
        assertThatThrownBy(() -> ConfigLoader.load(write("logging:\n  format: xml\n"), Map.of()))
                .hasMessageEndingWith(", line 2: logging.format must be text or json, got xml");
    }
}
