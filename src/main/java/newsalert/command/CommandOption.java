package newsalert.command;

/**
 * One argument of a command, for platforms that declare typed options.
 *
 * @param name        lower-case option name, e.g. {@code "min-severity"}
 * @param description one short line
 * @param required    whether it must be given
 */
public record CommandOption(String name, String description, boolean required) {
    /** @return an optional option */
    public static CommandOption optional(String name, String description) {
        return new CommandOption(name, description, false);
    }

    /** @return a required option */
    public static CommandOption required(String name, String description) {
        return new CommandOption(name, description, true);
    }
}
