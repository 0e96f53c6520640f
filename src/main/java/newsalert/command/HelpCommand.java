package newsalert.command;

import java.util.List;

/** {@code help [command]}: lists every command with its usage and help, or explains one. Anyone may run it. */
final class HelpCommand implements Command {
    private final List<Command> commands;

    /** @param commands a live view of the registry's commands (this one included) */
    HelpCommand(List<Command> commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "help [command]";
    }

    @Override
    public String help() {
        return "list the commands, or explain one";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.optional("command", "the command to explain"));
    }

    @Override
    public boolean moderatorOnly() {
        return false;
    }

    @Override
    public Reply run(CommandContext ctx, List<String> args) {
        if (args.size() > 1) {
            return usageReply("help takes at most one command name.");
        }
        if (args.size() == 1) {
            String want = args.get(0).startsWith("/") ? args.get(0).substring(1) : args.get(0);
            return commands.stream().filter(c -> c.name().equalsIgnoreCase(want)).findFirst()
                    .map(c -> Reply.ephemeral(c.usage() + "\n" + capital(c.help()) + "."
                            + (!c.moderatorOnly() ? "" : ctx.callerIsModerator()
                                    ? "\nOnly chat admins can use it; you can here." : "\nOnly chat admins can use it.")))
                    .orElseGet(() -> usageReply("There is no command \"" + want + "\"."));
        }
        List<String> lines = commands.stream()
                .map(c -> c.usage() + " — " + c.help() + (c.moderatorOnly() ? " (admins)" : "")).toList();
        return Reply.ephemeral(Render.list("Commands:", lines));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
