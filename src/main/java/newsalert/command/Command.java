package newsalert.command;

import java.util.List;

/**
 * One chat command. Implementations are stateless apart from their ports and thread-safe.
 *
 * <p>{@link #run} never sees a caller who is not allowed: {@link CommandRegistry} refuses non-moderators
 * for {@link #moderatorOnly()} commands before calling it. Bad arguments give a reply with the usage, not
 * an exception.
 */
public interface Command {

    /** @return the lower-case name users type, without a slash: {@code "subscribe"} */
    String name();

    /** @return the usage line: the name and its arguments, e.g. {@code "latest [n] [topic]"} */
    String usage();

    /** @return one short line saying what it does, for {@code help} and platform command menus */
    String help();

    /** @return the arguments it takes, for platforms with typed options (Discord slash commands) */
    List<CommandOption> options();

    /** @return whether only chat moderators (Telegram admins, Discord Manage Server) may run it */
    boolean moderatorOnly();

    /** @return the polite sentence shown to a non-moderator who tries a {@link #moderatorOnly()} command */
    default String refusal() {
        return "Only chat admins can use " + name() + " here.";
    }

    /**
     * @param ctx  where and by whom it was sent
     * @param args the words after the command name, split on whitespace, none blank
     * @return the reply; never {@code null}
     */
    Reply run(CommandContext ctx, List<String> args);

    /** @return an ephemeral reply: {@code problem}, then the usage line */
    default Reply usageReply(String problem) {
        return Reply.ephemeral(problem + "\nUsage: " + usage());
    }
}
