package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Start-up failures of a chat platform read as one plain line without library class names. */
class StartFailureTest {
    @Test
    void networkCausesAreNamedInPlainWords() {
        assertThat(StartFailure.describe("Discord", new RuntimeException("wrapped",
                new UnknownHostException("discord.com: Name or service not known"))))
                .isEqualTo("Discord unreachable: DNS lookup failed for discord.com");
        assertThat(StartFailure.describe("Discord", new IllegalStateException(
                "-1: java.net.UnknownHostException: gateway.discord.gg")))
                .isEqualTo("Discord unreachable: DNS lookup failed for gateway.discord.gg");
        assertThat(StartFailure.describe("Discord", new RuntimeException(new ConnectException("Connection refused"))))
                .isEqualTo("Discord unreachable: the connection was refused or has no route");
        assertThat(StartFailure.describe("Discord", new SocketTimeoutException("connect timed out")))
                .isEqualTo("Discord unreachable: the connection timed out");
        assertThat(StartFailure.describe("Discord", new RuntimeException(new SSLHandshakeException("PKIX"))))
                .isEqualTo("Discord unreachable: the secure (TLS) connection failed");
        assertThat(StartFailure.describe("Discord", new IllegalArgumentException("odd")))
                .isEqualTo("Discord could not be reached (IllegalArgumentException)");
    }

    @Test
    void anAnswerWithoutDiscordsWordsSaysWhatToCheck() {
        assertThat(StartFailure.answered("Discord", 404, "N/A")).isEqualTo("Discord answered 404 without saying why,"
                + " so the server there may not be Discord: check discord.api-url (leave it unset to use discord.com)"
                + " and the token");
        assertThat(StartFailure.answered("Discord", 50001, "Missing Access"))
                .isEqualTo("Discord answered 50001: Missing Access");
    }
}
