/**
 * The Telegram adapter, on TelegramBots 10 (long polling and the OkHttp client).
 *
 * <ul>
 *   <li>{@link newsalert.platform.telegram.TelegramSettings}: token and Bot API base URL (official server,
 *       a self-hosted Bot API server or a test fake).</li>
 *   <li>{@link newsalert.platform.telegram.TelegramHtml}: alerts, digests and command replies in Telegram's
 *       HTML parse mode, every feed- or user-derived string escaped, fitted to the 4,096-character limit.</li>
 *   <li>{@link newsalert.platform.telegram.TelegramPlatform}: the delivery port ({@code sendMessage},
 *       {@code editMessageText}), mapping Telegram's answers onto {@link newsalert.delivery.SendResult}.</li>
 *   <li>{@link newsalert.platform.telegram.TelegramBot}: chat commands over long polling, moderator checks
 *       through {@code getChatMember}, command menu through {@code setMyCommands}.</li>
 * </ul>
 *
 * <p>The bot token is part of every request URL. Nothing here logs a URL or an exception message without
 * passing it through {@link newsalert.platform.telegram.TelegramSettings#redact(String)} first.
 */
package newsalert.platform.telegram;
