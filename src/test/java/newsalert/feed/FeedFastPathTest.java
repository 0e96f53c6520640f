package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import newsalert.testing.Corpus;
import org.junit.jupiter.api.Test;

/**
 * The cheaper parsing steps (dates read by {@link RomeDates} beside Rome's parsers, {@link RomeRead}) must change
 * no result: every feed gives the same stories, or the same failure, as the reference path that lets Rome read
 * its dates itself.
 */
class FeedFastPathTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final FeedParser FAST = new FeedParser();
    private static final FeedParser REFERENCE = new FeedParser(true);

    @Test
    void everyDateSiteOfEveryFeedTypeGivesRomesResult() {
        String rss = """
                <?xml version="1.0"?>
                <rss version="%s" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>Dates</title><link>https://news.example.org/</link>
                <lastBuildDate>Mon, 09 Jun 2025 08:00:00 GMT</lastBuildDate>
                <item><title>pubDate only</title><link>https://news.example.org/1</link>
                  <pubDate>Tue, 10 Jun 2025 14:05:30 +0200</pubDate></item>
                <item><title>dc:date beats pubDate</title><link>https://news.example.org/2</link>
                  <pubDate>Tue, 10 Jun 2025 14:05:30 GMT</pubDate><dc:date>2025-06-09T10:00:00Z</dc:date></item>
                <item><title>two pubDates, first counts</title><link>https://news.example.org/3</link>
                  <pubDate>Wed, 11 Jun 2025 09:00:00 GMT</pubDate><pubDate>Thu, 12 Jun 2025 09:00:00 GMT</pubDate></item>
                <item><title>unreadable dc:date first</title><link>https://news.example.org/4</link>
                  <dc:date>soon</dc:date><dc:date>2025-06-09T10:00:00Z</dc:date>
                  <pubDate>Wed, 11 Jun 2025 09:00:00 GMT</pubDate></item>
                <item><title>a date without a time</title><link>https://news.example.org/5</link>
                  <pubDate>Tue, 10 Jun 2025</pubDate><expirationDate>Tue, 1 Jul 2025 00:00:00 GMT</expirationDate></item>
                <item><title>spaces around</title><link>https://news.example.org/6</link>
                  <pubDate>
                    Tue, 10 Jun 2025 14:05:30 UT
                  </pubDate></item>
                <item><title>no date</title><description>plain</description></item>
                <item><title>no date either</title><description>plain</description><dc:creator>A. Writer</dc:creator></item>
                </channel></rss>
                """;
        for (String version : List.of("0.91", "0.92", "0.93", "0.94", "2.0")) {
            same("rss " + version, rss.formatted(version));
        }
        same("rss 2.0 with a namespace", rss.formatted("2.0").replace("<rss version=\"2.0\"",
                "<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\""));
        same("rss 1.0", """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel rdf:about="https://news.example.org/"><title>RDF</title><link>https://news.example.org/</link>
                  <dc:date>2025-06-08T00:00:00+02:00</dc:date></channel>
                <item rdf:about="https://news.example.org/a"><title>a</title><link>https://news.example.org/a</link>
                  <dc:date>2025-06-10T14:05:30+02:00</dc:date></item>
                <item rdf:about="https://news.example.org/b"><title>b</title><link>https://news.example.org/b</link>
                  <dc:date>2025-06-10</dc:date><dc:subject>x</dc:subject></item>
                <item rdf:about="https://news.example.org/c"><title>c</title><link>https://news.example.org/c</link></item>
                </rdf:RDF>
                """);
        same("atom 1.0", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <title>Atom</title><id>urn:x:feed</id><updated>2025-06-10T15:00:00Z</updated>
                <entry><title>both</title><id>urn:x:1</id><updated>2025-06-10T14:05:30.250+02:00</updated>
                  <published>2025-06-10T12:00:00-05:00</published></entry>
                <entry><title>updated only</title><id>urn:x:2</id><updated>2025-06-10T14:05Z</updated></entry>
                <entry><title>dc only</title><id>urn:x:3</id><dc:date>2025-06-10T11:00:00Z</dc:date></entry>
                <entry><title>none</title><id>urn:x:4</id></entry>
                <entry><title>odd</title><id>urn:x:5</id><published>2025-02-30T10:00:00Z</published></entry>
                </feed>
                """);
        same("atom 0.3", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed version="0.3" xmlns="http://purl.org/atom/ns#">
                <title>Atom 0.3</title><modified>2025-06-10T15:00:00Z</modified>
                <entry><title>all three</title><id>urn:y:1</id><modified>2025-06-10T14:00:00Z</modified>
                  <issued>2025-06-10T13:00:00Z</issued><created>2025-06-10T12:00:00Z</created></entry>
                <entry><title>issued</title><id>urn:y:2</id><issued>2025-06-10T13:00:00+01:00</issued></entry>
                </feed>
                """);
    }

    @Test
    void dateElementsAreBackInTheDocumentForDatesRomeCannotRead() throws FeedException {
        String rss = """
                <rss version="2.0"><channel><title>t</title><pubDate>Mon, 9 Jun 2025</pubDate>
                <item><title>a</title><link>https://news.example.org/a</link><pubDate>Tue, 10 Jun 2025</pubDate></item>
                <item><title>b</title><link>https://news.example.org/b</link></item>
                </channel></rss>
                """;
        ParsedFeed feed = FAST.parse(rss.getBytes(StandardCharsets.UTF_8), null, null, NOW);
        assertThat(feed.stories().get(0).published()).hasToString("2025-06-10T00:00:00Z");
        assertThat(feed.stories().get(1).published()).hasToString("2025-06-09T00:00:00Z");
        same("dates without a time", rss);
    }

    @Test
    void everyFixtureAndDamagedCorpusFeedGivesTheReferenceResult() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/feeds"))) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        Path corpus = Corpus.root().resolve("feeds");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> s = Files.list(corpus)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        int compared = 0;
        for (int index = 0; index < files.size(); index++) {
            Path file = files.get(index);
            byte[] original = Files.readAllBytes(file);
            Random random = new Random(17L * 1_000 + index);
            same(file.toString(), original);
            compared++;
            for (int i = 0; i < 15 && original.length > 0; i++) {
                same(file + " #" + i, FeedFuzzTest.damage(original, i % 5, random));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static void same(String what, String xml) {
        same(what, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void same(String what, byte[] body) {
        String url = "https://feeds.example.org/feed.xml";
        assertThat(outcome(FAST, body, url)).as(what).isEqualTo(outcome(REFERENCE, body, url));
    }

    private static String outcome(FeedParser parser, byte[] body, String url) {
        try {
            return parser.parse(body, null, url, NOW).toString();
        } catch (FeedException e) {
            return "failed: " + e.getMessage();
        }
    }
}
