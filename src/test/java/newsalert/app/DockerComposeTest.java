package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newsalert.config.ConfigLoader;
import newsalert.config.NewsalertConfig;
import org.junit.jupiter.api.Test;

/**
 * The docker-compose.yml that README's "Running several instances" points to: two newsalert instances on one
 * PostgreSQL, configured only through environment variables that the config loader reads. Docker itself is not
 * run here; the file's shape and its variables are.
 */
class DockerComposeTest {

    @Test
    void twoInstancesShareOnePostgresqlThroughTheEnvironmentTheLoaderReads() throws Exception {
        // SnakeYAML (under Jackson's YAML module) resolves the file's "<<: *newsalert" merge keys as Compose does
        Object raw = new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        JsonNode compose = new ObjectMapper().valueToTree(raw);
        JsonNode services = compose.get("services");
        List<String> instances = new ArrayList<>();
        services.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("newsalert")) {
                instances.add(n);
            }
        });
        assertThat(instances).containsExactly("newsalert-1", "newsalert-2");
        assertThat(services.at("/db/image").asText()).startsWith("postgres:");
        String database = services.at("/db/environment/POSTGRES_DB").asText();
        String user = services.at("/db/environment/POSTGRES_USER").asText();
        for (String name : instances) {
            JsonNode env = services.get(name).get("environment");
            assertThat(env.get("NEWSALERT_STORE_URL").asText()).isEqualTo("jdbc:postgresql://db:5432/" + database);
            assertThat(env.get("NEWSALERT_STORE_USER").asText()).isEqualTo(user);
            assertThat(env.get("NEWSALERT_STORE_PASSWORD").asText())
                    .isEqualTo(services.at("/db/environment/POSTGRES_PASSWORD").asText());
            assertThat(services.get(name).at("/depends_on/db/condition").asText()).isEqualTo("service_healthy");
            // what the loader makes of exactly this environment (no config file, as in the image's default)
            NewsalertConfig c = ConfigLoader.load(null, Map.of(
                    "NEWSALERT_STORE_URL", env.get("NEWSALERT_STORE_URL").asText(),
                    "NEWSALERT_STORE_USER", env.get("NEWSALERT_STORE_USER").asText(),
                    "NEWSALERT_STORE_PASSWORD", "pw"));
            assertThat(c.store().url()).isEqualTo("jdbc:postgresql://db:5432/newsalert");
            assertThat(c.store().user()).isEqualTo("newsalert");
            assertThat(c.store().password()).isEqualTo("pw");
            assertThat(services.get(name).at("/image").asText()).isEqualTo("newsalert:local");
            // no default password: Compose stops with what to set when the variable is missing
            assertThat(env.get("NEWSALERT_STORE_PASSWORD").asText()).startsWith("${NEWSALERT_DB_PASSWORD:?")
                    .doesNotContain(":-");
        }
        // the image is built once: by newsalert-1, which newsalert-2 waits for and never pulls
        assertThat(services.at("/newsalert-1/build").asText()).isEqualTo(".");
        assertThat(services.at("/newsalert-1/pull_policy").asText()).isEqualTo("build");
        assertThat(services.get("newsalert-2").has("build")).isFalse();
        assertThat(services.at("/newsalert-2/pull_policy").asText()).isEqualTo("never");
        assertThat(services.at("/newsalert-2/depends_on/newsalert-1/condition").asText()).isEqualTo("service_started");
    }
}
