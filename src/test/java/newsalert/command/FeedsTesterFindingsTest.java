package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import newsalert.store.ChatFeed;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** issue 17, what the tester found in {@code feeds add}: how many feeds a page offers, one feed under many spellings. */
class FeedsTesterFindingsTest {
    private static final Target CHAT = Target.chat(Platform.TELEGRAM, "-100777");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T05:00:00Z"));
    private final List<URI> checked = new ArrayList<>();
    private volatile FeedCheck.Result result = FeedCheck.Result.feed("Wire");
    private JdbcNewsStore news;
    private CommandRegistry registry;

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("t.db"));
        registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(), uri -> {
            checked.add(uri);
            return result;
        }, new AddressPolicy(CommandFixture::resolve, true));
    }

    @AfterEach
    void close() {
        news.close();
    }

    private String run(String line) {
        return registry.run(new CommandContext(CHAT, "1", true, clock), line).text();
    }

    /** tester's item 6: a page linking 15 feeds said "offers 10 feeds" */
    @Test
    void aPageOfferingFifteenFeedsSaysFifteenAndListsTheFirstTen() {
        result = FeedCheck.Result.several(IntStream.rangeClosed(1, 15)
                .mapToObj(i -> new FeedCheck.Candidate("https://news.example.org/f" + i + ".rss", "")).toList());

        String reply = run("feeds add https://news.example.org/");

        assertThat(reply).startsWith("That page offers 15 feeds; the first 10 are below. Add the one you want with:"
                + " feeds add <its address>\n1. https://news.example.org/f1.rss\n");
        assertThat(reply).endsWith("\n10. https://news.example.org/f10.rss");
        assertThat(reply).doesNotContain("f11.rss");
    }

    @Test
    void aPageOfferingTwoFeedsListsBothAsBefore() {
        result = FeedCheck.Result.several(List.of(new FeedCheck.Candidate("https://news.example.org/a.rss", "A"),
                new FeedCheck.Candidate("https://news.example.org/b.rss", "")));

        assertThat(run("feeds add https://news.example.org/")).isEqualTo("That page offers 2 feeds. Add the one you"
                + " want with: feeds add <its address>\n1. A — https://news.example.org/a.rss\n"
                + "2. https://news.example.org/b.rss");
    }

    /** tester's item 3: one feed under several spellings was added several times */
    @Test
    void oneFeedUnderSeveralSpellingsIsAddedOnceAndKeepsItsPathsCase() {
        assertThat(run("feeds add HTTPS://News.Example.ORG:443/World.rss#top"))
                .isEqualTo("Added feed https://news.example.org/World.rss (Wire).");
        assertThat(run("feeds add https://news.example.org./World.rss")).isEqualTo("That feed is already in this"
                + " chat's list.");
        assertThat(run("feeds add https://NEWS.example.org/World.rss#latest")).isEqualTo("That feed is already in"
                + " this chat's list.");
        assertThat(run("feeds add https://news.example.org/world.rss")).isEqualTo("Added feed"
                + " https://news.example.org/world.rss (Wire).");
        assertThat(news.chatFeeds().chatFeeds(Platform.TELEGRAM, CHAT.chatId())).extracting(ChatFeed::url)
                .containsExactly("https://news.example.org/World.rss", "https://news.example.org/world.rss");
        assertThat(checked).hasSize(2);
        assertThat(run("feeds remove https://News.example.org:443/World.rss")).isEqualTo("Removed feed"
                + " https://news.example.org/World.rss.");
    }

    @Test
    void aFeedStoredUnderAnOldSpellingCountsAsTheSame() {
        news.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, CHAT.chatId(), "http://News.Example.org:80/a.rss",
                "1", clock.instant()));

        assertThat(run("feeds add http://news.example.org/a.rss")).isEqualTo("That feed is already in this chat's"
                + " list.");
        assertThat(checked).isEmpty();
    }

    @Test
    void normalisingKeepsWhatIsNotAnAddressAndWhatTheServerSees() {
        assertThat(FeedUrls.normalise(" http://Example.org ")).isEqualTo("http://example.org/");
        assertThat(FeedUrls.normalise("http://example.org:8080/A?Q=1#f")).isEqualTo("http://example.org:8080/A?Q=1");
        assertThat(FeedUrls.normalise("https://example.org:80/x")).isEqualTo("https://example.org:80/x");
        assertThat(FeedUrls.normalise("http://[::1]:80/x")).isEqualTo("http://[::1]/x");
        assertThat(FeedUrls.normalise("not a url")).isEqualTo("not a url");
        assertThat(FeedUrls.normalise("file:///etc/passwd")).isEqualTo("file:///etc/passwd");
    }

    /** tester17d: a direction mark in an address is refused, and the address is echoed with it made visible. */
    @Test
    void hiddenCharactersAreFoundAndShownAsReplacementCharacters() {
        assertThat(AddressPolicy.hasHidden("https://news.example.org/g/\u202Essr.exe")).isTrue();
        assertThat(AddressPolicy.hasHidden("https://news.example.org/café")).isFalse();
        assertThat(AddressPolicy.shownPlain("https://a.example/\u202Eb\u0007c\u2066"))
                .isEqualTo("https://a.example/\uFFFDb\uFFFDc\uFFFD");
    }

    /** tester17b/17c: spellings of one feed that were still counted as two. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "http://Under_Score.Example./feed               | http://under_score.example/feed",
            "https://BÜCHER.example/rss                     | https://xn--bcher-kva.example/rss",
            "https://xn--bcher-kva.example/rss              | https://xn--bcher-kva.example/rss",
            "https://news.example.org/feed?                 | https://news.example.org/feed",
            "https://news.example.org/a/./b/../feed.xml     | https://news.example.org/a/feed.xml",
            "https://news.example.org/../feed.xml           | https://news.example.org/feed.xml",
            "https://news.example.org/%61%2dz%2f?q=%7e%3d   | https://news.example.org/a-z%2F?q=~%3D",
            "https://news.example.org:443/World.rss#top     | https://news.example.org/World.rss",
            "http://[::1]:8080/x                            | http://[::1]:8080/x",
            "https://news.example.org/café?q=ü              | https://news.example.org/caf%C3%A9?q=%C3%BC",
            "https://news.example.org/caf%c3%a9/😀          | https://news.example.org/caf%C3%A9/%F0%9F%98%80",
    })
    void spellingsOfOneFeedBecomeOne(String typed, String expected) {
        assertThat(FeedUrls.normalise(typed)).isEqualTo(expected);
        assertThat(FeedUrls.normalise(expected)).isEqualTo(expected);
    }
}
