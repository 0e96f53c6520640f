package newsalert.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Story links in the ASCII form both chat platforms take (issue 18 low: IDN hosts and {@code | { } ^} were dropped). */
class LinksTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', quoteCharacter = '`', nullValues = "-", value = {
            "https://news.example/a?b=1&c=2 https://news.example/a?b=1&c=2",
            "http://例え.テスト/パス http://xn--r8jz45g.xn--zckzah/%E3%83%91%E3%82%B9",
            "`https://x.example/a{b}|c^d?e=|` https://x.example/a%7Bb%7D%7Cc%5Ed?e=%7C",
            "`https://x.example/a b#frag ment` https://x.example/a%20b#frag%20ment",
            "https://x.example/already%20escaped https://x.example/already%20escaped",
            "`  https://x.example/trimmed  ` https://x.example/trimmed",
            "https:///x -",
            "https://[/a.jpg -",
            "javascript:alert(1) -",
            "ftp://files.example/a -",
            "/relative/path -",
    })
    void aLinkIsWrittenInAsciiOrRefused(String link, String expected) {
        assertThat(Links.ascii(link)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nothingAndOverlongAreRefused() {
        assertThat(Links.ascii(null)).isNull();
        assertThat(Links.ascii("https://x.example/" + "a".repeat(Links.MAX_INPUT))).isNull();
    }
}
