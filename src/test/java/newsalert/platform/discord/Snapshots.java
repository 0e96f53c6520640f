package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON snapshots under {@code src/test/resources/snapshots/discord/}: compared as JSON trees. A missing file
 * is written (and the test fails, so a new snapshot is always looked at); {@code -Dsnapshots.update=true}
 * rewrites them.
 */
final class Snapshots {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Path DIR = Path.of("src/test/resources/snapshots/discord");

    private Snapshots() {
    }

    static void assertMatches(String name, String actualJson) {
        try {
            JsonNode actual = JSON.readTree(actualJson);
            Path file = DIR.resolve(name + ".json");
            String pretty = JSON.writeValueAsString(JSON.treeToValue(actual, Object.class)) + "\n";
            if (!Files.exists(file) || Boolean.getBoolean("snapshots.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, pretty, StandardCharsets.UTF_8);
                assertThat(Boolean.getBoolean("snapshots.update")).as("snapshot %s was missing and is now written", file)
                        .isTrue();
            }
            assertThat(actual).isEqualTo(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
