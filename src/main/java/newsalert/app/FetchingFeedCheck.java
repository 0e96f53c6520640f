package newsalert.app;

import java.net.URI;
import java.time.Clock;
import newsalert.command.FeedCheck;
import newsalert.pipeline.FeedReader;
import newsalert.pipeline.ReadResult;

/**
 * {@link FeedCheck} over a {@link FeedReader}: fetches the URL once (no validators) and parses it. Give it the
 * same guarded reader that polls chat-added feeds, so the address rules are applied again at connect time.
 */
final class FetchingFeedCheck implements FeedCheck {
    private final FeedReader reader;
    private final Clock clock;

    /**
     * @param reader reads and parses one feed; never throws
     * @param clock  the time given to the parser for entries without dates
     */
    FetchingFeedCheck(FeedReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** @return a feed with its title, or not a feed with the reader's one-line reason */
    @Override
    public Result check(URI url) {
        ReadResult r = reader.read(url.toString(), null, null, clock.instant());
        if (r instanceof ReadResult.Read read) {
            return Result.feed(read.title());
        }
        if (r instanceof ReadResult.Failed f) {
            return Result.notFeed(f.reason());
        }
        return Result.notFeed("the server answered 304 Not Modified to a request without validators");
    }
}
