package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedParserCharsetTest {
    private static final String TITLE = "Café résumé: Zürich señor";

    private static byte[] feed(String declaration, Charset charset, boolean bom) {
        String xml = declaration + "<rss version=\"2.0\"><channel><title>Wire</title>"
                + "<item><guid>x1</guid><title>" + TITLE + "</title></item></channel></rss>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        out.writeBytes(xml.getBytes(charset));
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
        Latin-1 bytes, no declaration, no content type     | ''                                               | ISO-8859-1   | false | NULL
        Latin-1 bytes, no declaration, text/xml            | ''                                               | ISO-8859-1   | false | text/xml
        UTF-8 bytes, no declaration, text/xml (not ASCII)  | ''                                               | UTF-8        | false | text/xml
        UTF-8 bytes with BOM, no declaration               | ''                                               | UTF-8        | true  | text/xml
        declared ISO-8859-1 beats a wrong HTTP charset     | '<?xml version="1.0" encoding="ISO-8859-1"?>'    | ISO-8859-1   | false | application/rss+xml; charset=utf-8
        HTTP charset used when nothing is declared         | ''                                               | ISO-8859-15  | false | text/xml; charset=ISO-8859-15
        UTF-8 bytes sent as ISO-8859-1, nothing declared   | ''                                               | UTF-8        | false | text/xml; charset=ISO-8859-1
        UTF-8 bytes sent as windows-1252, nothing declared | ''                                               | UTF-8        | false | application/rss+xml; charset=windows-1252
        Latin-1 bytes sent as ISO-8859-1 (not valid UTF-8) | ''                                               | ISO-8859-1   | false | text/xml; charset=ISO-8859-1
        single-quoted UTF-8 declaration                    | '<?xml version=''1.0'' encoding=''utf-8''?>'     | UTF-8        | false | NULL
        windows-1252 declared                              | '<?xml version="1.0" encoding="windows-1252"?>'  | windows-1252 | false | NULL
        UTF-16 with big-endian BOM                         | ''                                               | UTF-16       | false | NULL
        """)
    void decodesAccentedLetters(String label, String declaration, String charset, boolean bom, String contentType)
            throws FeedException {
        byte[] bytes = feed(declaration, Charset.forName(charset), bom);

        ParsedFeed parsed = new FeedParser().parse(bytes, contentType, null, Fixtures.NOW);

        assertThat(parsed.stories().get(0).title()).isEqualTo(TITLE);
    }

    @ParameterizedTest
    @CsvSource({"windows-1251, Удар по Киеву", "ISO-8859-7, Συνάντηση στην Αθήνα"})
    void declaredLegacyCharsetsForOtherScripts(String charset, String title) throws FeedException {
        String xml = "<?xml version=\"1.0\" encoding=\"" + charset + "\"?><rss version=\"2.0\"><channel><title>W</title>"
                + "<item><guid>x</guid><title>" + title + "</title></item></channel></rss>";

        ParsedFeed parsed = new FeedParser().parse(xml.getBytes(Charset.forName(charset)), "text/xml", null,
                Fixtures.NOW);

        assertThat(parsed.stories().get(0).title()).isEqualTo(title);
    }

    @org.junit.jupiter.api.Test
    void cyrillicUtf8SentAsIso88591IsReadAsUtf8NotMojibake() throws FeedException {
        String xml = "<rss version=\"2.0\"><channel><title>Лента</title><item><guid>v1</guid><title>Взрыв в порту"
                + "</title></item></channel></rss>";

        ParsedFeed parsed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=ISO-8859-1",
                null, Fixtures.NOW);

        assertThat(parsed.stories().get(0).title()).isEqualTo("Взрыв в порту");
    }

    @ParameterizedTest
    @CsvSource({"windows-1251, Удар по Киеву", "ISO-8859-7, Συνάντηση στην Αθήνα"})
    void legacyBytesSentWithTheirCharsetAndNoDeclarationStillDecode(String charset, String title)
            throws FeedException {
        String xml = "<rss version=\"2.0\"><channel><title>W</title><item><guid>x</guid><title>" + title
                + "</title></item></channel></rss>";

        ParsedFeed parsed = new FeedParser().parse(xml.getBytes(Charset.forName(charset)),
                "text/xml; charset=" + charset, null, Fixtures.NOW);

        assertThat(parsed.stories().get(0).title()).isEqualTo(title);
    }

    @ParameterizedTest
    @CsvSource({"UTF-8", "UTF-16LE"})
    void xmlDecodingStripsTheByteOrderMark(String charset) {
        byte[] bom = charset.equals("UTF-8") ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                : new byte[] {(byte) 0xFF, (byte) 0xFE};
        byte[] text = "<a>é</a>".getBytes(Charset.forName(charset));
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);

        assertThat(XmlDecoding.decode(all, null)).isEqualTo("<a>é</a>");
        assertThat(XmlDecoding.decode("<a>é</a>".getBytes(StandardCharsets.UTF_8), "text/xml")).isEqualTo("<a>é</a>");
    }
}
