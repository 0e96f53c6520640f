package newsalert.app;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code java -jar newsalert.jar <command>}. Exit codes: 0 success, 1 failure (every input
 * failed, bad config, store unusable), 2 bad command-line usage (an unknown command is named, with the list of
 * commands), 3 {@code run --once} could read none of its feeds.
 */
@Command(name = "newsalert", mixinStandardHelpOptions = true, version = "newsalert 0.1.0",
        description = "Polls news feeds, picks out attacks and diplomacy, and sends alerts with casualty"
                + " counts and quotes.",
        subcommands = {ScanCommand.class, RunCommand.class, EvalCommand.class, StatusCommand.class,
                OpmlCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @param args command-line arguments */
    public static void main(String[] args) {
        LogFormat.applyEnv(System.getenv());
        System.exit(execute(args));
    }

    /**
     * Runs a command without exiting the JVM (for tests and embedding).
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * Runs a command with its standard output and error sent to the given writers.
     *
     * @param out  receives alerts and JSON
     * @param err  receives usage and per-input errors (logs still go to the logger)
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    private static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        CommandLine.IParameterExceptionHandler picocli = cl.getParameterExceptionHandler();
        return cl.setParameterExceptionHandler((e, args) -> unknownCommand(e)
                ? e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput()
                : picocli.handleParseException(e, args));
    }

    /**
     * Prints the message for a word where a command belongs ({@code newsalert start}) gets "unknown command 'start'; the commands are: …"
     * instead of picocli's "Unmatched argument at index 0"; other usage errors keep picocli's message and usage.
     *
     * @return whether it was such a word (and the message was printed)
     */
    private static boolean unknownCommand(CommandLine.ParameterException e) {
        CommandLine cl = e.getCommandLine();
        if (e instanceof CommandLine.UnmatchedArgumentException u && cl.getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            String word = u.getUnmatched().get(0);
            java.io.PrintWriter err = cl.getErr();
            err.println("error: unknown command '" + word + "'; the commands are: " + commands(cl)
                    + " (newsalert --help says what each does)");
            List<String> near = u.getSuggestions();
            if (!near.isEmpty()) {
                err.println("did you mean: " + String.join(", ", near) + "?");
            }
            err.flush();
            return true;
        }
        return false;
    }

    private static String commands(CommandLine cl) {
        return String.join(", ", cl.getSubcommands().keySet());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: "
                + commands(spec.commandLine()));
    }
}
