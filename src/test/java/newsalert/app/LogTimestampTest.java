package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped log format stamps lines in UTC ISO-8601, like "next try at" and alert times (issue 16 item 8). */
class LogTimestampTest {
    @Test
    void logLinesCarryUtcIsoTimestampsWhateverTheMachinesZone() throws IOException {
        String xml = Files.readString(Path.of("src/main/resources/logback.xml"));
        Matcher m = Pattern.compile("<pattern>([^<]*%msg%n)</pattern>").matcher(xml);
        assertThat(m.find()).isTrue();
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
        try {
            LoggerContext context = new LoggerContext();
            PatternLayout layout = new PatternLayout();
            layout.setContext(context);
            layout.setPattern(m.group(1));
            layout.start();
            LoggingEvent event = new LoggingEvent("x", context.getLogger("newsalert.pipeline.Poller"), Level.INFO,
                    "feed {}: first poll, recorded {} entries without alerting", null,
                    new Object[] {"Local Wire (wire.xml)", 1});
            event.setInstant(Instant.parse("2026-11-29T09:15:41.152Z"));
            assertThat(layout.doLayout(event)).isEqualTo("2026-11-29T09:15:41.152Z INFO  Poller - feed Local Wire"
                    + " (wire.xml): first poll, recorded 1 entries without alerting" + System.lineSeparator());
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }
}
