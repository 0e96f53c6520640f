package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedSourceTest {
    @TempDir
    Path tmp;

    @Test
    void readsAFileThroughTheParser() throws Exception {
        Path file = Files.write(tmp.resolve("feed.xml"), Fixtures.bytes("rss10-rdf.xml"));

        ParsedFeed feed = new FeedSource(new FeedParser(), 1_000_000).readFile(file, Fixtures.NOW);

        assertThat(feed.stories()).extracting(s -> s.title()).containsExactly("Flood warning issued for three districts");
    }

    @Test
    void missingFileIsAOneLineError() {
        Path missing = tmp.resolve("nope.xml");

        assertThatThrownBy(() -> new FeedSource(new FeedParser(), 1_000).readFile(missing, Fixtures.NOW))
                .isInstanceOf(FeedException.class)
                .hasMessage("no such file");
    }

    @Test
    void oversizedFileIsRefused() throws Exception {
        Path file = Files.write(tmp.resolve("feed.xml"), Fixtures.bytes("rss10-rdf.xml"));

        assertThatThrownBy(() -> new FeedSource(new FeedParser(), 100).readFile(file, Fixtures.NOW))
                .isInstanceOf(FeedException.class)
                .hasMessage("file is too large: more than 100 bytes");
    }

    @Test
    void textThatIsNotXmlSaysSoPlainly() throws Exception {
        Path file = Files.writeString(tmp.resolve("feed.xml"), "Service unavailable, try later\n");

        assertThatThrownBy(() -> new FeedSource(new FeedParser(), 1_000).readFile(file, Fixtures.NOW))
                .isInstanceOf(FeedException.class)
                .hasMessage("not XML: the file does not start with '<'");
    }

    @Test
    void unclosedTagsAreRepairedWhenPossible() throws Exception {
        Path file = Files.writeString(tmp.resolve("feed.xml"), "<rss version=\"2.0\"><channel><title>Cut off</title>"
                + "<item><title>Dam breached</title><link>https://cut.example.com/dam</link></item><item><title>Sec");

        ParsedFeed feed = new FeedSource(new FeedParser(), 1_000).readFile(file, Fixtures.NOW);

        assertThat(feed.title()).isEqualTo("Cut off");
        // the item the repair had to close is a fragment (title cut, no link): left out, with the read's warning
        assertThat(feed.stories()).extracting(s -> s.title()).containsExactly("Dam breached");
        assertThat(feed.warning()).isEqualTo(ParsedFeed.TRUNCATED_ITEM_LEFT_OUT);
    }

    @Test
    void htmlPageIsNotAFeed() throws Exception {
        Path file = Files.writeString(tmp.resolve("page.html"), "<html><body><p>Hello</p></body></html>");

        assertThatThrownBy(() -> new FeedSource(new FeedParser(), 1_000).readFile(file, Fixtures.NOW))
                .isInstanceOf(FeedException.class)
                .hasMessage("not a feed: XML root <html> is not RSS or Atom");
    }
}
