/**
 * Platform-neutral chat commands: one class per command ({@code help}, {@code subscribe},
 * {@code unsubscribe}, {@code subscriptions}, {@code latest}, {@code search}, {@code story},
 * {@code keywords}, {@code feeds}, {@code why}), each declaring its name, usage, one-line help and whether
 * only moderators may run it, and a {@link newsalert.command.CommandRegistry} that dispatches to them.
 * Commands talk to storage through the {@code store} ports and to feeds through the {@link
 * newsalert.command.FeedCheck} port; replies are plain text under {@value newsalert.command.Reply#MAX_LENGTH}
 * characters that the Telegram and Discord adapters format. No platform, HTTP or JDBC code lives here.
 */
package newsalert.command;
