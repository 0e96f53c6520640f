package newsalert.app;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;

/**
 * Words why a chat platform could not start in one plain line ("Discord unreachable: DNS lookup failed for
 * discord.com"), from the cause chain of what the library threw, instead of the library's class names
 * ({@code ErrorResponseException: -1: java.net.UnknownHostException}).
 */
final class StartFailure {
    /** Libraries that flatten the cause into their message: "-1: java.net.UnknownHostException: discord.com". */
    private static final Pattern UNKNOWN_HOST = Pattern.compile("UnknownHostException: ([^\\s:;,]+)");

    private StartFailure() {
    }

    /**
     * @param platform "Discord" or "Telegram"
     * @param e        what starting threw
     * @return e.g. {@code Discord unreachable: DNS lookup failed for discord.com}; never a token (the texts used
     *         are host names and the platform's own error meaning)
     */
    static String describe(String platform, Throwable e) {
        return network(platform, e).orElseGet(() -> e instanceof ErrorResponseException r && r.getErrorCode() > 0
                ? answered(platform, r.getErrorCode(), r.getMeaning())
                : platform + " could not be reached (" + e.getClass().getSimpleName() + ")");
    }

    /**
     * @param platform "Discord"
     * @param code     the error code the answer carried (Discord's own code, or the HTTP status when it had none)
     * @param meaning  Discord's words for it; JDA's "N/A" (or nothing) when the answer was not Discord's
     * @return {@code Discord answered 50001: Missing Access}; for an answer without Discord's words, what to check:
     *         the address (discord.api-url) and the token
     */
    static String answered(String platform, int code, String meaning) {
        if (meaning == null || meaning.isBlank() || meaning.strip().equals("N/A")) {
            return platform + " answered " + code + " without saying why, so the server there may not be "
                    + platform + ": check discord.api-url (leave it unset to use discord.com) and the token";
        }
        return platform + " answered " + code + ": " + meaning;
    }

    /**
     * @param platform "Discord" or "Telegram"
     * @param e        what starting threw
     * @return the plain reason when a network failure (DNS, refused, timeout, TLS) is behind it, else empty
     */
    static Optional<String> network(String platform, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String why = kind(t.getClass().getSimpleName(), t.getMessage());
            if (why != null) {
                return Optional.of(platform + " unreachable: " + why);
            }
        }
        String text = String.valueOf(e.getMessage());
        for (String name : new String[] {"UnknownHostException", "ConnectException", "NoRouteToHostException",
                "SocketTimeoutException", "SSLHandshakeException", "SSLException"}) {
            if (text.contains(name)) {
                Matcher host = UNKNOWN_HOST.matcher(text);
                return Optional.of(platform + " unreachable: " + kind(name, host.find() ? host.group(1) : null));
            }
        }
        return Optional.empty();
    }

    private static String kind(String exception, String message) {
        return switch (exception) {
            case "UnknownHostException" -> "DNS lookup failed"
                    + (message == null ? "" : " for " + message.replaceFirst(":.*", ""));
            case "ConnectException", "NoRouteToHostException" -> "the connection was refused or has no route";
            case "SocketTimeoutException" -> "the connection timed out";
            case "SSLException", "SSLHandshakeException" -> "the secure (TLS) connection failed";
            default -> null;
        };
    }
}
