package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.store.ChatFeed;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chat feed's own interval ({@code feeds add <url> 30m}) drives when the poller reads it (injected clock). */
class ChatFeedIntervalTest {
    private static final Instant T0 = Instant.parse("2026-12-06T20:00:00Z");
    /** poll.interval 5m, poll.min-interval 10m */
    private static final PollSettings SETTINGS = new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24),
            Duration.ofHours(1), Duration.ofMinutes(10));
    private static final String SLOW = "https://slow.example.org/rss";
    private static final String PLAIN = "https://plain.example.org/rss";
    private static final String SHARED = "https://shared.example.org/rss";
    private static final String TOO_FAST = "https://fast.example.org/rss";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> read = new ArrayList<>();
    private JdbcNewsStore store;

    @BeforeEach
    void open() {
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("i.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void add(String chat, String url, Duration interval) {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, chat, url, "7", T0, interval));
    }

    private Poller poller() {
        FeedReader reader = (location, etag, lastModified, now) -> {
            read.add(location);
            return new ReadResult.Read("Feed", List.<Story>of(), null, null);
        };
        return new Poller(store, reader, s -> Stories.nothing(), SETTINGS, clock,
                new Routing(store.subscriptions(), store.chatFeeds(), reader));
    }

    private List<String> pollAt(Duration sinceStart) {
        clock.set(T0.plus(sinceStart));
        read.clear();
        poller().pollDue(List.of());
        return List.copyOf(read);
    }

    @Test
    void aFeedWithItsOwnIntervalIsReadOnlyWhenThatIntervalHasPassed() {
        add("-100", SLOW, Duration.ofMinutes(30));
        add("-100", PLAIN, null);

        assertThat(pollAt(Duration.ZERO)).containsExactlyInAnyOrder(SLOW, PLAIN);
        assertThat(pollAt(Duration.ofMinutes(5))).containsExactly(PLAIN);
        assertThat(pollAt(Duration.ofMinutes(10))).containsExactly(PLAIN);
        assertThat(pollAt(Duration.ofMinutes(29))).containsExactly(PLAIN);
        assertThat(pollAt(Duration.ofMinutes(30))).containsExactly(SLOW);
        assertThat(pollAt(Duration.ofMinutes(34))).containsExactly(PLAIN);
        assertThat(store.feedState(SLOW).orElseThrow().nextPollAt()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
    }

    @Test
    void aFeedTwoChatsAddedIsReadAtTheShorterOfTheirIntervals() {
        add("-100", SHARED, Duration.ofHours(2));
        add("-200", SHARED, Duration.ofMinutes(45));
        pollAt(Duration.ZERO);
        assertThat(store.feedState(SHARED).orElseThrow().nextPollAt()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
    }

    @Test
    void aChatThatGaveNoIntervalKeepsTheSharedFeedAtPollInterval() {
        add("-100", SHARED, Duration.ofHours(2));
        add("-200", SHARED, null);
        pollAt(Duration.ZERO);
        assertThat(store.feedState(SHARED).orElseThrow().nextPollAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aStoredIntervalBelowPollMinIntervalIsReadAtTheMinimum() {
        // stored when poll.min-interval was lower; the operator has raised it to 10m since
        add("-100", TOO_FAST, Duration.ofMinutes(6));
        pollAt(Duration.ZERO);
        assertThat(store.feedState(TOO_FAST).orElseThrow().nextPollAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void theRoutesGiveAChatFeedItsOwnIntervalAndAConfiguredFeedKeepsItsConfig() {
        add("-100", SLOW, Duration.ofMinutes(30));
        add("-100", PLAIN, null);
        FeedConfig configured = new FeedConfig("https://wire.example.org/rss", "Wire", Duration.ofMinutes(15));
        ChatRoutes routes = new ChatRoutes(new Routing(store.subscriptions(), store.chatFeeds(),
                (l, e, m, n) -> new ReadResult.Failed("unused")), SETTINGS);
        assertThat(routes.feedsToPoll(List.of(configured)).stream().map(ChatRoutes.PolledFeed::config).toList())
                .containsExactly(configured, new FeedConfig(PLAIN, null, null), // same added_at: by address
                        new FeedConfig(SLOW, null, Duration.ofMinutes(30)));
    }
}
