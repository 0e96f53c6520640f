package newsalert.app;

import java.net.URI;
import java.time.Clock;
import newsalert.command.FeedCheck;
import newsalert.feed.Discovery;

/**
 * {@link FeedCheck} over a {@link SourceReader}: fetches the URL once (no validators) and parses it, and for a
 * web page looks for its feed ({@link newsalert.feed.FeedDiscovery}). Give it the same guarded reader that
 * polls chat-added feeds, so the address rules are applied again at every connect, discovery's included.
 */
final class FetchingFeedCheck implements FeedCheck {
    private final SourceReader reader;
    private final Clock clock;

    /**
     * @param reader reads, parses and discovers feeds; never throws
     * @param clock  the time given to the parser for entries without dates
     */
    FetchingFeedCheck(SourceReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** @return a feed with its title (and its address when found for a page), several candidates, or the reason */
    @Override
    public Result check(URI url) {
        Discovery d = reader.discover(url.toString(), clock.instant());
        return switch (d.kind()) {
            case FEED -> Result.feed(d.feed().title());
            case FOUND -> Result.found(d.feedUrl(), d.feed().title());
            case SEVERAL -> Result.several(d.candidates().stream()
                    .map(c -> new Candidate(c.url(), c.title())).toList());
            case NONE -> Result.notFeed(d.problem());
        };
    }
}
