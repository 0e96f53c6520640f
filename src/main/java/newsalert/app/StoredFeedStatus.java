package newsalert.app;

import java.time.Duration;
import java.util.Optional;
import newsalert.command.FeedStatus;
import newsalert.store.ChatFeedStore;
import newsalert.store.FeedState;
import newsalert.store.NewsStore;

/** {@link FeedStatus} over the poller's stored feed state (with {@code failing_since}) and seen entries. */
final class StoredFeedStatus implements FeedStatus {
    private final NewsStore news;
    private final ChatFeedStore feeds;
    private final Duration interval;

    /** @param interval {@code poll.interval}, the interval chat feeds are polled at */
    StoredFeedStatus(NewsStore news, ChatFeedStore feeds, Duration interval) {
        this.news = news;
        this.feeds = feeds;
        this.interval = interval;
    }

    @Override
    public Optional<Health> health(String url) {
        return news.feedState(url).filter(s -> s.lastPollAt() != null).map(s -> new Health(s.lastPollAt(),
                s.failures(), s.lastError(), s.nextPollAt(), feeds.lastNewEntry(url).orElse(null),
                s.failures() == 0 ? null : feeds.failingSince(url).orElse(null)));
    }

    @Override
    public boolean retryNow(String url) {
        Optional<FeedState> state = news.feedState(url);
        state.ifPresent(s -> news.saveFeedState(new FeedState(s.url(), s.etag(), s.lastModified(), s.firstPollAt(),
                s.lastPollAt(), null, s.failures(), s.lastError())));
        return state.isPresent();
    }

    @Override
    public Duration interval() {
        return interval;
    }
}
