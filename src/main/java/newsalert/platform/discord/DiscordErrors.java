package newsalert.platform.discord;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import newsalert.delivery.SendResult;

/**
 * Translates what JDA reports for one REST call into a {@link SendResult}.
 *
 * <ul>
 *   <li>{@link RateLimitedException} (a 429 answered to a call made without JDA's queue) →
 *       {@link SendResult.RateLimited} with its retry-after (JDA reads the {@code Retry-After} header).</li>
 *   <li>Discord codes 10003 unknown channel, 10004 unknown guild, 50001 missing access, 50007 cannot send to
 *       this user, 50013 missing permissions, and any other HTTP 403 or 404 → {@link SendResult.Permanent}
 *       with "discord &lt;code&gt;: &lt;message&gt;" (the subscription is paused with it).</li>
 *   <li>HTTP 5xx, I/O errors (JDA reports them as an error response carrying the exception), timeouts,
 *       HTTP 401 (a bad token is the bot's fault, not the channel's) → {@link SendResult.Transient}.</li>
 *   <li>Any other 4xx (e.g. 50035 invalid form body) → {@link SendResult.Rejected}: Discord refuses this
 *       message's content, waiting will not change that, and the channel itself is fine, so only that row
 *       fails.</li>
 * </ul>
 */
public final class DiscordErrors {
    /** Discord error codes that mean this channel cannot take our messages. */
    public static final Set<Integer> CHANNEL_GONE_OR_FORBIDDEN = Set.of(
            ErrorResponse.UNKNOWN_CHANNEL.getCode(), ErrorResponse.UNKNOWN_GUILD.getCode(),
            ErrorResponse.MISSING_ACCESS.getCode(), ErrorResponse.CANNOT_SEND_TO_USER.getCode(),
            ErrorResponse.MISSING_PERMISSIONS.getCode());

    private DiscordErrors() {
    }

    /**
     * @param error what a JDA call threw (or completed its future with), unwrapped or not
     * @return the result the delivery worker should see
     */
    public static SendResult toResult(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof RateLimitedException r) {
            return new SendResult.RateLimited(Duration.ofMillis(Math.max(0, r.getRetryAfter())));
        }
        if (e instanceof ErrorResponseException r) {
            int http = r.getResponse().code;
            Exception io = r.getResponse().getException();
            if (io != null) { // JDA's message here is the exception's text: the row gets our words instead
                return new SendResult.Transient("discord unreachable: " + ioWords(io),
                        io instanceof java.io.InterruptedIOException);
            }
            String reason = "discord " + r.getErrorCode() + ": " + r.getMeaning();
            if (http >= 500 || http < 400 || http == 401) {
                // a request that timed out may have been posted: outcome unknown (the retry's nonce dedupes it)
                return new SendResult.Transient(reason + " (HTTP " + http + ")",
                        r.getResponse().getException() instanceof java.io.InterruptedIOException);
            }
            if (CHANNEL_GONE_OR_FORBIDDEN.contains(r.getErrorCode()) || http == 403 || http == 404) {
                return new SendResult.Permanent(reason);
            }
            return new SendResult.Rejected(reason + " (HTTP " + http + ")");
        }
        if (e instanceof TimeoutException) {
            return new SendResult.Transient("discord unreachable: no answer in time", true);
        }
        if (e instanceof IOException io) {
            return new SendResult.Transient("discord unreachable: " + ioWords(io),
                    io instanceof java.io.InterruptedIOException);
        }
        org.slf4j.LoggerFactory.getLogger(DiscordErrors.class).warn("a Discord call failed unexpectedly", e);
        return new SendResult.Transient("discord call failed (details are in the log)");
    }

    /**
     * @return a network failure in our words (the outbox row's {@code last_error} and {@code status} show it): the
     *         kind of failure, never the exception's own text
     */
    static String ioWords(Throwable io) {
        if (io instanceof java.io.InterruptedIOException) {
            return "no answer in time";
        }
        if (io instanceof java.net.UnknownHostException) {
            return "DNS lookup failed";
        }
        if (io instanceof java.net.ConnectException || io instanceof java.net.NoRouteToHostException) {
            return "the connection was refused or has no route";
        }
        if (io instanceof javax.net.ssl.SSLException) {
            return "the secure (TLS) connection failed";
        }
        return "the connection broke";
    }

    /** @return whether the error says the message is gone (10008 unknown message) */
    public static boolean isUnknownMessage(Throwable error) {
        return unwrap(error) instanceof ErrorResponseException r
                && r.getErrorCode() == ErrorResponse.UNKNOWN_MESSAGE.getCode();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
