package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JSON log format: each line one JSON object a collector can parse. */
class LogFormatTest {
    @Test
    void aPollCycleLineIsOneParsableJsonObject() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        try {
            // the console appender takes System.err when it starts: swap it in before configuring
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(LogFormat.configure(context, LogFormat.class.getResource(LogFormat.JSON_CONFIG))).isTrue();
            context.getLogger("newsalert.pipeline.Poller").info("poll cycle: {} feeds, {} not modified", 812, 790);
            context.getLogger("org.flywaydb.core.Flyway").info("not shown: Flyway logs at WARN and above");
        } finally {
            context.stop();
            System.setErr(err);
        }

        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines[0]);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("loggerName").asText()).isEqualTo("newsalert.pipeline.Poller");
        assertThat(line.get("message").asText()).isEqualTo("poll cycle: {} feeds, {} not modified");
        assertThat(line.get("formattedMessage").asText()).isEqualTo("poll cycle: 812 feeds, 790 not modified");
        assertThat(line.get("arguments").get(0).asText()).isEqualTo("812");
        long millis = line.get("timestamp").asLong();
        assertThat(millis).isPositive();
        // the same instant in the form of the text logs: ISO-8601, UTC, milliseconds
        assertThat(line.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z")
                .isEqualTo(java.time.Instant.ofEpochMilli(millis).toString());
    }

    @Test
    void onlyJsonInTheEnvironmentSwitches() {
        assertThat(LogFormat.applyEnv(java.util.Map.of())).isFalse();
        assertThat(LogFormat.applyEnv(java.util.Map.of("NEWSALERT_LOG_FORMAT", "text"))).isFalse();
    }
}
