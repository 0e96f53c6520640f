package newsalert.eval;

/**
 * A labelled or real-data file could not be read or has a bad line; the message names the file and line.
 * {@link #aboutFormat()} tells a line that breaks the file format (bad JSON, a missing or unknown key, a
 * bad CSV row) from a file that could not be read at all, so a caller can point to the format's description.
 */
public final class EvalInputException extends RuntimeException {
    private final boolean aboutFormat;

    /** @param message one line: {@code "<file>:<line>: <problem>"} or {@code "<file>: <problem>"} */
    public EvalInputException(String message) {
        this(message, false);
    }

    /**
     * @param message     one line: {@code "<file>:<line>: <problem>"} or {@code "<file>: <problem>"}
     * @param aboutFormat true when the content breaks the file format
     */
    public EvalInputException(String message, boolean aboutFormat) {
        super(message);
        this.aboutFormat = aboutFormat;
    }

    /** @return true when a line breaks the file format (as opposed to a missing, unreadable or non-UTF-8 file) */
    public boolean aboutFormat() {
        return aboutFormat;
    }
}
