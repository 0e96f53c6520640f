package newsalert.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code java -jar newsalert.jar <command>}. Exit codes: 0 success, 1 failure (every input
 * failed, bad config, store unusable), 2 bad command-line usage.
 */
@Command(name = "newsalert", mixinStandardHelpOptions = true, version = "newsalert 0.1.0",
        description = "Polls news feeds, picks out attacks and diplomacy, and sends alerts with casualty"
                + " counts and quotes.",
        subcommands = {ScanCommand.class, RunCommand.class, EvalCommand.class, OpmlCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @param args command-line arguments */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs a command without exiting the JVM (for tests and embedding).
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
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
        return new CommandLine(new Main()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: scan, run, eval or opml");
    }
}
