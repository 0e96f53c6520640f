package newsalert.command;

import static newsalert.command.CommandFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import newsalert.store.ChatFeed;
import newsalert.subscription.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code feeds add <url> [interval]}: parsing, the poll.min-interval floor, the stored value and the list line. */
class FeedsIntervalCommandTest {
    private static final String USAGE = "\nUsage: feeds add|remove|list|export|import|retry [url] [interval]";
    private static final String URL = "https://news.example.org/world.rss";

    @TempDir
    Path dir;
    CommandFixture f;

    @BeforeEach
    void open() {
        f = new CommandFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Optional<Duration> stored() {
        return f.news.chatFeeds().chatFeeds(Platform.TELEGRAM, GROUP.chatId()).stream()
                .filter(c -> c.url().equals(URL)).findFirst().map(c -> c.interval() == null ? Duration.ZERO
                        : c.interval());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "30m   | 30m  | PT30M",
            "2h    | 2h   | PT2H",
            "1h30m | 1h30m| PT1H30M",
            "5m    | 5m   | PT5M",
            "PT45M | 45m  | PT45M",
            "7d    | 7d   | PT168H",
    })
    void anIntervalIsStoredWithTheFeedAndNamedInTheReply(String written, String shown, String iso) {
        assertThat(f.admin("feeds add " + URL + " " + written)).isEqualTo(Reply.of(
                "Added feed " + URL + " (Example Wire). It is polled every " + shown + "."));
        assertThat(stored()).contains(Duration.parse(iso));
    }

    @Test
    void addingAFeedAgainWithAnIntervalChangesItInPlace() {
        f.admin("feeds add " + URL + " 30m");
        int checks = f.checked.size();
        assertThat(f.admin("feeds add " + URL + " 1h")).isEqualTo(Reply.of("That feed is already in this chat's"
                + " list; it is now polled every 1h."));
        assertThat(stored()).contains(Duration.ofHours(1));
        assertThat(f.checked).as("nothing fetched to change an interval").hasSize(checks);
        assertThat(f.admin("feeds add " + URL + " 60m")).isEqualTo(Reply.of("That feed is already in this chat's"
                + " list. It is already polled every 1h."));
        assertThat(f.admin("feeds add " + URL + " 1m").text()).startsWith("interval 1m is below poll.min-interval");
        assertThat(stored()).contains(Duration.ofHours(1));
    }

