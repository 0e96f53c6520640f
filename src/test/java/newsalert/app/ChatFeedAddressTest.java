package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandContext;
import newsalert.command.CommandRegistry;
import newsalert.config.ConfigLoader;
import newsalert.feed.AddressGuard;
import newsalert.net.AddressRule;
import newsalert.pipeline.ReadResult;
import newsalert.store.ChatFeed;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An attacker's view of chat-added feeds: a feed server on loopback counts requests, and every way of
 * writing or reaching a loopback address — literals in every form, {@code localhost}, a name the resolver
 * maps inwards, a name that re-points after the add check (DNS rebinding), and a redirect from an allowed
 * host — must get zero requests, at {@code feeds add} and at every poll, with a plain reply.
 */
class ChatFeedAddressTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-28T15:00:00Z"), ZoneOffset.UTC);
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1009");
    /** A public address the tests make up; the guard's network maps it to the allowed server on loopback. */
    private static final String PUBLIC_IP = "93.184.216.34";
    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Inside</title>"
            + "<item><title>Secret</title><guid>s1</guid></item></channel></rss>";

    @TempDir
    Path dir;

    private final MockWebServer inside = new MockWebServer();
    private final MockWebServer insideV6 = new MockWebServer();
    private final MockWebServer allowed = new MockWebServer();
    /** Answers the resolver gives for "news.example", one per lookup: public first, then loopback. */
    private final Deque<String> rebinding = new ArrayDeque<>(List.of(PUBLIC_IP, "127.0.0.1"));
    private JdbcNewsStore store;

    @BeforeEach
    void start() throws IOException {
        Dispatcher feed = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().body(RSS).addHeader("Content-Type", "application/rss+xml").build();
            }
        };
        inside.setDispatcher(feed);
        inside.start(InetAddress.getByName("127.0.0.1"), 0);
        insideV6.setDispatcher(feed);
        insideV6.start(InetAddress.getByName("::1"), 0);
        allowed.start(InetAddress.getByName("127.0.0.1"), 0);
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("a.db"));
    }

    @AfterEach
    void stop() {
        inside.close();
        insideV6.close();
        allowed.close();
        store.close();
    }

    /** The test resolver: two made-up names, a rebinding one, and the system's for everything else. */
    private List<InetAddress> resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "evil.test" -> List.of(InetAddress.getByName("127.0.0.1"));
            case "allowed.example" -> List.of(InetAddress.getByName(PUBLIC_IP));
            case "news.example" -> List.of(InetAddress.getByName(rebinding.size() > 1 ? rebinding.poll()
                    : rebinding.peek()));
            default -> List.of(InetAddress.getAllByName(host));
        };
    }

    private AddressGuard guard() {
        AddressRule rule = new AddressRule(Set::of, CLOCK);
        return new AddressGuard(rule, to -> to.getAddress().getHostAddress().equals(PUBLIC_IP)
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), allowed.getPort()) : to);
    }

    private SourceReader pollReader(boolean allowPrivate) {
        Wiring wiring = new Wiring(ConfigLoader.load(null, Map.of()));
        Dns dns = this::resolve;
        return wiring.chatFeedReader(dns, allowPrivate ? null : guard());
    }

    private CommandRegistry commands() {
        return CommandRegistry.standard(store.subscriptions(), store.queries(), store.chatFeeds(),
                new FetchingFeedCheck(pollReader(false), CLOCK),
                new AddressPolicy(this::resolve, new AddressRule(Set::of, CLOCK)));
    }

    private String add(String url) {
        return commands().run(new CommandContext(GROUP, "1", true, CLOCK), "feeds add " + url).text();
    }

    private String url(String host) {
        int port = host.contains("::1]") ? insideV6.getPort() : inside.getPort();
        return "http://" + host + ":" + port + "/feed.xml";
    }

    private int requestsInside() {
        return inside.getRequestCount() + insideV6.getRequestCount();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1", "2130706433", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]",
            "localhost", "evil.test"})
    void loopbackInAnyFormIsRefusedAtAddAndAtPoll(String host) {
        String reply = add(url(host));
        ReadResult poll = pollReader(false).read(url(host), null, null, CLOCK.instant());

        String literal = host.equals("[::1]") ? "0:0:0:0:0:0:0:1" : "127.0.0.1";
        assertThat(reply).isEqualTo("That address points to a loopback address (" + literal
                + "), which is not allowed.\nUsage: feeds add|remove|list|export|import|retry [url] [interval]");
        assertThat(poll).isInstanceOf(ReadResult.Failed.class);
        assertThat(((ReadResult.Failed) poll).reason()).contains("loopback address")
                .contains("chat-added feeds must be public (see chat-feeds.allow-private-addresses)")
                .doesNotContain("Exception");
        assertThat(requestsInside()).isZero();
        assertThat(store.chatFeeds().chatFeeds(Platform.TELEGRAM, GROUP.chatId())).isEmpty();
    }

    @Test
    void aHexLiteralThatTheResolverCannotReadIsNeverFetched() {
        String reply = add(url("0x7f000001"));
        ReadResult poll = pollReader(false).read(url("0x7f000001"), null, null, CLOCK.instant());

        assertThat(reply).startsWith("The host 0x7f000001 could not be found.");
        assertThat(poll).isInstanceOf(ReadResult.Failed.class);
        assertThat(requestsInside()).isZero();
    }

    @Test
    void aNameThatRepointsInwardsAfterTheAddCheckIsRefusedByTheFetch() {
        String reply = add(url("news.example"));

        assertThat(reply).isEqualTo("That address is not a feed we can read: refused: news.example resolves to a"
                + " loopback address (127.0.0.1); chat-added feeds must be public"
                + " (see chat-feeds.allow-private-addresses)");
        assertThat(requestsInside()).isZero();
    }

    @Test
    void aRedirectFromAnAllowedHostToLoopbackIsNotFollowed() {
        String target = url("127.0.0.1");
        for (int i = 0; i < 2; i++) {
            allowed.enqueue(new MockResponse.Builder().code(302).addHeader("Location", target).build());
        }
        String from = "http://allowed.example:" + allowed.getPort() + "/feed.xml";

        String reply = add(from);
        ReadResult poll = pollReader(false).read(from, null, null, CLOCK.instant());

        assertThat(reply).isEqualTo("That address is not a feed we can read: refused: 127.0.0.1 is a loopback"
                + " address; chat-added feeds must be public (see chat-feeds.allow-private-addresses)");
        assertThat(poll).isEqualTo(new ReadResult.Failed("refused: 127.0.0.1 is a loopback address;"
                + " chat-added feeds must be public (see chat-feeds.allow-private-addresses)"));
        assertThat(allowed.getRequestCount()).as("the allowed host was asked, twice").isEqualTo(2);
        assertThat(requestsInside()).isZero();
    }

    @Test
    void anAllowedHostIsReadThroughTheGuard() {
        allowed.enqueue(new MockResponse.Builder().body(RSS.replace("Inside", "Outside"))
                .addHeader("Content-Type", "application/rss+xml").build());

        ReadResult poll = pollReader(false).read("http://allowed.example:" + allowed.getPort() + "/feed.xml",
                null, null, CLOCK.instant());

        assertThat(poll).isInstanceOf(ReadResult.Read.class);
        assertThat(((ReadResult.Read) poll).title()).isEqualTo("Outside");
    }

    @Test
    void aFeedStoredWhilePrivateAddressesWereAllowedIsNeitherFetchedNorListedAsPolled() {
        String stored = url("127.0.0.1");
        assertThat(pollReader(true).read(stored, null, null, CLOCK.instant()))
                .as("with the setting on, the counting server is reachable").isInstanceOf(ReadResult.Read.class);
        assertThat(requestsInside()).isEqualTo(1);
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), stored, "1", CLOCK.instant()));

        ReadResult poll = pollReader(false).read(stored, null, null, CLOCK.instant());
        String list = commands().run(new CommandContext(GROUP, "1", true, CLOCK), "feeds list").text();

        assertThat(poll).isEqualTo(new ReadResult.Failed("refused: 127.0.0.1 is a loopback address;"
                + " chat-added feeds must be public (see chat-feeds.allow-private-addresses)"));
        assertThat(requestsInside()).as("no request after the setting went off").isEqualTo(1);
        assertThat(list).isEqualTo("Feeds added here:\n• " + stored + " — not polled: it points to a loopback"
                + " address (127.0.0.1), and this bot reads only public addresses for chat feeds");
    }

    private static MockResponse page(String head) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/html")
                .body("<!DOCTYPE html><html><head>" + head + "</head><body>News</body></html>").build();
    }

    @Test
    void aPageOnAnAllowedHostThatLinksToLoopbackGetsNoRequestThroughDiscovery() {
        allowed.enqueue(page("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"" + url("127.0.0.1")
                + "\">"));

        String reply = add("http://allowed.example:" + allowed.getPort() + "/world");

        assertThat(reply).isEqualTo("That address is not a feed we can read: the page links to the feed "
                + url("127.0.0.1") + ", but it is not a feed we can read: refused: 127.0.0.1 is a loopback address;"
                + " chat-added feeds must be public (see chat-feeds.allow-private-addresses)");
        assertThat(requestsInside()).isZero();
        assertThat(store.chatFeeds().chatFeeds(Platform.TELEGRAM, GROUP.chatId())).isEmpty();
    }

    @Test
    void aPageWithOneFeedAddsThatFeedAndSaysWhich() {
        String feed = "http://allowed.example:" + allowed.getPort() + "/news/feed.json";
        allowed.enqueue(page("<link rel=\"alternate\" type=\"application/feed+json\" href=\"/news/feed.json\">"));
        allowed.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/feed+json").body(
                "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Allowed JSON\",\"items\":[]}").build());

        String reply = add("http://allowed.example:" + allowed.getPort() + "/news");

        assertThat(reply).isEqualTo("That page is not a feed itself; found its feed " + feed
                + " (Allowed JSON) and added it.");
        assertThat(store.chatFeeds().chatFeeds(Platform.TELEGRAM, GROUP.chatId())).extracting(ChatFeed::url)
                .containsExactly(feed);
    }

    @Test
    void aPageWithSeveralFeedsGivesANumberedListAndAddsNothing() {
        allowed.enqueue(page("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"World\" href=\"/w.rss\">"
                + "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Sport\" href=\"/s.atom\">"));

        String reply = add("http://allowed.example:" + allowed.getPort() + "/");

        String base = "http://allowed.example:" + allowed.getPort();
        assertThat(reply).isEqualTo("That page offers 2 feeds. Add the one you want with: feeds add <its address>\n"
                + "1. World — " + base + "/w.rss\n2. Sport — " + base + "/s.atom");
        assertThat(allowed.getRequestCount()).isEqualTo(1);
        assertThat(store.chatFeeds().chatFeeds(Platform.TELEGRAM, GROUP.chatId())).isEmpty();
    }
}
