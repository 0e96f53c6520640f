package newsalert.platform.discord;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Discord.
 *
 * @param token          the bot token (secret: {@link #toString()} masks it); never blank
 * @param apiUrl         the REST base URL ending in {@code /}, e.g. {@value #DEFAULT_API_URL}; a REST proxy or a
 *                       test fake may be given instead (JDA's {@code RestConfig#setBaseUrl})
 * @param gatewayUrl     the gateway websocket URL ({@code wss://…} or {@code ws://…} for a local fake), or
 *                       {@code null} for Discord's {@value #DEFAULT_GATEWAY_URL}. {@link DiscordBot}'s session
 *                       controller hands this URL to JDA's shard manager instead of asking REST
 *                       {@code /gateway/bot}, so this is how a proxy or fake gateway is chosen
 * @param guildId        the guild whose commands are registered (instant updates while developing), or
 *                       {@code null} to register them globally
 * @param requestTimeout the longest one delivery request may take before it counts as transient; positive
 * @param shards         the gateway shards this instance opens; {@code null} for {@link DiscordShards#UNSHARDED}
 */
public record DiscordSettings(String token, String apiUrl, String gatewayUrl, String guildId,
                              Duration requestTimeout, DiscordShards shards) {
    /** Discord's REST base for API version 10. */
    public static final String DEFAULT_API_URL = "https://discord.com/api/v10/";
    /** Discord's gateway, as JDA's default session controller gives it. */
    public static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg/";
    /** Default for {@link #requestTimeout()}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

    public DiscordSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("discord token is required");
        }
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : withSlash(apiUrl.strip());
        gatewayUrl = gatewayUrl == null || gatewayUrl.isBlank() ? DEFAULT_GATEWAY_URL : gatewayUrl.strip();
        guildId = guildId == null || guildId.isBlank() ? null : guildId.strip();
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        shards = shards == null ? DiscordShards.UNSHARDED : shards;
        check(apiUrl, "http", "https", "discord api-url");
        check(gatewayUrl, "ws", "wss", "discord gateway-url");
        if (guildId != null && !guildId.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("discord guild-id must be a snowflake (digits): " + guildId);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("discord request timeout must be positive: " + requestTimeout);
        }
    }

    /** Unsharded settings (one gateway session). */
    public DiscordSettings(String token, String apiUrl, String gatewayUrl, String guildId, Duration requestTimeout) {
        this(token, apiUrl, gatewayUrl, guildId, requestTimeout, null);
    }

    /** @return these settings opening {@code shards} instead */
    public DiscordSettings withShards(DiscordShards shards) {
        return new DiscordSettings(token, apiUrl, gatewayUrl, guildId, requestTimeout, shards);
    }

    /** Settings for Discord itself: default REST base and gateway, global commands. */
    public static DiscordSettings of(String token) {
        return new DiscordSettings(token, null, null, null, null);
    }

    /** @return the settings with the token masked */
    @Override
    public String toString() {
        return "DiscordSettings[token=****, apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl + ", guildId="
                + guildId + ", requestTimeout=" + requestTimeout + ", shards=" + shards + "]";
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static void check(String url, String plain, String secure, String what) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a URL: " + url, e);
        }
        String scheme = Objects.requireNonNullElse(uri.getScheme(), "");
        if (!scheme.equals(plain) && !scheme.equals(secure) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be a " + plain + "/" + secure + " URL: " + url);
        }
    }
}
