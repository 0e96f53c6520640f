package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each mapped failure, from a fixture in src/test/resources/feeds/broken/, gives its plain reason. */
class FeedErrorReasonsTest {

    private static String reason(String fixture) {
        try {
            new FeedParser().parse(Fixtures.bytes("broken/" + fixture), null, null, Fixtures.NOW);
            return "(parsed)";
        } catch (FeedException e) {
            return e.getMessage();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        no-channel.rss          | not an RSS feed: <channel> is missing
        rdf-no-channel.rdf      | not an RSS 1.0 feed: <channel> is missing
        atom-no-namespace.atom  | not an Atom feed: <feed> is not in the Atom namespace http://www.w3.org/2005/Atom
        colon-attribute.rss     | not a feed: invalid XML name ':lang' at line 3
        plain-text.xml          | not XML: the file does not start with '<'
        json-body.xml           | not a feed: JSON without a "version" (https://jsonfeed.org/version/1.1) is not a JSON Feed
        declaration-only.xml    | not a feed: XML is malformed at line 2: the document is empty or cut off before its first element
        unbound-prefix.rss      | not a feed: XML is malformed at line 5: the namespace prefix "dc" is not declared
        """)
    void brokenFeedsGivePlainReasons(String fixture, String expected) {
        String reason = reason(fixture);

        assertThat(reason).isEqualTo(expected);
        assertThat(reason).doesNotContainPattern(FeedFuzzTest.INTERNAL);
    }

    @Test
    void junkInHintsRomeReadsAsNumbersAndAnUnknownRssVersionDoNotStopTheFeed() throws FeedException {
        ParsedFeed feed = new FeedParser().parse(Fixtures.bytes("broken/junk-hints-odd-version.rss"), null, null,
                Fixtures.NOW);

        assertThat(feed.stories()).singleElement().satisfies(s -> assertThat(s.title()).isEqualTo("Still read"));
    }

    /** Without the repair pass, the parser's own wording for each problem is rewritten (bare '&' is fixed earlier). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        control-character.rss   | not a feed: XML is malformed at line 5: invalid character reference &#1;
        duplicate-attribute.rss | not a feed: XML is malformed at line 5: attribute "href" appears twice in <link>
        """)
    void xmlErrorsAreRewrittenBeforeRepair(String fixture, String expected) {
        String text = new String(Fixtures.bytes("broken/" + fixture), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SafeXml.parse(text)).isInstanceOf(FeedException.class).hasMessage(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        '<rss><channel><title>a</titl></channel></rss>'         | not a feed: XML is malformed at line 1: <title> is not closed
        '<rss a=1><channel/></rss>'                              | not a feed: XML is malformed at line 1: the value of attribute "a" is not quoted
        '<rss><channel/></rss><rss/>'                            | not a feed: XML is malformed at line 1: there is more after the end of the root element
        '<rss><channel><title>\u0001</title></channel></rss>'    | not a feed: XML is malformed at line 1: invalid character U+0001
        '<?xml version="1.0" encodin="x"?><rss/>'                | not a feed: XML is malformed at line 1: the XML declaration is broken
        """)
    void moreParserWordingIsRewritten(String xml, String expected) {
        assertThatThrownBy(() -> SafeXml.parse(xml)).isInstanceOf(FeedException.class).hasMessage(expected);
    }
}
