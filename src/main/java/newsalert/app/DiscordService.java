package newsalert.app;

import java.time.Clock;
import newsalert.command.CommandRegistry;
import newsalert.config.DiscordConfig;
import newsalert.delivery.ChatPlatform;
import newsalert.platform.discord.DiscordBot;
import newsalert.platform.discord.DiscordSettings;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;

/**
 * Discord as {@code run} uses it: one {@link DiscordBot} (JDA) answers slash commands and its
 * {@link DiscordBot#platform()} delivers. A token Discord refuses, or a Discord that cannot be reached at
 * start, stops {@code run} with the reason (JDA itself reconnects after a later drop).
 */
final class DiscordService implements ChatService {
    private final DiscordSettings settings;
    private final CommandRegistry registry;
    private final Clock clock;
    private DiscordBot bot;

    private DiscordService(DiscordSettings settings, CommandRegistry registry, Clock clock) {
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when a setting is malformed (the message never holds the token) */
    static DiscordService create(DiscordConfig config, CommandRegistry registry, Clock clock) {
        return new DiscordService(new DiscordSettings(config.token().strip(), config.apiUrl(), config.gatewayUrl(),
                config.guildId(), null), registry, clock);
    }

    @Override
    public String name() {
        return "discord";
    }

    /** @throws IllegalStateException before {@link #start()} */
    @Override
    public ChatPlatform adapter() {
        if (bot == null) {
            throw new IllegalStateException("discord is not started");
        }
        return bot.platform();
    }

    /** @throws IllegalStateException when Discord refuses the token or cannot be reached */
    @Override
    public void start() {
        try {
            bot = DiscordBot.start(settings, registry, clock);
        } catch (InvalidTokenException e) {
            throw new IllegalStateException("Discord refused the token (check discord.token or DISCORD_TOKEN)");
        }
    }

    @Override
    public void close() {
        if (bot != null) {
            bot.close();
        }
    }
}
