package newsalert.config;

/**
 * The Telegram bot ({@code telegram.*}).
 *
 * @param token  the bot token from BotFather ({@code telegram.token}, env {@code TELEGRAM_BOT_TOKEN}, which
 *               wins); {@code null} or blank runs the bot without Telegram. A secret: {@link #toString()}
 *               hides it
 * @param apiUrl the Bot API base URL ({@code telegram.api-url}, default {@code https://api.telegram.org});
 *               a self-hosted Bot API server or a test fake can be given instead
 */
public record TelegramConfig(String token, String apiUrl) {

    /** @return whether a token is set, so Telegram should be started */
    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "TelegramConfig[token=" + (enabled() ? "(set)" : "(none)") + ", apiUrl=" + apiUrl + "]";
    }
}
