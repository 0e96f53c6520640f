package newsalert.store;

/** A storage failure (database unreachable, disk full, schema mismatch), with the cause attached. */
public class StoreException extends RuntimeException {
    /**
     * @param message what was being done
     * @param cause   the underlying JDBC or I/O error
     */
    public StoreException(String message, Throwable cause) {
        super(message + ": " + (cause == null ? "" : cause.getMessage()), cause);
    }

    /**
     * @param message the whole message, fit to show the user (says what to do); the cause's text is not added
     * @param cause   the underlying error, kept for the log's stack trace
     * @return the exception
     */
    public static StoreException plain(String message, Throwable cause) {
        return new StoreException(message, cause, true);
    }

    private StoreException(String message, Throwable cause, boolean plain) {
        super(message, cause);
    }
}
