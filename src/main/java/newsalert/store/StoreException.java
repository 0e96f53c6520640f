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
}
