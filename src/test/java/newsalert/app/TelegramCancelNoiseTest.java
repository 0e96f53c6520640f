package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 low (tester14b): a lease handover or a stop cancels TelegramBots' pending getUpdates, and its session
 * logged that at ERROR ("… retrying in 360 millis", cause IOException "Canceled") and an interrupted back-off at WARN.
 * Only those two are kept off; a getUpdates that fails for another reason still reaches the log.
 */
class TelegramCancelNoiseTest {
    private static final String RETRYING = "Error received from Telegram GetUpdates Request, retrying in {} millis...";
    private final LoggerContext ctx = new LoggerContext();
    private final TelegramCancelNoise filter = new TelegramCancelNoise();

    private FilterReply decide(String logger, Level level, String format, Object... params) {
        return filter.decide(null, ctx.getLogger(logger), level, format, params, null);
    }

    @Test
    void ourOwnCancelIsKeptOffTheLog() {
        Exception cancelled = new RuntimeException("Unable to execute getupdates method",
                new IOException("Canceled"));
        assertThat(decide(TelegramCancelNoise.SESSION, Level.ERROR, RETRYING, 360L, cancelled))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide(TelegramCancelNoise.SESSION, Level.WARN,
                "GetUpdates got interrupted while sleeping in backoff mode.", new InterruptedException()))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void aRealFailureAndOtherLoggersPass() {
        Exception unreachable = new RuntimeException("Unable to execute getupdates method",
                new java.net.ConnectException("Failed to connect to /127.0.0.1:9"));
        assertThat(decide(TelegramCancelNoise.SESSION, Level.ERROR, RETRYING, 360L, unreachable))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(TelegramCancelNoise.SESSION, Level.ERROR, RETRYING, 360L))
                .as("no exception at all").isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("newsalert.app.TelegramService", Level.ERROR, RETRYING, 360L,
                new IOException("Canceled"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(TelegramCancelNoise.SESSION, Level.INFO, "Received {} updates.", 3))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void aCauseChainIsFollowedToItsEnd() {
        assertThat(TelegramCancelNoise.cancelled(new IllegalStateException("a",
                new RuntimeException("b", new IOException("Canceled"))))).isTrue();
        assertThat(TelegramCancelNoise.cancelled(new IOException("canceled by peer"))).isFalse();
        assertThat(TelegramCancelNoise.cancelled(null)).isFalse();
    }
}
