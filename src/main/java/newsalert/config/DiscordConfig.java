package newsalert.config;

/**
 * The Discord bot ({@code discord.*}).
 *
 * @param token      the bot token from the Developer Portal ({@code discord.token}, env {@code DISCORD_TOKEN},
 *                   which wins); {@code null} or blank runs the bot without Discord. A secret:
 *                   {@link #toString()} hides it
 * @param apiUrl     the REST base ({@code discord.api-url}, default {@code https://discord.com/api/v10/}); a
 *                   REST proxy or a test fake can be given instead
 * @param gatewayUrl the gateway websocket URL ({@code discord.gateway-url}); {@code null} for Discord's own
 * @param guildId    register the slash commands in this one guild only ({@code discord.guild-id}: instant
 *                   updates while developing); {@code null} registers them globally
 * @param shards     how the gateway is split over instances ({@code discord.shards.*}); {@code null} reads as
 *                   unsharded
 */
public record DiscordConfig(String token, String apiUrl, String gatewayUrl, String guildId,
                            DiscordShardsConfig shards) {

    public DiscordConfig {
        shards = shards == null ? new DiscordShardsConfig(null, null) : shards;
    }

    /** An unsharded bot (one gateway session per instance). */
    public DiscordConfig(String token, String apiUrl, String gatewayUrl, String guildId) {
        this(token, apiUrl, gatewayUrl, guildId, null);
    }

    /** @return whether a token is set, so Discord should be started */
    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "DiscordConfig[token=" + (enabled() ? "(set)" : "(none)") + ", apiUrl=" + apiUrl + ", gatewayUrl="
                + gatewayUrl + ", guildId=" + guildId + ", shards=" + shards + "]";
    }
}
