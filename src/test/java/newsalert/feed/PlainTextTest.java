package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;

class PlainTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        paragraphs              | <p>One.</p><p>Two.</p>                                  | One.\\n\\nTwo.
        br splits               | First line<br>Second line<br/>                          | First line\\n\\nSecond line
        div and headings        | <h2>Head</h2><div>Body <b>bold</b> text</div>           | Head\\n\\nBody bold text
        list items              | <ul><li>a</li><li>b</li></ul>                          | a\\n\\nb
        inline stays inline     | A <a href='x'>link</a> and <i>more</i>.                 | A link and more.
        scripts dropped         | <p>Keep</p><script>var x = 1;</script><style>p{}</style> | Keep
        entities decoded        | Caf&eacute; &amp; bar &#8212; open                     | Café & bar — open
        double escaped          | l&amp;#39;uomo                                          | l'uomo
        blank line in text      | First para.\\n   \\nSecond para.                        | First para.\\n\\nSecond para.
        whitespace collapsed    | '  a \\t b\\n c  '                                      | a b c
        empty                   | '<p> </p><br>'                                          | ''
        """)
    void fromHtml(String label, String html, String expected) {
        assertThat(PlainText.fromHtml(unescape(html))).isEqualTo(unescape(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        5 < 6 and <b> stays         | 5 < 6 and <b> stays
        l&#39;uomo                  | l'uomo
        One\\n\\nTwo  words         | One\\n\\nTwo words
        """)
    void fromTextKeepsMarkupLikeCharacters(String text, String expected) {
        assertThat(PlainText.fromText(unescape(text))).isEqualTo(unescape(expected));
    }

    @Test
    void bidiOverridesAndControlCharactersAreDropped() {
        // U+202E would display "Strike kills 5" reversed; U+0007 is a bell
        assertThat(PlainText.line("Strike \u202Ekills\u202C 5\u0007 today"))
                .isEqualTo("Strike kills 5 today");
        assertThat(PlainText.fromHtml("<p>A\u2066B\u2069</p><p>C</p>"))
                .isEqualTo("AB\n\nC");
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t");
    }
}