    @Test
    void aStoredIntervalBelowARaisedMinimumIsListedAtTheMinimum() {
        f.news.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), URL, "111",
                CommandFixture.T0, Duration.ofMinutes(6)));
        FeedsCommand feeds = new FeedsCommand(f.news.chatFeeds(), uri -> FeedCheck.Result.feed("Example Wire"),
                new AddressPolicy(CommandFixture::resolve, false), null, new FixedStatus(Duration.ofMinutes(10)));
        assertThat(feeds.run(new CommandContext(GROUP, "111", true, f.clock), java.util.List.of("list")).text())
                .isEqualTo("Feeds added here:\n• " + URL + " — not polled yet; every 10m");
    }

    /** Never polled; poll.interval 5m and the given poll.min-interval. */
    private record FixedStatus(Duration minInterval) implements FeedStatus {
        @Override
        public Optional<Health> health(String url) {
            return Optional.empty();
        }

        @Override
        public boolean retryNow(String url) {
            return false;
        }

        @Override
        public Duration interval() {
            return Duration.ofMinutes(5);
        }
    }

    @Test
    void withoutAnIntervalTheFeedHasNoneOfItsOwn() {
        assertThat(f.admin("feeds add " + URL)).isEqualTo(Reply.of("Added feed " + URL + " (Example Wire)."));
        assertThat(f.news.chatFeeds().chatFeeds(Platform.TELEGRAM, GROUP.chatId())).containsExactly(
                new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), URL, "111", CommandFixture.T0, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2m    | interval 2m is below poll.min-interval 5m; use 5m or more",
            "299s  | interval 299s is below poll.min-interval 5m; use 5m or more",
            "0m    | interval 0m is below poll.min-interval 5m; use 5m or more",
            "60    | '60' has no unit; write 60s for seconds or 60m for minutes (also h, d, ms)",
            "soon  | 'soon' is not a duration; write e.g. 30m or 2h",
            "-30m  | '-30m' is not a duration; write e.g. 30m or 2h",
            "30x   | '30x' is not a duration; write e.g. 30m or 2h",
            "99999999999999999999d | '99999999999999999999d' is not a duration; write e.g. 30m or 2h",
            "8d    | interval 8d is longer than 7d, the longest allowed; use 7d or less",
            "30 m  | '30 m' has a space inside; write it without: 30m",
    })
    void aBadIntervalIsRefusedInPlainWordsBeforeTheFeedIsFetched(String written, String problem) {
        assertThat(f.admin("feeds add " + URL + " " + written)).isEqualTo(Reply.ephemeral(problem + USAGE));
        assertThat(f.checked).isEmpty();
        assertThat(stored()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "feeds remove " + URL + " 30m",
            "feeds retry " + URL + " 30m",
            "feeds add " + URL + " 30m extra",
    })
    void onlyAddTakesOneInterval(String line) {
        assertThat(f.admin(line)).isEqualTo(Reply.ephemeral("Give one feed address." + USAGE));
    }

    @Test
    void theFloorIsTheConfiguredPollMinInterval() {
        FeedStatus status = new FeedStatus() {
            @Override
            public Optional<Health> health(String url) {
                return Optional.empty();
            }

            @Override
            public boolean retryNow(String url) {
                return false;
            }

            @Override
            public Duration interval() {
                return Duration.ofMinutes(10);
            }

            @Override
            public Duration minInterval() {
                return Duration.ofMinutes(15);
            }
        };
        FeedsCommand feeds = new FeedsCommand(f.news.chatFeeds(), uri -> FeedCheck.Result.feed("Example Wire"),
                new AddressPolicy(CommandFixture::resolve, false), null, status);
        CommandContext ctx = new CommandContext(GROUP, "111", true, f.clock);

        assertThat(feeds.run(ctx, java.util.List.of("add", URL, "10m")).text())
                .startsWith("interval 10m is below poll.min-interval 15m; use 15m or more");
        assertThat(feeds.run(ctx, java.util.List.of("add", URL, "20m")).text())
                .isEqualTo("Added feed " + URL + " (Example Wire). It is polled every 20m.");
        assertThat(feeds.run(ctx, java.util.List.of("add", "https://news.example.org/plain.rss")).text())
                .isEqualTo("Added feed https://news.example.org/plain.rss (Example Wire).");
        // both added at the same instant: listed by address
        assertThat(feeds.run(ctx, java.util.List.of("list")).text()).isEqualTo("""
                Feeds added here:
                • https://news.example.org/plain.rss — not polled yet; every 10m
                • https://news.example.org/world.rss — not polled yet; every 20m""");
    }

    @Test
    void theListShowsEachFeedsOwnIntervalBesideItsHealth() {
        Instant polled = CommandFixture.T0.plusSeconds(60);
        f.admin("feeds add " + URL + " 2h");
        f.news.saveFeedState(new newsalert.store.FeedState(URL, null, null, polled, polled,
                polled.plus(Duration.ofHours(2)), 0, null));
        FeedStatus status = new FeedStatus() {
            @Override
            public Optional<Health> health(String url) {
                return Optional.of(new Health(polled, 0, null, polled.plus(Duration.ofHours(2)), null, null));
            }

            @Override
            public boolean retryNow(String url) {
                return false;
            }

            @Override
            public Duration interval() {
                return Duration.ofMinutes(5);
            }
        };
        FeedsCommand feeds = new FeedsCommand(f.news.chatFeeds(), uri -> FeedCheck.Result.feed("Example Wire"),
                new AddressPolicy(CommandFixture::resolve, false), null, status);
        assertThat(feeds.run(new CommandContext(GROUP, "111", true, f.clock), java.util.List.of("list")).text())
                .isEqualTo("Feeds added here:\n• " + URL + " — ok; no items yet; every 2h");
    }
}
