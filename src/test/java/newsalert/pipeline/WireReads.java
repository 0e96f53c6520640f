package newsalert.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.feed.FeedException;
import newsalert.feed.FeedParser;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;

/**
 * The event wire fixtures ({@code /event/wire-<letter>.xml}, one outlet per letter) served to pollers by a fake
 * reader: {@link #serve} puts chosen entries of one outlet's file up for its next read, any other read is "not
 * modified". One per test; shared by the tests of several instances' event memory (issue 14).
 */
final class WireReads implements FeedReader {
    static final Instant T0 = Instant.parse("2026-03-03T05:00:00Z");
    static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofDays(3), Duration.ofMinutes(30));
    static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    static final Assessor ASSESSOR = Assessor.create(AnalysisSettings.defaults());

    /** The clock of the test, at {@link #T0} first. */
    final MutableClock clock = new MutableClock(T0);
    /** Feed URL → what its next read returns (taken by the read). */
    final Map<String, ReadResult> next = new ConcurrentHashMap<>();

    @Override
    public ReadResult read(String location, String etag, String lastModified, Instant now) {
        ReadResult r = next.remove(location);
        return r == null ? new ReadResult.NotModified() : r;
    }

    /** @return outlet {@code letter}'s feed, {@code http://127.0.0.1/wire-<letter>.xml} */
    static FeedConfig feed(String letter) {
        return new FeedConfig("http://127.0.0.1/wire-" + letter + ".xml", null, null);
    }

    /** Puts the entries with these guids of outlet {@code letter}'s fixture up for its next read. */
    void serve(String letter, String... guids) throws IOException, FeedException {
        byte[] xml;
        try (InputStream in = getClass().getResourceAsStream("/event/wire-" + letter + ".xml")) {
            xml = in.readAllBytes();
        }
        var parsed = new FeedParser().parse(xml, "application/rss+xml", feed(letter).url(), clock.instant());
        var stories = parsed.stories().stream().filter(s -> List.of(guids).contains(s.id())).toList();
        next.put(feed(letter).url(), new ReadResult.Read(parsed.title(), stories, null, null));
    }

    /** Puts an empty read of outlet {@code letter} up (a feed's first poll with nothing in it). */
    void serveEmpty(String letter) {
        next.put(feed(letter).url(), new ReadResult.Read("Wire " + letter, List.of(), null, null));
    }

}
