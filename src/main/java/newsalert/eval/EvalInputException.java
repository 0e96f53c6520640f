package newsalert.eval;

/** A labelled or real-data file could not be read or has a bad line; the message names the file and line. */
public final class EvalInputException extends RuntimeException {
    /** @param message one line: {@code "<file>:<line>: <problem>"} or {@code "<file>: <problem>"} */
    public EvalInputException(String message) {
        super(message);
    }
}
