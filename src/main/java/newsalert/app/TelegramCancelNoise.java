package newsalert.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import org.slf4j.Marker;

/**
 * Keeps off the log the lines TelegramBots' long-polling session writes when newsalert itself stops it: on a lease
 * handover to another instance or at shutdown the session's pending {@code getUpdates} call is cancelled, and the
 * session logs {@code Error received from Telegram GetUpdates Request, retrying …} at ERROR (its cause an
 * {@link IOException} "Canceled", which OkHttp gives only for a call cancelled on purpose) and then
 * {@code GetUpdates got interrupted while sleeping in backoff mode.} at WARN. Neither is a fault; newsalert logs the
 * handover and the stop in its own words. A {@code getUpdates} that fails for any other reason (Telegram
 * unreachable, a refused token) still passes, as does every other line. Installed beside {@link JdaNetworkNoise} by
 * {@code logback.xml}, {@code newsalert/logback-json.xml} and the tests' {@code logback-test.xml}.
 */
public final class TelegramCancelNoise extends TurboFilter {
    /** TelegramBots' long-polling session. */
    static final String SESSION = "org.telegram.telegrambots.longpolling.BotSession";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (logger == null || format == null || !SESSION.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        if (format.startsWith("GetUpdates got interrupted while sleeping in backoff mode")) {
            return FilterReply.DENY;
        }
        if (format.startsWith("Error received from Telegram GetUpdates Request")
                && cancelled(t != null ? t : lastThrowable(params))) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /** @return the last argument when it is a throwable (SLF4J's convention for a message's exception) */
    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable e ? e : null;
    }

    /** @return whether the throwable or one of its causes is OkHttp's "Canceled" (a call cancelled on purpose) */
    static boolean cancelled(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException && "Canceled".equals(c.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
