package newsalert.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects what one class logs through SLF4J (Logback), for tests that pin a log line:
 * {@code try (LogCapture log = LogCapture.of(RunCommand.class)) { …; log.lines() }}. Detaches on close.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Class<?> source) {
        logger = (Logger) LoggerFactory.getLogger(source);
        appender.start();
        logger.addAppender(appender);
    }

    /** @return a capture of what {@code source}'s logger logs from now on */
    public static LogCapture of(Class<?> source) {
        return new LogCapture(source);
    }

    /** @return "LEVEL message" of each event so far, in order (a copy) */
    public List<String> lines() {
        List<ILoggingEvent> events;
        synchronized (appender) { // AppenderBase.doAppend appends under the appender's own lock
            events = List.copyOf(appender.list);
        }
        return events.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    /** @return true when a message logged so far contains {@code text} */
    public boolean contains(String text) {
        return lines().stream().anyMatch(l -> l.contains(text));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
