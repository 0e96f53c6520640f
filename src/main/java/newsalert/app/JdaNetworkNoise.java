package newsalert.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps JDA's own ERROR lines about an unreachable Discord ({@code Requester - DNS resolution failed},
 * {@code There was an I/O error while executing a REST request}) off the log: newsalert says the same once, in
 * its own words and with what happens next ({@link DiscordService}, the delivery worker's retry lines). Every
 * other line of JDA's, and every line of any other logger, passes. Installed by {@code logback.xml},
 * {@code newsalert/logback-json.xml} and the tests' {@code logback-test.xml}.
 */
public final class JdaNetworkNoise extends TurboFilter {
    /** JDA's REST requester, whose network failures newsalert reports itself. */
    static final String REQUESTER = "net.dv8tion.jda.internal.requests.Requester";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (logger == null || format == null || !REQUESTER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        return isNetworkFailure(format) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** @return whether a Requester message (its format, before arguments) reports a host or network failure */
    static boolean isNetworkFailure(String format) {
        return format.startsWith("DNS resolution failed")
                || format.startsWith("There was an I/O error while executing a REST request");
    }
}
