package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import newsalert.delivery.SendResult;
import org.junit.jupiter.api.Test;

/**
 * A failed Discord call's reason is stored on the outbox row ({@code last_error}, shown by {@code status}): it names
 * the kind of failure in our words, never the library's exception text (dcmd19 saw "transient: discord -1:
 * java.io.InterruptedIOException (HTTP -1)" on a row).
 */
class DiscordErrorsTest {
    private static ErrorResponseException carrying(Exception io) {
        return ErrorResponseException.create(ErrorResponse.SERVER_ERROR, new Response(io, Set.of()));
    }

    @Test
    void aRequestThatTimedOutIsAnUnknownOutcomeInOurWords() {
        SendResult r = DiscordErrors.toResult(new CompletionException(carrying(
                new SocketTimeoutException("timeout at okhttp3.internal.http2.Http2Stream$StreamTimeout"))));
        assertThat(r).isEqualTo(new SendResult.Transient("discord unreachable: no answer in time", true));
    }

    @Test
    void networkFailuresAreNamedByKindWithoutTheirText() {
        assertThat(DiscordErrors.toResult(carrying(new ConnectException("Connection refused: /10.1.2.3:443"))))
                .isEqualTo(new SendResult.Transient("discord unreachable: the connection was refused or has no route",
                        false));
        assertThat(DiscordErrors.toResult(new java.io.IOException("unexpected end of stream on http://x")))
                .isEqualTo(new SendResult.Transient("discord unreachable: the connection broke", false));
        assertThat(DiscordErrors.toResult(new TimeoutException("future timed out")))
                .isEqualTo(new SendResult.Transient("discord unreachable: no answer in time", true));
    }

    @Test
    void anUnexpectedErrorSaysWhereItsDetailsAre() {
        SendResult r = DiscordErrors.toResult(new IllegalStateException("JDA internal state text"));
        assertThat(r).isInstanceOf(SendResult.Transient.class);
        assertThat(((SendResult.Transient) r).reason()).isEqualTo("discord call failed (details are in the log)")
                .doesNotContain("JDA internal");
    }

    @Test
    void aReplyOrNoticeLongerThanDiscordAllowsIsCutToTheLimitNeverInsideAnEmoji() {
        assertThat(DiscordPlatform.fit("short")).isEqualTo("short");
        String x = "a".repeat(2000);
        assertThat(DiscordPlatform.fit(x)).isSameAs(x);
        String longer = "b".repeat(1998) + "\uD83D\uDE80" + "tail";
        assertThat(DiscordPlatform.fit(longer)).hasSize(1999).endsWith("b…");
        assertThat(DiscordPlatform.fit("c".repeat(5000))).hasSize(2000).endsWith("c…");
    }
}
