package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlTest {

    static byte[] fixture(String name) {
        try (InputStream in = OpmlTest.class.getResourceAsStream("/opml/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void nestedCategoriesAreFlattenedAndOnlyOutlinesWithXmlUrlAreFeeds() throws FeedException {
        assertThat(Opml.read(fixture("nested.opml"))).containsExactly(
                new Opml.Outline("https://harbour.example.net/rss.xml", "Harbour Wire & Co"),
                new Opml.Outline("https://valley.example.org/feed", "Valley Courier"),
                new Opml.Outline("https://ridge.example.net/feed.json", "Ridge Observer (JSON)"),
                new Opml.Outline("file:///etc/passwd", "Local notes"));
    }

    @Test
    void writtenDocumentReadsBackToTheSameFeeds() throws FeedException {
        List<Opml.Outline> feeds = List.of(new Opml.Outline("https://a.example.org/rss?x=1&y=2", "A <&> \"B\""),
                new Opml.Outline("https://c.example.org/atom.xml", ""));

        byte[] doc = Opml.write("newsalert feeds", feeds, Instant.parse("2025-08-28T15:00:00Z"));

        String text = new String(doc, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<opml version=\"2.0\">")
                .contains("<dateCreated>Thu, 28 Aug 2025 15:00:00 GMT</dateCreated>")
                .contains("xmlUrl=\"https://a.example.org/rss?x=1&amp;y=2\"");
        assertThat(Opml.read(doc)).containsExactly(feeds.get(0),
                new Opml.Outline("https://c.example.org/atom.xml", "https://c.example.org/atom.xml"));
    }

    @Test
    void aControlCharacterInAFeedsNameIsLeftOutNotAnExceptionAtTheUser() throws FeedException {
        byte[] doc = Opml.write("newsalert feeds", List.of(new Opml.Outline("https://a.example.org/rss",
                "A \u0001 ctrl\u0007")), Instant.parse("2025-08-28T15:00:00Z"));
        assertThat(new String(doc, StandardCharsets.UTF_8)).contains("title=\"A  ctrl\"");
        assertThat(Opml.read(doc)).containsExactly(new Opml.Outline("https://a.example.org/rss", "A ctrl"));
    }

    /** newsalert:interval is read under our namespace or the newsalert prefix; other attributes are ignored. */
    @Test
    void theIntervalAttributeIsReadAndUnknownAttributesAreIgnored() throws FeedException {
        String doc = """
                <?xml version="1.0"?>
                <opml version="2.0" xmlns:newsalert="https://newsalert.invalid/opml/1"
                      xmlns:other="urn:elsewhere" xmlns:na="urn:renamed">
                  <head><title>t</title></head>
                  <body>
                    <outline xmlUrl="https://a.example.org/rss" newsalert:interval=" 30m " other:interval="1d"/>
                    <outline xmlUrl="https://b.example.org/rss" other:interval="1d" interval="2h" color="red"/>
                  </body>
                </opml>""";
        assertThat(Opml.read(doc.getBytes(StandardCharsets.UTF_8))).containsExactly(
                new Opml.Outline("https://a.example.org/rss", "", "30m"),
                new Opml.Outline("https://b.example.org/rss", "", null));
        byte[] written = Opml.write("x", List.of(new Opml.Outline("https://a.example.org/rss", "A", "2h"),
                new Opml.Outline("https://b.example.org/rss", "B")), java.time.Instant.EPOCH);
        assertThat(Opml.read(written)).containsExactly(new Opml.Outline("https://a.example.org/rss", "A", "2h"),
                new Opml.Outline("https://b.example.org/rss", "B", null));
    }

    @Test
    void externalEntityIsNeverReadAndTheDoctypeIsRefused() {
        assertThatThrownBy(() -> Opml.read(fixture("xxe.opml"))).isInstanceOf(FeedException.class)
                .hasMessage("not an OPML file: it declares a DOCTYPE, which OPML never needs"
                        + " (refused: it is how external entities and entity bombs get in)");
    }

    /** issue 17 (tester's item 4): a SYSTEM entity used in an attribute fails the parse; the reason is the DOCTYPE's */
    @Test
    void externalEntityInAnAttributeGetsTheDoctypeReasonNotMalformed() {
        String inAttribute = "<?xml version=\"1.0\"?><!-- a list --><!DOCTYPE opml [<!ENTITY e SYSTEM"
                + " \"file:///etc/hostname\">]><opml version=\"2.0\"><body><outline text=\"&e;\""
                + " xmlUrl=\"https://a.example.org/r\"/></body></opml>";

        assertThatThrownBy(() -> Opml.read(inAttribute.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedException.class)
                .hasMessage("not an OPML file: it declares a DOCTYPE, which OPML never needs"
                        + " (refused: it is how external entities and entity bombs get in)");
        // a malformed file without a DOCTYPE keeps its own reason
        assertThatThrownBy(() -> Opml.read("<opml version=\"2.0\"><body></opml>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("not an OPML file: XML is malformed");
    }

    @Test
    void billionLaughsIsRefusedAsAnEntityBomb() {
        assertThatThrownBy(() -> Opml.read(fixture("laughs.opml"))).isInstanceOf(FeedException.class)
                .hasMessage("not an OPML file: too many XML entity expansions (entity bomb?)");
    }

    @Test
    void tenThousandOutlinesAreRefusedAsAWhole() {
        String doc = "<opml version=\"2.0\"><body>"
                + "<outline text=\"f\" xmlUrl=\"https://x.example.org/f\"/>".repeat(10_000) + "</body></opml>";

        assertThatThrownBy(() -> Opml.read(doc.getBytes(StandardCharsets.UTF_8))).isInstanceOf(FeedException.class)
                .hasMessage("not an OPML file we read: more than 1000 outlines");
    }

    @Test
    void otherDocumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> Opml.read("<rss version=\"2.0\"/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("not an OPML file: the XML root is <rss>, not <opml>");
        assertThatThrownBy(() -> Opml.read("<opml version=\"2.0\"><head/></opml>".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("not an OPML file: <body> is missing");
        assertThatThrownBy(() -> Opml.read("  ".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("not an OPML file: the file is empty");
        assertThatThrownBy(() -> Opml.read("<opml><body>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("not an OPML file: XML is malformed at line 1");
    }
}
