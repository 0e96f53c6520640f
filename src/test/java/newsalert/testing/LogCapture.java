package newsalert.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Collects what one logger logs through SLF4J (Logback), for tests that pin a log line or expect an error:
 * {@code try (LogCapture log = LogCapture.of(RunCommand.class)) { …; log.lines() }}. While attached it takes
 * INFO and above (whatever logback-test.xml says) and keeps them off the console, so the errors a test provokes
 * on purpose do not print stack traces into a green build. Restores the logger on close.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level level;
    private final boolean additive;
    private final ListAppender<ILoggingEvent> appender = new SignallingAppender();

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.level = logger.getLevel();
        this.additive = logger.isAdditive();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        if (logger.getEffectiveLevel().isGreaterOrEqual(Level.WARN)) {
            logger.setLevel(Level.INFO); // the tests' root level is WARN; DEBUG, when set, stays
        }
    }

    /** @return a capture of what {@code source}'s logger logs from now on */
    public static LogCapture of(Class<?> source) {
        return new LogCapture((Logger) LoggerFactory.getLogger(source));
    }

    /**
     * @param name a logger name, also of a library ({@code org.telegram.telegrambots}, {@code net.dv8tion.jda});
     *             the capture covers the loggers below it too
     * @return a capture of what that logger logs from now on
     */
    public static LogCapture of(String name) {
        return new LogCapture((Logger) LoggerFactory.getLogger(name));
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

    /**
     * Waits for a line logged by another thread (a command's reply failing after the test's own steps).
     *
     * @param text    what the message contains
     * @param maxWait how long to wait at most
     * @return whether such a line was logged in time
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean await(String text, java.time.Duration maxWait) throws InterruptedException {
        long end = System.nanoTime() + maxWait.toNanos();
        synchronized (appender) { // woken by each event appended, not by polling
            while (!contains(text)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                appender.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** A list appender that wakes {@link #await} at each event (appended under the appender's own lock). */
    private static final class SignallingAppender extends ListAppender<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent e) {
            super.append(e);
            notifyAll();
        }
    }

    /**
     * A capture for each test of a class whose tests provoke a logger's warnings on purpose (a failing feed's
     * "HTTP 503 … next try at" line): {@code @RegisterExtension final LogCapture.PerTest pollerLog =
     * LogCapture.perTest(Poller.class);} keeps those lines off the console and lets a test assert them with
     * {@code pollerLog.capture().lines()}.
     *
     * @param source the class whose logger is captured
     * @return an extension that attaches a fresh capture before each test and closes it after
     */
    public static PerTest perTest(Class<?> source) {
        return new PerTest(source.getName());
    }

    /**
     * @param name a logger name, also of a library ({@code com.zaxxer.hikari.pool.PoolBase})
     * @return an extension that attaches a fresh capture of that logger before each test and closes it after
     */
    public static PerTest perTest(String name) {
        return new PerTest(name);
    }

    /** The JUnit extension of {@link #perTest}: one {@link LogCapture} per test method. */
    public static final class PerTest implements BeforeEachCallback, AfterEachCallback {
        private final String name;
        private LogCapture current;

        private PerTest(String name) {
            this.name = name;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            current = LogCapture.of(name);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        /**
         * @return the running test's capture
         * @throws IllegalStateException outside a test method
         */
        public LogCapture capture() {
            if (current == null) {
                throw new IllegalStateException("no test is running");
            }
            return current;
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setAdditive(additive);
        logger.setLevel(level);
    }
}
