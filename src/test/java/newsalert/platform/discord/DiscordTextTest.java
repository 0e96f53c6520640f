package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscordTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # raw                              | escaped
            "**strike**"                       | "\\*\\*strike\\*\\*"
            "__under__ ~~s~~"                  | "\\_\\_under\\_\\_ \\~\\~s\\~\\~"
            "||spoiler||"                      | "\\|\\|spoiler\\|\\|"
            "> quoted"                         | "\\> quoted"
            "`tick` ```block```"               | "\\`tick\\` \\`\\`\\`block\\`\\`\\`"
            "<@123> <#456> <@&789>"            | "\\<@123\\> \\<#456\\> \\<@&789\\>"
            "@everyone and @here"              | "@\u200Beveryone and @\u200Bhere"
            "[click](https://evil.example)"    | "\\[click\\](https://evil.example)"
            "# Heading"                        | "\\# Heading"
            "-# subtext"                       | "\\-# subtext"
            "  - item"                         | "  \\- item"
            "12. Kyiv"                         | "12\\. Kyiv"
            "UK-led talks #2, 12.5 km, 3. x"   | "UK-led talks #2, 12.5 km, 3. x"
            "back\\slash"                      | "back\\\\slash"
            """)
    void escapesMarkdownAndMentions(String raw, String escaped) {
        assertThat(DiscordText.escape(raw)).isEqualTo(escaped);
    }

    @ParameterizedTest
    @CsvSource({
            "https://wire.example/a_b?x=1, https://wire.example/a_b?x=1",
            "http://wire.example/, http://wire.example/",
            "javascript:alert(1), ",
            // spaces, angle brackets, | { } ^ and non-ASCII escaped, an internationalised host in punycode
            "https://wire.example/a b, https://wire.example/a%20b",
            "ftp://wire.example/f, ",
            "https://wire.example/<x>, https://wire.example/%3Cx%3E",
            "https://bücher.example/straße?q=a|b{c}^d, https://xn--bcher-kva.example/stra%C3%9Fe?q=a%7Cb%7Bc%7D%5Ed",
            "https:///no-host, ",
            // an @ after the host is written %40, so a link never carries a live @everyone or @here (tester18c)
            "https://evil.example/@everyone/x, https://evil.example/%40everyone/x",
            "https://wire.example/u/@here?to=a@b#@x, https://wire.example/u/%40here?to=a%40b#%40x",
            "https://me@wire.example/a, https://me@wire.example/a",
            "https://x@everyone.example/a, ",
            "https://x@HERE.example/a, ",
    })
    void onlyPlainHttpLinksAreUsed(String link, String expected) {
        assertThat(DiscordText.safeLink(link)).isEqualTo(expected);
    }

    /**
     * tester18d: a link of 1,014 characters, 990 of them '@', is 2,994 once each '@' is written %40, more than Discord
     * takes: it is dropped (the alert goes without it) rather than left for JDA to refuse. One that still fits stays.
     */
    @org.junit.jupiter.api.Test
    void aLinkThatGrowsPastTheLimitOnceEscapedIsDropped() {
        String full = "https://img.example.org/" + "@".repeat(990);
        assertThat(full).hasSize(1014);
        assertThat(DiscordText.safeLink(full)).isNull();

        String fits = "https://img.example.org/" + "@".repeat(658) + "a".repeat(2);
        assertThat(DiscordText.safeLink(fits)).hasSize(2000).endsWith("%40aa");
        assertThat(DiscordText.safeLink(fits + "b")).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "abcdef, 4, abc…",
            "ab\\\\cd, 4, ab…",
            "abc, 3, abc",
    })
    void cutNeverLeavesALoneBackslash(String text, int max, String expected) {
        assertThat(DiscordText.cut(text, max)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void splitPrefersLineBreaksAndKeepsEveryPieceWithinTheLimit() {
        String text = "line one\n" + "x".repeat(25) + "\nlast words here";
        List<String> parts = DiscordText.split(text, 12);

        assertThat(parts).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(12));
        assertThat(parts).containsExactly("line one", "x".repeat(12), "x".repeat(12), "x", "last words", "here");
    }
}
