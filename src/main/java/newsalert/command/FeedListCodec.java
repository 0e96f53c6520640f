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

    /**
     * One feed of a feed-list file.
     *
     * @param url      the feed's address, as written
     * @param interval its own time between polls as written in the file ({@code 30m}, {@code 2h}), or {@code null}
     *                 when the file gives none (not yet checked in any way)
     */
    record Entry(String url, String interval) {
        public Entry {
            java.util.Objects.requireNonNull(url, "url");
        }
    }

    /**
     * Writes feeds with their own intervals; by default the intervals are left out ({@link #write}).
     *
     * @param feeds the feeds, in order
     * @param now   the file's creation stamp
     * @return the file's bytes
     */
    default byte[] writeEntries(List<Entry> feeds, Instant now) {
        return write(feeds.stream().map(Entry::url).toList(), now);
    }

    /**
     * Reads the feeds of a file with the intervals it gives; by default none ({@link #read}).
     *
     * @throws IllegalArgumentException as {@link #read}
     */
    default List<Entry> readEntries(byte[] file) {
        return read(file).stream().map(u -> new Entry(u, null)).toList();
    }
}
