package newsalert.platform.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * How to reach the Telegram Bot API.
 *
 * @param token           the bot token from BotFather ({@code 123456:ABC…}); a secret: it never appears in
 *                        {@link #toString()} and is removed from log text by {@link #redact(String)}
 * @param apiUrl          the Bot API base URL: scheme, host and optional port, no path, e.g.
 *                        {@code https://api.telegram.org} (the default) or {@code http://127.0.0.1:8081} for
 *                        a self-hosted Bot API server or a test fake
 * @param longPollTimeout how long one {@code getUpdates} call may wait for updates (whole seconds, 0–50);
 *                        production uses 50 s, tests 1 s
 */
public record TelegramSettings(String token, String apiUrl, Duration longPollTimeout) {
    /** The official Bot API server. */
    public static final String DEFAULT_API_URL = "https://api.telegram.org";
    /** The long-poll wait used in production. */
    public static final Duration DEFAULT_LONG_POLL = Duration.ofSeconds(50);

    /**
     * @throws IllegalArgumentException when the token is blank or contains whitespace or {@code /}, or the URL
     *                                  is not an absolute http(s) URL without a path, or the timeout is out of
     *                                  0–50 s
     */
    public TelegramSettings {
        if (token == null || token.isBlank() || token.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            throw new IllegalArgumentException("telegram token is missing or malformed");
        }
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
        parse(apiUrl);
        longPollTimeout = longPollTimeout == null ? DEFAULT_LONG_POLL : longPollTimeout;
        if (longPollTimeout.isNegative() || longPollTimeout.compareTo(Duration.ofSeconds(50)) > 0) {
            throw new IllegalArgumentException("long-poll timeout must be 0..50 s: " + longPollTimeout);
        }
    }

    /** Settings for the official server and the production long-poll wait. */
    public TelegramSettings(String token) {
        this(token, DEFAULT_API_URL, DEFAULT_LONG_POLL);
    }

    /** Settings for the given server and the production long-poll wait. */
    public TelegramSettings(String token, String apiUrl) {
        this(token, apiUrl, DEFAULT_LONG_POLL);
    }

    /** @return the same settings with another long-poll wait */
    public TelegramSettings withLongPollTimeout(Duration timeout) {
        return new TelegramSettings(token, apiUrl, timeout);
    }

    /** @return the TelegramBots URL (scheme, host, port; never the test-server flag) */
    public TelegramUrl telegramUrl() {
        URI u = parse(apiUrl);
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort() != -1 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, u.getHost(), port, false);
    }

    /**
     * @param text any text that may contain the token (an exception message, a URL)
     * @return the text with every occurrence of the token replaced by {@code <token>}; {@code ""} for null
     */
    public String redact(String text) {
        return text == null ? "" : text.replace(token, "<token>");
    }

    /** @return the settings with the token hidden */
    @Override
    public String toString() {
        return "TelegramSettings[token=<hidden>, apiUrl=" + apiUrl + ", longPollTimeout=" + longPollTimeout + "]";
    }

    private static URI parse(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("telegram api-url is not a URL: " + url);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new IllegalArgumentException("telegram api-url must be an http(s) URL with a host: " + url);
        }
        String path = Objects.requireNonNullElse(u.getPath(), "");
        if (!path.isEmpty() && !path.equals("/") || u.getQuery() != null || u.getUserInfo() != null) {
            throw new IllegalArgumentException("telegram api-url takes no path, query or user info: " + url);
        }
        return u;
    }
}
