package newsalert.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads a feed from a local file through the same {@link FeedParser} as fetched feeds (used by
 * {@code scan <file>}). Relative links in the file stay unresolved unless the feed names its own
 * link, since a file path is no base for web links.
 */
public final class FeedSource {
    private final FeedParser parser;
    private final long maxBytes;

    /**
     * @param parser   the parser to use
     * @param maxBytes files larger than this are refused (use {@link FetchSettings#DEFAULT_MAX_BODY})
     */
    public FeedSource(FeedParser parser, long maxBytes) {
        this.parser = parser;
        this.maxBytes = maxBytes;
    }

    /**
     * Reads and parses {@code file}.
     *
     * @param firstSeen the time to judge dates against (usually now)
     * @throws FeedException "no such file", "cannot read file: …", "file is too large: …" (the caller names
     *                      the file) or any parse failure
     */
    public ParsedFeed readFile(Path file, Instant firstSeen) throws FeedException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
        } catch (NoSuchFileException e) {
            throw new FeedException("no such file", e);
        } catch (AccessDeniedException e) {
            throw new FeedException("cannot read file: permission denied", e);
        } catch (IOException e) {
            throw new FeedException(Files.isDirectory(file) ? "cannot read file: it is a directory"
                    : "cannot read file: the system refused to read it", e);
        }
        if (bytes.length > maxBytes) {
            throw new FeedException("file is too large: more than " + maxBytes + " bytes");
        }
        return parser.parse(bytes, null, null, firstSeen);
    }
}
