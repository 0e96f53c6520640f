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
    private final Duration minInterval;

    /** @param interval {@code poll.interval}, the interval chat feeds without their own are polled at */
    StoredFeedStatus(NewsStore news, ChatFeedStore feeds, Duration interval) {
        this(news, feeds, interval, Duration.ofMinutes(5));
    }

    /**
     * @param interval    {@code poll.interval}, the interval chat feeds without their own are polled at
     * @param minInterval {@code poll.min-interval}, the shortest one {@code feeds add} accepts
     */
    StoredFeedStatus(NewsStore news, ChatFeedStore feeds, Duration interval, Duration minInterval) {
        this.news = news;
        this.feeds = feeds;
        this.interval = interval;
        this.minInterval = minInterval;
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

    @Override
    public Duration minInterval() {
        return minInterval;
    }
}
