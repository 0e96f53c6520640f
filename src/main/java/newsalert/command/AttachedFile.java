package newsalert.command;

import java.io.IOException;

/**
 * A file sent with a command (Telegram: the document the command is the caption of, or replies to; Discord:
 * an attachment option). The adapter downloads it only when a command asks, so no file is fetched for a
 * caller the registry refuses.
 */
public interface AttachedFile {

    /** @return the file name as sent, possibly empty, never {@code null} */
    String name();

    /** @return its size in bytes as the platform reports it, or {@code -1} when unknown */
    long size();

    /**
     * Downloads the file.
     *
     * @param maxBytes the most bytes to accept
     * @return the content
     * @throws TooLargeException when it has more than {@code maxBytes} bytes
     * @throws IOException       when the platform could not deliver it (the message is for the log only)
     */
    byte[] read(long maxBytes) throws IOException;

    /** The file is larger than the command accepts. */
    final class TooLargeException extends IOException {
        /** @param maxBytes the limit that was passed */
        public TooLargeException(long maxBytes) {
            super("file larger than " + maxBytes + " bytes");
        }
    }
}
