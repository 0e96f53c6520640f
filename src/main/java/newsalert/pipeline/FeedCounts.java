package newsalert.pipeline;

/**
 * How the feeds of one poll cycle went ({@link Poller#lastCycle()}); {@code run --once} exits non-zero when
 * feeds were polled and none could be read.
 *
 * @param read   feeds read, with new entries or not (304 Not Modified and an unchanged file count as read)
 * @param failed feeds that could not be read (each reason was logged)
 */
public record FeedCounts(int read, int failed) {
    /** @return these counts plus one feed, read or failed */
    FeedCounts plus(boolean wasRead) {
        return wasRead ? new FeedCounts(read + 1, failed) : new FeedCounts(read, failed + 1);
    }
}
