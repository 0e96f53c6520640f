package newsalert.config;

/** A configuration problem, with a message fit to show the user as is (one line, says what to fix). */
public class ConfigException extends RuntimeException {
    /** @param message what is wrong and where */
    public ConfigException(String message) {
        super(message);
    }
}
