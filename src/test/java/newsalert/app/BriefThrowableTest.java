package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BriefThrowableTest {
    private final LoggerContext context = new LoggerContext();

    private String brief(Throwable t) {
        Logger logger = context.getLogger("org.telegram.telegrambots.longpolling.BotSession");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "failed", t, null);
        return new BriefThrowable().convert(event);
    }

    @Test
    void exceptionAndCausesOnOneLine() {
        IOException e = new IOException("Canceled", new SocketException("Socket\n  closed"));
        assertThat(brief(e)).isEqualTo(" (IOException: Canceled; cause SocketException: Socket closed)");
    }

    @Test
    void noExceptionGivesNothingAndNoMessageGivesTheClassOnly() {
        assertThat(brief(null)).isEmpty();
        assertThat(brief(new IllegalStateException())).isEqualTo(" (IllegalStateException)");
    }

    @Test
    void atMostThreeCausesAreNamed() {
        Throwable t = new RuntimeException("e4");
        for (int i = 3; i >= 0; i--) {
            t = new RuntimeException("e" + i, t);
        }
        assertThat(brief(t)).isEqualTo(" (RuntimeException: e0; cause RuntimeException: e1; cause RuntimeException: e2;"
                + " cause RuntimeException: e3)");
    }

    /** The shipped logback.xml prints TelegramBots' long-polling errors on one line, and ours in full. */
    @Test
    void shippedConfigShortensOnlyTheLongPollingSession() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            context.setMDCAdapter(new LogbackMDCAdapter());
            JoranConfigurator joran = new JoranConfigurator();
            joran.setContext(context);
            joran.doConfigure(BriefThrowable.class.getResource("/logback.xml"));
            // newsalert's own cancel of the long poll is kept off altogether (TelegramCancelNoise)
            context.getLogger("org.telegram.telegrambots.longpolling.BotSession")
                    .error("Error received from Telegram GetUpdates Request", new IOException("Canceled"));
            context.getLogger("org.telegram.telegrambots.longpolling.BotSession")
                    .error("Error received from Telegram GetUpdates Request",
                            new java.net.ConnectException("Connection refused"));
            context.getLogger("newsalert.app.RunCommand").error("delivery failed", new IOException("disk full"));
        } finally {
            context.stop();
            System.setErr(old);
        }
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines[0]).endsWith("ERROR BotSession - Error received from Telegram GetUpdates Request"
                + " (ConnectException: Connection refused)");
        assertThat(lines[1]).endsWith("ERROR RunCommand - delivery failed");
        assertThat(lines[2]).isEqualTo("java.io.IOException: disk full");
        assertThat(lines[3]).contains("at newsalert.app.BriefThrowableTest");
    }
}
