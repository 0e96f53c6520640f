package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 (tester17b): a whole discovery has one deadline ({@link FeedDiscovery#CHECK_BUDGET}); no fetch starts
 * after it, each fetch gets at most the time left, and the answer names the addresses not tried. Time is a ticker
 * the site's handler moves forward as it answers; only the hung path waits, for the little real time left.
 */
class FeedDiscoveryDeadlineTest {
    private static final Duration BUDGET = Duration.ofSeconds(20);

    private final MockWebServer site = new MockWebServer();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicLong ticker = new AtomicLong();
    /** Held until the test ends: a path whose handler waits on it never answers. */
    private final CountDownLatch hung = new CountDownLatch(1);
    /** Nanoseconds each path's handler moves the ticker forward before answering. */
    private volatile long pageCost;
    private volatile String pageHead = "";

    @BeforeEach
    void start() throws IOException {
        site.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getUrl().encodedPath();
                paths.add(path);
                if (path.equals("/page")) {
                    ticker.addAndGet(pageCost);
                    return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
                            .body("<!DOCTYPE html><html><head><title>Site</title>" + pageHead
                                    + "</head><body><p>News</p></body></html>").build();
                }
                if (path.equals("/feed")) {
                    ticker.addAndGet(Duration.ofSeconds(1).toNanos());
                    hung.await();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        site.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        hung.countDown();
        site.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getPort() + path;
    }

    private Discovery find() {
        return new FeedDiscovery(new FeedFetcher(FetchSettings.defaults()), new FeedParser(), ticker::get, BUDGET)
                .find(url("/page"), Fixtures.NOW);
    }

    @Test
    void aPageThatTakesTheWholeBudgetLeavesTheCommonPathsUntriedAndSaysSo() {
        pageCost = BUDGET.toNanos();

        Discovery d = find();

        assertThat(d.kind()).isEqualTo(Discovery.Kind.NONE);
        assertThat(paths).containsExactly("/page");
        assertThat(d.problem()).isEqualTo("the search for the page's feed took its 20 s without finding one, so "
                + url("/feed") + ", " + url("/rss") + ", " + url("/atom.xml") + ", " + url("/index.xml")
                + " were not tried; try again later, or give the feed's own address");
    }

    @Test
    void aHungCommonPathGetsOnlyTheTimeLeftAndTheRestAreNotTried() {
        pageCost = BUDGET.minusMillis(300).toNanos();

        Discovery d = find();

        assertThat(d.kind()).isEqualTo(Discovery.Kind.NONE);
        assertThat(paths).containsExactly("/page", "/feed");
        assertThat(d.problem()).isEqualTo("the search for the page's feed took its 20 s without finding one, so "
                + url("/rss") + ", " + url("/atom.xml") + ", " + url("/index.xml")
                + " were not tried; try again later, or give the feed's own address");
    }

    @Test
    void theOneLinkedFeedIsNotFetchedPastTheDeadline() {
        pageCost = BUDGET.plusSeconds(1).toNanos();
        pageHead = "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/world.rss\">";

        Discovery d = find();

        assertThat(d.kind()).isEqualTo(Discovery.Kind.NONE);
        assertThat(paths).containsExactly("/page");
        assertThat(d.problem()).isEqualTo("the search for the page's feed took its 20 s without finding one, so "
                + url("/world.rss") + " was not tried; try again later, or give the feed's own address");
    }
}
