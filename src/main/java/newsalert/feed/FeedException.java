package newsalert.feed;

/**
 * A feed could not be read or understood. The message is one human-readable line, fit to show a
 * user or a log (for example {@code "not a feed: XML is malformed at line 12"}); the cause, when
 * present, carries the library detail for debugging.
 */
public class FeedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message one line, no stack trace */
    public FeedException(String message) {
        super(oneLine(message));
    }

    /**
     * @param message one line, no stack trace
     * @param cause   the underlying library exception, kept for logs
     */
    public FeedException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    static String oneLine(String message) {
        if (message == null) {
            return "feed error";
        }
        // control and bidirectional marks dropped: a reason may quote a feed (an element name, a link)
        String flat = PlainText.collapse(message);
        return flat.length() > 300 ? flat.substring(0, 297) + "..." : flat;
    }
}
