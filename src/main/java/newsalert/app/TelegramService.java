package newsalert.app;

import java.time.Clock;
import newsalert.command.CommandRegistry;
import newsalert.config.TelegramConfig;
import newsalert.delivery.ChatPlatform;
import newsalert.platform.telegram.TelegramBot;
import newsalert.platform.telegram.TelegramPlatform;
import newsalert.platform.telegram.TelegramSettings;

/** Telegram as {@code run} uses it: {@link TelegramPlatform} for delivery, {@link TelegramBot} for commands. */
final class TelegramService implements ChatService {
    private final TelegramPlatform platform;
    private final TelegramBot bot;

    private TelegramService(TelegramPlatform platform, TelegramBot bot) {
        this.platform = platform;
        this.bot = bot;
    }

    /**
     * @throws IllegalArgumentException when the token or API URL is malformed (the message never holds the
     *                                  token)
     */
    static TelegramService create(TelegramConfig config, CommandRegistry registry, Clock clock) {
        TelegramSettings settings = new TelegramSettings(config.token().strip(), config.apiUrl());
        return new TelegramService(new TelegramPlatform(settings), new TelegramBot(settings, registry, clock));
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public ChatPlatform adapter() {
        return platform;
    }

    /** @throws IllegalStateException when Telegram refuses the token or cannot be reached */
    @Override
    public void start() {
        bot.start();
    }

    @Override
    public void close() {
        bot.close();
        platform.close();
    }
}
