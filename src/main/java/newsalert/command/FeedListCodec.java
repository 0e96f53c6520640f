package newsalert.command;

import java.time.Instant;
import java.util.List;

/**
 * The port {@code feeds export} and {@code feeds import} use to write and read feed-list files (OPML 2.0 in
 * the app), so that commands stay free of XML parsing.
 */
public interface FeedListCodec {

    /** @return the file name extension, without a dot, e.g. {@code "opml"} */
    String extension();

    /** @return the media type of the files */
    String mediaType();

    /**
     * @param urls the feed addresses, in order
     * @param now  the file's creation stamp
     * @return the file's bytes
     */
    byte[] write(List<String> urls, Instant now);

    /**
     * @param file a file a user sent
     * @return the feed addresses in it, in order, as written (not yet checked in any way)
     * @throws IllegalArgumentException with a plain one-line reason (safe to show) when the file is refused
     */
    List<String> read(byte[] file);
}
