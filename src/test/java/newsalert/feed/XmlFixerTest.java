package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link XmlFixer} must write exactly what Rome's {@link XmlFixerReader} reads out, for any text. */
class XmlFixerTest {
    private static final String[] PIECES = {"<", ">", "!", "-", "--", "<!--", "-->", "[", "]", "]]>", "<![CDATA[",
            "&", ";", "&amp;", "&nbsp;", "&eacute;", "&#39;", "&#x2019;", "&bogus;", "&AElig;", "&lt;", "&quot;",
            "&#;", "&;", "AT&T ", "&amp", "a", "Z", "9", "#", " ", "\n", "\t", "\r", "/", "?", "<?xml version=\"1.0\"?>",
            "<rss>", "</rss>", "<item/>", "é", "\u2019", "x"};

    @Test
    void knownCasesMatchRomesReader() throws IOException {
        String[] cases = {"", "   ", "  <?xml version=\"1.0\"?><rss/>", "<!-- a -->\n<!-- b --><rss/>", "<!-- open",
                "<!-x<rss/>", "<!DOCTYPE rss><rss/>", "&nbsp;first", "<a>AT&T &amp; &eacute; &#233; &bogus;</a>",
                "<a><![CDATA[AT&T &amp; &nbsp; ]]]> ]]> & after</a>", "<a>&", "<a>&amp", "text only"};
        for (String c : cases) {
            assertThat(XmlFixer.fix(c)).as(c).isEqualTo(rome(c));
        }
        assertThat(XmlFixer.fix("<a>&eacute; AT&T</a>")).isEqualTo("<a>&#233; AT&amp;T</a>");
    }

    @Test
    void randomTextsMatchRomesReader() throws IOException {
        Random random = new Random(6);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder();
            int pieces = random.nextInt(30);
            for (int i = 0; i < pieces; i++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String s = b.toString();
            assertThat(XmlFixer.fix(s)).as(s).isEqualTo(rome(s));
        }
    }

    @Test
    void aReusedParserKeepsItsEntityLimitPerDocument() throws FeedException {
        // 1,500 expansions each: under the limit of 2,000 per document however often the thread's parser is reused
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < 1_500; i++) {
            refs.append("&e;");
        }
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY e \"x\">]><rss version=\"2.0\"><channel>"
                + "<title>t</title><item><title>" + refs + "</title><link>https://news.example.org/a</link></item>"
                + "</channel></rss>";
        FeedParser parser = new FeedParser();
        for (int i = 0; i < 3; i++) {
            assertThat(parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null, Instant.EPOCH).stories())
                    .hasSize(1);
        }
        String bomb = xml.replace(refs, refs.toString().repeat(2));
        assertThatThrownBy(() -> parser.parse(bomb.getBytes(StandardCharsets.UTF_8), null, null, Instant.EPOCH))
                .isInstanceOf(FeedException.class).hasMessageContaining("entity expansions");
    }

    private static String rome(String s) throws IOException {
        try (XmlFixerReader r = new XmlFixerReader(new StringReader(s))) {
            StringBuilder b = new StringBuilder();
            char[] chunk = new char[64];
            int n;
            while ((n = r.read(chunk, 0, chunk.length)) > 0) {
                b.append(chunk, 0, n);
            }
            return b.toString();
        }
    }
}
