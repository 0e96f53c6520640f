package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;

/** issue 17 (from the note): RSS {@code author} / {@code dc:creator} and Atom authors are read into Story.author. */
class FeedAuthorsTest {
    private static List<Story> parse(String xml) throws FeedException {
        return new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), "application/xml",
                "https://wire.example.org/feed", Fixtures.NOW).stories();
    }

    @Test
    void rssAuthorAndDcCreatorGiveNamesNeverBareMailAddresses() throws FeedException {
        List<Story> stories = parse("""
                <?xml version="1.0"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title>
                <item><title>One</title><guid>a1</guid><dc:creator>Amal \u202EReporter</dc:creator></item>
                <item><title>Two</title><guid>a2</guid><author>desk@wire.example.org (Lee Desk)</author></item>
                <item><title>Three</title><guid>a3</guid><author>desk@wire.example.org</author></item>
                <item><title>Four</title><guid>a4</guid></item>
                </channel></rss>""");

        assertThat(stories).extracting(Story::author).containsExactly("Amal Reporter", "Lee Desk", null, null);
    }

    @Test
    void atomAuthorsAreJoined() throws FeedException {
        List<Story> stories = parse("""
                <?xml version="1.0"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:w</id>
                <updated>2025-08-31T10:00:00Z</updated>
                <entry><title>One</title><id>urn:1</id><updated>2025-08-31T10:00:00Z</updated>
                <author><name>Kim One</name></author><author><name>Sam Two</name></author></entry>
                </feed>""");

        assertThat(stories).extracting(Story::author).containsExactly("Kim One, Sam Two");
    }
}
