package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;

/** Issue 18 item 4: an entry's picture comes from what the feed says (Media RSS, image enclosures), never fetched. */
class FeedImagesTest {
    private static final String MEDIA = "xmlns:media=\"http://search.yahoo.com/mrss/\"";

    private static List<Story> rss(String items) throws FeedException {
        String xml = "<rss version=\"2.0\" " + MEDIA + "><channel><title>Picture Wire</title>"
                + "<link>https://pictures.example/</link>" + items + "</channel></rss>";
        return new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                "https://pictures.example/feed.xml", Fixtures.NOW).stories();
    }

    @Test
    void mediaContentImageComesFirstThenThumbnailThenEnclosure() throws FeedException {
        List<Story> s = rss("""
                <item><guid>a</guid><title>A</title>
                  <enclosure url="https://pictures.example/enc.jpg" type="image/jpeg" length="1"/>
                  <media:thumbnail url="https://pictures.example/thumb.jpg"/>
                  <media:content url="https://pictures.example/video.mp4" medium="video"/>
                  <media:content url="https://pictures.example/big.jpg" medium="image"/>
                </item>
                <item><guid>b</guid><title>B</title>
                  <enclosure url="https://pictures.example/enc.jpg" type="image/jpeg" length="1"/>
                  <media:thumbnail url="/thumbs/b.png"/>
                </item>
                <item><guid>c</guid><title>C</title>
                  <enclosure url="https://pictures.example/talk.mp3" type="audio/mpeg" length="1"/>
                  <enclosure url="https://pictures.example/c.webp" type="image/webp" length="1"/>
                </item>
                <item><guid>d</guid><title>D</title>
                  <media:group><media:content url="https://pictures.example/d.png" type="image/png"/></media:group>
                </item>
                <item><guid>e</guid><title>E</title>
                  <media:content url="https://pictures.example/e.jpeg?w=640"/>
                  <enclosure url="https://pictures.example/talk.mp3" type="audio/mpeg" length="1"/>
                </item>
                """);
        assertThat(s).extracting(Story::image).containsExactly("https://pictures.example/big.jpg",
                "https://pictures.example/thumbs/b.png", "https://pictures.example/c.webp",
                "https://pictures.example/d.png", "https://pictures.example/e.jpeg?w=640");
    }

    @Test
    void entriesWithoutAUsablePictureHaveNone() throws FeedException {
        List<Story> s = rss("""
                <item><guid>a</guid><title>A</title></item>
                <item><guid>b</guid><title>B</title>
                  <enclosure url="https://pictures.example/talk.mp3" type="audio/mpeg" length="1"/></item>
                <item><guid>c</guid><title>C</title><media:thumbnail url="javascript:alert(1)"/></item>
                <item><guid>d</guid><title>D</title><media:thumbnail url="ftp://pictures.example/d.jpg"/></item>
                """);
        assertThat(s).extracting(Story::image).containsOnlyNulls();
    }

    @Test
    void atomEnclosureLinkOfAnImageTypeIsThePicture() throws FeedException {
        String xml = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Pictures</title><id>urn:x</id>
                <updated>2025-08-28T10:00:00Z</updated>
                <entry><id>urn:x:1</id><title>One</title><updated>2025-08-28T10:00:00Z</updated>
                  <link href="https://atom.example/1"/>
                  <link rel="enclosure" type="image/png" href="https://atom.example/1.png"/></entry>
                </feed>""";
        List<Story> s = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), "application/atom+xml",
                "https://atom.example/feed", Fixtures.NOW).stories();
        assertThat(s).extracting(Story::image).containsExactly("https://atom.example/1.png");
        assertThat(s.get(0).link()).isEqualTo("https://atom.example/1");
    }

    @Test
    void jsonFeedItemImageIsThePicture() throws FeedException {
        String json = """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Json Pictures",
                 "home_page_url": "https://json.example/",
                 "items": [{"id": "1", "title": "One", "image": "/img/1.jpg", "content_text": "x"}]}""";
        List<Story> s = new FeedParser().parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json",
                "https://json.example/feed.json", Fixtures.NOW).stories();
        assertThat(s).extracting(Story::image).containsExactly("https://json.example/img/1.jpg");
    }
}
