package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tester findings on issue 11 item 3: parser wording no rule knows, and the attribute limit. */
class XmlErrorsFallbackTest {
    @Test
    void aParserMessageNoRuleKnowsIsNeverPassedOn() {
        FeedException e = XmlErrors.describe("<rss>", "Error in building: Scanner State 24 not Recognized", 7, null);
        assertThat(e.getMessage()).isEqualTo("not a feed: XML is malformed at line 7");
        FeedException q = XmlErrors.describe("<rss>", "Element or attribute \"a:00\" do not match QName production:"
                + " QName::=(NCName:)?NCName.", 3, null);
        assertThat(q.getMessage()).isEqualTo("not a feed: XML is malformed at line 3");
    }

    @Test
    void tooManyAttributesIsNotCalledAnEntityBomb() {
        FeedException e = XmlErrors.describe("<rss>", "JAXP00010002: The element \"item\" has more than \"10,000\""
                + " attributes, \"10,000\" is the limit imposed by the JDK.", 1, null);
        assertThat(e.getMessage()).isEqualTo("not a feed: an element has too many attributes (more than the parser's"
                + " limit)");
    }

    @Test
    void aFileEndingInsideItsDoctypeIsRefusedBeforeTheParserPrintsATrace() {
        String cut = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n  <!ENTITY lol \"lol";
        assertThat(SafeXml.cutOffDoctype(cut)).isTrue();
        assertThat(SafeXml.cutOffDoctype("<!DOCTYPE rss [ <!ENTITY a \"b\"> ]><rss/>")).isFalse();
        assertThat(SafeXml.cutOffDoctype("<!DOCTYPE rss SYSTEM \"x.dtd\"><rss><a>[</a></rss>")).isFalse();
        assertThatThrownBy(() -> SafeXml.parse(cut)).isInstanceOf(FeedException.class)
                .hasMessage("not a feed: XML is malformed: the file ends inside its DOCTYPE declaration");
    }
}
