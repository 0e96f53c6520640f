package newsalert.metrics;

import java.util.Locale;

/** The {@code result} label of {@code newsalert_commands_total}. */
public enum CommandOutcome {
    /** The command ran and answered. */
    OK,
    /** Not run: the caller may not use it, or the name is not a command. */
    REFUSED,
    /** The command failed on our side (the user got an apology). */
    ERROR,
    /** Not answered: the chat sent commands faster than its limit, or the answer could not be posted. */
    DROPPED;

    /** @return the label value, e.g. {@code refused} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
