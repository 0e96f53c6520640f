package newsalert.app;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Logback's {@link JsonEncoder} plus one field, {@code "time"}: the event's time as ISO-8601 in UTC with
 * milliseconds ({@code "2026-12-06T23:41:07.512Z"}), the form the text logs and "next try at …" use (issue 16
 * item 8). The encoder's own {@code "timestamp"} (epoch milliseconds) stays, since log collectors may read it.
 * Added through the encoder's {@code appendCustomFields} hook, after every field of its own.
 */
public class UtcJsonEncoder extends JsonEncoder {
    /**
     * @param sb    the object being written (an earlier field was written: the timestamp always is)
     * @param event the logging event
     */
    @Override
    protected void appendCustomFields(StringBuilder sb, ILoggingEvent event) {
        sb.append(",\"time\":\"")
                .append(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(event.getTimeStamp())))
                .append('"');
    }
}
