package newsalert.app;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;

/**
 * Words why a chat platform could not start in one plain line ("Discord unreachable: DNS lookup failed for
 * discord.com"), from the cause chain of what the library threw, instead of the library's class names
 * ({@code ErrorResponseException: -1: java.net.UnknownHostException}).
 */
final class StartFailure {
    private static final java.util.regex.Pattern UNKNOWN_HOST =
            java.util.regex.Pattern.compile("UnknownHostException: ([^\\s:;,]+)");

    private StartFailure() {
    }

    /**
     * @param platform "Discord" or "Telegram"
     * @param e        what starting threw
     * @return e.g. {@code Discord unreachable: DNS lookup failed for discord.com}; never a token (the messages
     *         used are host names and the platform's own error text)
     */
    static String describe(String platform, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                return platform + " unreachable: DNS lookup failed" + (t.getMessage() == null ? ""
                        : " for " + t.getMessage().replaceFirst(":.*", ""));
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return platform + " unreachable: the connection was refused or has no route";
            }
            if (t instanceof SocketTimeoutException) {
                return platform + " unreachable: the connection timed out";
            }
            if (t instanceof SSLException) {
                return platform + " unreachable: the secure (TLS) connection failed";
            }
        }
        // JDA's code -1 carries the network failure in its text: "-1: java.net.UnknownHostException: discord.com"
        java.util.regex.Matcher host = UNKNOWN_HOST.matcher(String.valueOf(e.getMessage()));
        if (host.find()) {
            return platform + " unreachable: DNS lookup failed for " + host.group(1);
        }
        if (e instanceof ErrorResponseException r && r.getErrorCode() > 0) {
            return platform + " answered " + r.getErrorCode() + ": " + r.getMeaning();
        }
        return platform + " could not be reached (" + e.getClass().getSimpleName() + ")";
    }
}
