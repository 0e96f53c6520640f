package newsalert.platform.telegram;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import newsalert.command.Command;
import newsalert.command.CommandContext;
import newsalert.command.CommandOption;
import newsalert.command.Reply;

/** A test command that records who ran it and answers "name: args (moderator=…)". */
class RecordingCommand implements Command {
    record Call(CommandContext ctx, List<String> args) {
    }

    private final String name;
    private final boolean moderatorOnly;
    final List<Call> calls = new CopyOnWriteArrayList<>();

    RecordingCommand(String name, boolean moderatorOnly) {
        this.name = name;
        this.moderatorOnly = moderatorOnly;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return name + " [words]";
    }

    @Override
    public String help() {
        return "test command " + name;
    }

    @Override
    public List<CommandOption> options() {
        return List.of();
    }

    @Override
    public boolean moderatorOnly() {
        return moderatorOnly;
    }

    @Override
    public String refusal() {
        return "Only chat admins can change " + name + " here.";
    }

    @Override
    public Reply run(CommandContext ctx, List<String> args) {
        calls.add(new Call(ctx, args));
        return Reply.of(name + ": " + String.join(" ", args) + " (moderator=" + ctx.callerIsModerator() + ")");
    }
}
