package newsalert.app;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback conversion word {@code %briefex}: a logged exception as one short tail on the message line,
 * {@code " (IOException: Canceled; cause SocketException: Socket closed)"}, with no stack trace, and
 * nothing at all when the event has no exception. Used in {@code logback.xml} for the TelegramBots
 * long-polling session, which logs every failed {@code getUpdates} (Telegram unreachable, and the request
 * our own shutdown cancels) with a full stack trace at ERROR; the message still says what happened and
 * that it retries, without tens of lines each time.
 *
 * <p>Shape: the simple class name and message of the exception, then of each cause (at most three), joined
 * with {@code "; cause "}; a message's line breaks become spaces.
 */
public final class BriefThrowable extends ThrowableHandlingConverter {
    private static final int MAX_CAUSES = 3;

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy t = event.getThrowableProxy();
        if (t == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        for (int depth = 0; t != null && depth <= MAX_CAUSES; depth++, t = t.getCause()) {
            if (depth > 0) {
                out.append("; cause ");
            }
            String name = t.getClassName();
            out.append(name.substring(name.lastIndexOf('.') + 1));
            if (t.getMessage() != null) {
                out.append(": ").append(t.getMessage().replaceAll("\\s*\\R\\s*", " ").strip());
            }
        }
        return out.append(')').toString();
    }
}
