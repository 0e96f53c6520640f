package newsalert.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Switches the log output to JSON lines: {@code NEWSALERT_LOG_FORMAT=json} at start ({@link Main#main}), or
 * {@code logging.format: json} once {@code run} has read its config. Text ({@code logback.xml}) stays the
 * default; the JSON form is {@code newsalert/logback-json.xml} (logback's {@code JsonEncoder}, one object per line
 * on stderr).
 */
final class LogFormat {
    static final String JSON_CONFIG = "/newsalert/logback-json.xml";
    private static final String ENV = "NEWSALERT_LOG_FORMAT";

    private LogFormat() {
    }

    /**
     * Applies {@code NEWSALERT_LOG_FORMAT} when it says {@code json} (any case).
     *
     * @param env the environment
     * @return whether logs are now JSON
     */
    static boolean applyEnv(Map<String, String> env) {
        String v = env.get(ENV);
        return v != null && v.strip().toLowerCase(Locale.ROOT).equals("json") && useJson();
    }

    /**
     * Applies the config's {@code logging.format}; the environment variable, when set, already decided.
     *
     * @param json whether the config asks for JSON
     * @param env  the environment
     */
    static void applyConfig(boolean json, Map<String, String> env) {
        String v = env.get(ENV);
        if (json && (v == null || v.isBlank())) {
            useJson();
        }
    }

    /** @return whether the switch was made (false when the logging backend is not logback) */
    static boolean useJson() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return false;
        }
        return configure(context, LogFormat.class.getResource(JSON_CONFIG));
    }

    /** Replaces the context's configuration with the one at {@code url}. */
    static boolean configure(LoggerContext context, URL url) {
        context.reset();
        JoranConfigurator jc = new JoranConfigurator();
        jc.setContext(context);
        try {
            jc.doConfigure(url);
            return true;
        } catch (JoranException e) {
            System.err.println("newsalert: cannot switch logs to JSON (" + e.getMessage() + "); logging as text");
            context.reset();
            try {
                jc.doConfigure(LogFormat.class.getResource("/logback.xml"));
            } catch (JoranException again) {
                // nothing more to fall back to: logback prints its own status
            }
            return false;
        }
    }
}
