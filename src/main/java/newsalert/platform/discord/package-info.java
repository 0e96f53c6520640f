/**
 * The Discord adapter, on JDA 6: alerts rendered as embeds (with a plain-text fallback) and delivered
 * through the outbox by {@link newsalert.platform.discord.DiscordPlatform}, and the platform-neutral chat
 * commands offered as slash commands over the gateway by {@link newsalert.platform.discord.DiscordBot}.
 * Keying follows {@link newsalert.subscription.Target}: the guild is the chat, the channel the thread; a
 * direct message has its channel as the chat. Everything taken from feeds is escaped for Discord markdown
 * and sent with no allowed mentions.
 */
package newsalert.platform.discord;
