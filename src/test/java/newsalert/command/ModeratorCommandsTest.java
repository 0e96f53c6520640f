package newsalert.command;

import static newsalert.command.CommandFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.nio.file.Path;
import newsalert.store.ChatFeed;
import newsalert.subscription.KeywordRule;
import newsalert.subscription.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModeratorCommandsTest {
    private static final String KEYWORDS_USAGE =
            "\nUsage: keywords add|remove|list [term] (a leading - excludes: keywords add -drill)";
    private static final String FEEDS_USAGE = "\nUsage: feeds add|remove|list|export|import|retry [url] [interval]";

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

    @Test
    void membersAreRefusedPolitely() {
        assertThat(f.member("/keywords add kharkiv"))
                .isEqualTo(Reply.ephemeral("Only chat admins can change keywords here."));
        assertThat(f.member("/keywords list"))
                .isEqualTo(Reply.ephemeral("Only chat admins can change keywords here."));
        assertThat(f.member("/feeds add https://news.example.org/world.rss"))
                .isEqualTo(Reply.ephemeral("Only chat admins can change feeds here."));
        assertThat(f.news.subscriptions().keywordRules(Platform.TELEGRAM, GROUP.chatId())).isEmpty();
        assertThat(f.checked).isEmpty();
    }

    @Test
    void keywordsAreStoredInOneNormalFormAndMixedScriptsAreRefused() {
        assertThat(f.admin("keywords add ＫＹＩＶ")).isEqualTo(Reply.of(
                "Added include keyword \"kyiv\": only stories mentioning an include keyword are sent here."));
        assertThat(f.admin("keywords add Kyiv")).isEqualTo(Reply.of("\"kyiv\" is already a keyword here."));
        assertThat(f.admin("keywords add кharkiv")).isEqualTo(Reply.ephemeral(
                "The letter 'к' (Cyrillic) in 'кharkiv' is not Latin like the rest; retype it."
                        + "\nUsage: keywords add|remove|list [term] (a leading - excludes: keywords add -drill)"));
        assertThat(f.news.subscriptions().keywordRules(Platform.TELEGRAM, GROUP.chatId()))
                .extracting(KeywordRule::term).containsExactly("kyiv");
        assertThat(f.admin("keywords remove ＫＹＩＶ")).isEqualTo(Reply.of("Removed keyword \"kyiv\"."));
    }

    @Test
    void keywordsAddListRemoveWithExcludes() {
        assertThat(f.admin("keywords list"))
                .isEqualTo(Reply.of("No keywords here. Add one with: keywords add <term> (a leading - excludes)"));
        assertThat(f.admin("keywords add Gaza   Strip")).isEqualTo(Reply.of(
                "Added include keyword \"gaza strip\": only stories mentioning an include keyword are sent here."));
        f.clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(f.admin("keywords add -Drill")).isEqualTo(Reply.of(
                "Added exclude keyword \"drill\": stories mentioning it are not sent here."));
        assertThat(f.admin("keywords add gaza strip")).isEqualTo(Reply.of("\"gaza strip\" is already a keyword here."));
        assertThat(f.admin("keywords list"))
                .isEqualTo(Reply.of("Keywords here: include \"gaza strip\"; exclude \"drill\"."));
        assertThat(f.news.subscriptions().keywordRules(Platform.TELEGRAM, GROUP.chatId()))
                .extracting(KeywordRule::term, KeywordRule::kind, KeywordRule::createdBy)
                .containsExactly(tuple("gaza strip", KeywordRule.Kind.INCLUDE, "111"),
                        tuple("drill", KeywordRule.Kind.EXCLUDE, "111"));
        assertThat(f.admin("keywords remove -drill")).isEqualTo(Reply.of("Removed keyword \"drill\"."));
        assertThat(f.admin("keywords remove drill"))
                .isEqualTo(Reply.of("\"drill\" is not a keyword here. See: keywords list"));
        assertThat(f.admin("keywords list")).isEqualTo(Reply.of("Keywords here: include \"gaza strip\"."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "keywords               | Say add, remove or list.",
            "keywords add           | A keyword cannot be empty. Example: keywords add Zaporizhzhia",
            "keywords add -         | A keyword cannot be empty. Example: keywords add Zaporizhzhia",
            "keywords add ?!        | A keyword needs at least one letter or digit; punctuation is ignored when matching.",
            "keywords remove        | Say which keyword to remove.",
            "keywords list extra    | keywords list takes no term.",
            "keywords rename a b    | Unknown action \"rename\".",
    })
    void keywordsBadArgumentsGiveUsage(String line, String problem) {
        assertThat(f.admin(line)).isEqualTo(Reply.ephemeral(problem + KEYWORDS_USAGE));
    }

    @Test
    void keywordsRefuseTermsPastTheLengthAndCountLimits() {
        assertThat(f.admin("keywords add " + "a".repeat(65))).isEqualTo(Reply.ephemeral(
                "That keyword is 65 characters long; the limit is 64. Use a shorter word or phrase." + KEYWORDS_USAGE));
        for (int i = 0; i < 50; i++) {
            f.admin("keywords add term" + i);
        }
        assertThat(f.admin("keywords add one more")).isEqualTo(Reply.ephemeral("This chat already has 50 keywords,"
                + " the most allowed is 50. Remove one first with: keywords remove <term>" + KEYWORDS_USAGE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://news.example.org/world.rss         | Only http:// and https:// feed addresses are accepted.",
            "file:///etc/passwd                       | Only http:// and https:// feed addresses are accepted.",
            "news.example.org/world.rss               | Only http:// and https:// feed addresses are accepted.",
            "http://127.0.0.1/                        | That address points to a loopback address (127.0.0.1), which is not allowed.",
            "http://10.0.0.5/                         | That address points to a private address (10.0.0.5), which is not allowed.",
            "http://169.254.169.254/latest/meta-data  | That address points to a link-local address (169.254.169.254), which is not allowed.",
            "https://intranet.example.org/feed.rss    | That address points to a private address (192.168.1.20), which is not allowed.",
            "http://[::1]:8080/feed.rss               | That address points to a loopback address (0:0:0:0:0:0:0:1), which is not allowed.",
            "http://0.0.0.0/feed.rss                  | That address points to an unspecified address (0.0.0.0), which is not allowed.",
            "http://100.64.1.1/feed.rss               | That address points to a carrier-grade NAT address (100.64.1.1), which is not allowed.",
            "http://[fd12::1]/feed.rss                | That address points to a private (unique-local) address (fd12:0:0:0:0:0:0:1), which is not allowed.",
            "https://nowhere.invalid/feed.rss         | The host nowhere.invalid could not be found.",
            "http:///feed.rss                         | That address has no host name: http:///feed.rss",
            "http://bad host/feed.rss                 | Give one feed address.",
            "https://news.example.org@evil.example/x  | Addresses with a name before an @ (name@host) are not accepted: they hide which site the feed is on. Give the address without it.",
            "https://news.example.org/g/\u202Essr.exe | That address has control or text-direction characters in it; give it as plain text.",
            "https://user:pw@news.example.org/x       | Addresses with a name before an @ (name@host) are not accepted: they hide which site the feed is on. Give the address without it.",
    })
    void feedsAddRefusesUnsafeAddressesWithoutFetching(String url, String problem) {
        assertThat(f.admin("feeds add " + url)).isEqualTo(Reply.ephemeral(problem + FEEDS_USAGE));
        assertThat(f.checked).isEmpty();
        assertThat(f.news.chatFeeds().chatFeeds(Platform.TELEGRAM, GROUP.chatId())).isEmpty();
    }

    @Test
    void feedsAddAcceptsAPublicFeedAfterCheckingIt() {
        assertThat(f.admin("feeds add https://news.example.org/world.rss"))
                .isEqualTo(Reply.of("Added feed https://news.example.org/world.rss (Example Wire)."));
        assertThat(f.checked).containsExactly(URI.create("https://news.example.org/world.rss"));
        assertThat(f.admin("feeds add https://news.example.org/world.rss"))
                .isEqualTo(Reply.of("That feed is already in this chat's list."));
        assertThat(f.admin("feeds add https://news.example.org/index.html")).isEqualTo(Reply.of(
                "That address is not a feed we can read: the page is HTML, not RSS or Atom."));
        assertThat(f.news.chatFeeds().chatFeeds(Platform.TELEGRAM, GROUP.chatId()))
                .containsExactly(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), "https://news.example.org/world.rss",
                        "111", CommandFixture.T0));
        assertThat(f.admin("feeds list")).isEqualTo(Reply.of("Feeds added here:\n• https://news.example.org/world.rss"));
        assertThat(f.admin("feeds remove https://news.example.org/world.rss"))
                .isEqualTo(Reply.of("Removed feed https://news.example.org/world.rss."));
        assertThat(f.admin("feeds remove https://news.example.org/world.rss"))
                .isEqualTo(Reply.of("That feed is not in this chat's list. See: feeds list"));
        assertThat(f.admin("feeds list")).isEqualTo(Reply.of("No feeds added here. Add one with: feeds add <url>"));
    }

    @Test
    void feedsAddAcceptsPrivateHostsWhenSelfHostingAllowsThem() {
        try (CommandFixture selfHosted = new CommandFixture(dir.resolve("self"), true)) {
            assertThat(selfHosted.admin("feeds add http://10.0.0.5/local.rss"))
                    .isEqualTo(Reply.of("Added feed http://10.0.0.5/local.rss (Example Wire)."));
            assertThat(selfHosted.admin("feeds add ftp://10.0.0.5/local.rss")).isEqualTo(Reply.ephemeral(
                    "Only http:// and https:// feed addresses are accepted." + FEEDS_USAGE));
        }
    }

    @Test
    void feedsAddStopsAtTheLimitPerChat() {
        for (int i = 0; i < FeedsCommand.MAX_PER_CHAT; i++) {
            f.admin("feeds add https://news.example.org/f" + i + ".rss");
        }
        assertThat(f.admin("feeds add https://news.example.org/more.rss")).isEqualTo(Reply.of(
                "This chat already has 20 feeds, the most allowed. Remove one first with: feeds remove <url>"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "feeds                   | Say add, remove, list, export, import or retry.",
            "feeds add               | Give one feed address.",
            "feeds remove            | Give one feed address.",
            "feeds list all          | feeds list takes no address.",
            "feeds subscribe x       | Unknown action \"subscribe\".",
    })
    void feedsBadArgumentsGiveUsage(String line, String problem) {
        assertThat(f.admin(line)).isEqualTo(Reply.ephemeral(problem + FEEDS_USAGE));
    }
}
