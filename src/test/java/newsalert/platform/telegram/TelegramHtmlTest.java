package newsalert.platform.telegram;

import static newsalert.platform.telegram.TelegramFixtures.assertWellFormed;
import static newsalert.platform.telegram.TelegramFixtures.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import newsalert.command.Reply;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.OutboxStatus;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelegramHtmlTest {

    /** issue 17 item 3: the author (JSON Feed authors) follows the source, escaped */
    @Test
    void anAuthorFollowsTheSourceEscaped() {
        Story s = TelegramFixtures.kharkiv();
        Story by = new Story(s.id(), s.source(), s.title(), s.link(), s.published(), s.body(), null, "Reid & <Mori>");
        assertThat(TelegramHtml.alert(by, TelegramFixtures.kharkivAssessment()))
                .contains(s.source() + " · by Reid &amp; &lt;Mori&gt; · ");
        assertThat(TelegramHtml.alert(s, TelegramFixtures.kharkivAssessment())).doesNotContain(" · by ");
    }

    @Test
    void alertMatchesThePinnedSnapshot() throws IOException {
        String html = TelegramHtml.alert(TelegramFixtures.kharkiv(), TelegramFixtures.kharkivAssessment());
        assertThat(html).isEqualTo(resource("/telegram/alert.html").strip());
        assertWellFormed(html);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Drones hit Belgorod and Kharkiv overnight | | Where: Russia, Ukraine",
            "Talks resume | Envoys from Sudan and South Sudan met in Addis Ababa. | Where: Sudan, South Sudan, Ethiopia",
            "Storm damages harbour | Nobody was hurt. | ",
    })
    void theWhereLineNamesTheStorysCountries(String title, String body, String where) {
        String html = TelegramHtml.alert(TelegramFixtures.story(title, body == null ? "" : body, null),
                TelegramFixtures.plainAttack());
        if (where == null) {
            assertThat(html).doesNotContain("Where:");
        } else {
            assertThat(html.lines()).contains(where);
        }
        assertWellFormed(html);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Strike <b>hits</b> port | Strike &lt;b&gt;hits&lt;/b&gt; port",
            "Talks in Geneva & Doha resume | Talks in Geneva &amp; Doha resume",
            "`Minister: \"no deal\" yet` | `Minister: \"no deal\" yet`",
            "Kyiv's mayor - warns! | Kyiv's mayor - warns!",
            "Drone_strike *near* [Odesa] (update) 2.0 | Drone_strike *near* [Odesa] (update) 2.0",
            "Already escaped &amp; stays visible | Already escaped &amp;amp; stays visible",
            "`< & > \" ' - . ! _ * [ ] ( )` | `&lt; &amp; &gt; \" ' - . ! _ * [ ] ( )`",
    })
    void titlesAreEscapedAndNothingElseIsMangled(String title, String expectedHtml) {
        String html = TelegramHtml.alert(TelegramFixtures.story(title, "", "https://news.example.org/a"),
                TelegramFixtures.plainAttack());
        assertThat(html.split("\n")[1]).isEqualTo("<b>" + expectedHtml + "</b>");
        assertThat(parsed(html).split("\n")[1]).isEqualTo(title);
        assertWellFormed(html);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "https://x.example/a?b=1&c=2 | <a href=\"https://x.example/a?b=1&amp;c=2\">Read the story</a>",
            "https://x.example/q?x=%22a%22 | <a href=\"https://x.example/q?x=%22a%22\">Read the story</a>",
            // what Telegram could not parse is written in ASCII with percent-escapes (the same address), or dropped
            "`https://x.example/q?\"x\"<y>` | <a href=\"https://x.example/q?%22x%22%3Cy%3E\">Read the story</a>",
            "https://[/a.jpg | ``",
            "`https://x.example/a\u00a0b` | <a href=\"https://x.example/a%C2%A0b\">Read the story</a>",
            "https://x.example/<script> | <a href=\"https://x.example/%3Cscript%3E\">Read the story</a>",
            "javascript:alert(1) | ``",
            "ftp://files.example/a | ``",
            "https:///no-host | ``",
            // an internationalised host in punycode, | { } ^ escaped (before: the link was dropped)
            "`https://bücher.example/straße?q=a|b{c}^d` | <a href=\"https://xn--bcher-kva.example/stra%C3%9Fe?q=a%7Cb%7Bc%7D%5Ed\">Read the story</a>",
    })
    void linksAreEscapedInsideHrefAndOnlyHttpIsLinked(String link, String expectedLine) {
        String html = TelegramHtml.alert(TelegramFixtures.story("Title", "", link), TelegramFixtures.plainAttack());
        List<String> linkLines = html.lines().filter(l -> l.startsWith("<a ")).toList();
        assertThat(linkLines).isEqualTo(expectedLine.isEmpty() ? List.of() : List.of(expectedLine));
        assertWellFormed(html);
    }

    @Test
    void aSixThousandCharacterBodyGivesOneValidMessage() {
        String body = "Officials said the strike hit a depot & a school <again>. ".repeat(110).substring(0, 6000);
        String html = TelegramHtml.alert(TelegramFixtures.story("Long report", body, "https://news.example.org/long"),
                TelegramFixtures.plainAttack());
        assertThat(parsed(html).length()).isLessThanOrEqualTo(4096);
        assertThat(html.length()).isLessThanOrEqualTo(4096);
        assertWellFormed(html);
        assertThat(html).contains("<a href=\"https://news.example.org/long\">Read the story</a>");
        String excerpt = parsed(html).split("\n")[3];
        assertThat(excerpt).startsWith("Officials said the strike hit a depot & a school <again>.").endsWith("…");
        assertThat(HtmlText.escapedLength(excerpt, false)).isBetween(570, TelegramHtml.EXCERPT_LENGTH);
    }

    @Test
    void hugeTitleAndQuotesAreTrimmedButHeaderCasualtiesAndLinkStay() {
        String title = "Ceasefire & talks <live> 🇺🇦 ".repeat(300);
        Assessment a = new Assessment(Set.of(Topic.ATTACK, Topic.DIPLOMACY), 90, List.of(),
                new Casualties(CasualtyCount.exact(7), null, null),
                List.of(new Quote("Spokesman", "ministry", "&&& <<< 😀 ".repeat(400)),
                        new Quote("Envoy", null, "We will keep talking. ".repeat(200))), true);
        Story s = new Story("big", "Wire & Co", title, "https://news.example.org/big?a=1&b=2", null,
                "Body text. ".repeat(600));
        String html = TelegramHtml.alert(s, a);
        assertThat(html.length()).isLessThanOrEqualTo(4096);
        assertThat(parsed(html).length()).isLessThanOrEqualTo(4096);
        assertWellFormed(html);
        List<String> lines = html.lines().toList();
        assertThat(lines.get(0)).isEqualTo("<b>[ALERT] ATTACK + DIPLOMACY · severity 90</b>");
        assertThat(lines).contains("Casualties: 7 killed",
                "<a href=\"https://news.example.org/big?a=1&amp;b=2\">Read the story</a>", "id: big");
        assertThat(lines.get(1)).startsWith("<b>Ceasefire &amp; talks &lt;live&gt; 🇺🇦").endsWith("…</b>");
    }

    @ParameterizedTest(name = "cut to {1}")
    @CsvSource({
            "'a&b&c&d', 9, 'a&b…'",
            "'a&b&c&d', 6, 'a…'",
            "'a&b&c&d', 1, ''",
            "'😀😀😀😀', 4, '😀…'",
            "'one two three four', 12, 'one two…'",
            "'short', 5, 'short'",
    })
    void cutsCountEscapedLengthAndNeverSplitEntitiesOrSurrogates(String text, int max, String expected) {
        assertThat(HtmlText.cut(text, max)).isEqualTo(expected);
    }

    @Test
    void longRepliesAreSplitOnLinesAndKeepEveryCharacter() {
        String line = "Keyword \"<drone & missile>\" matched in 3 stories";
        String text = String.join("\n", IntStream.range(0, 80).mapToObj(i -> i + ". " + line).toList());
        Reply reply = Reply.of(text);
        List<String> parts = TelegramHtml.reply(reply);
        assertThat(parts).hasSizeGreaterThan(1);
        parts.forEach(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(4096);
            assertWellFormed(p);
        });
        assertThat(parsed(String.join("\n", parts))).isEqualTo(reply.text());
        assertThat(parts.get(1)).startsWith(parts.get(1).split("\n")[0]).matches("(?s)\\d+\\. Keyword.*");
    }

    @Test
    void aReplyLineTooLongForOneMessageIsCutIntoPieces() {
        Reply reply = Reply.of("&".repeat(3990));
        List<String> parts = TelegramHtml.reply(reply);
        assertThat(parts).hasSize(5);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
        assertThat(parsed(String.join("", parts))).isEqualTo(reply.text());
    }

    @Test
    void shortReplyIsOneEscapedMessage() {
        assertThat(TelegramHtml.reply(Reply.ephemeral("Only chat admins can use <keywords> & feeds here.")))
                .containsExactly("Only chat admins can use &lt;keywords&gt; &amp; feeds here.");
    }

    @Test
    void digestListsEachStoryWithItsLink() {
        List<OutboxItem> items = List.of(
                item(1, TelegramFixtures.kharkiv(), TelegramFixtures.kharkivAssessment()),
                item(2, new Story("b", "Wire <B>", "Talks & truce", "https://news.example.org/b", null, ""),
                        TelegramFixtures.plainAttack()),
                item(3, new Story("c", "", "No link", null, null, ""), TelegramFixtures.plainAttack()));
        assertThat(TelegramHtml.digest(items)).isEqualTo("""
                <b>Digest: 3 alerts</b>
                • <b>Missile strike on Kharkiv kills 12</b> — 12 killed, at least 30 injured · \
                <a href="https://news.example.org/world/kharkiv?id=12&amp;src=rss">Test Wire</a>
                • <b>Talks &amp; truce</b> · <a href="https://news.example.org/b">Wire &lt;B&gt;</a>
                • <b>No link</b> · source""");
    }

    @Test
    void aLongDigestSaysHowManyWereLeftOut() {
        List<OutboxItem> items = IntStream.range(0, 200).mapToObj(i -> item(i,
                new Story("s" + i, "Test Wire", "Story number " + i + " about the talks in Geneva and Doha",
                        "https://news.example.org/story/" + i, null, ""), TelegramFixtures.plainAttack())).toList();
        String html = TelegramHtml.digest(items);
        assertThat(html.length()).isLessThanOrEqualTo(4096);
        assertWellFormed(html);
        long shown = html.lines().filter(l -> l.startsWith("• ")).count();
        assertThat(shown).isBetween(30L, 199L);
        assertThat(html).endsWith("\n…and " + (200 - shown) + " more not shown.");
    }

    private static OutboxItem item(long id, Story s, Assessment a) {
        return new OutboxItem(id, Target.chat(Platform.TELEGRAM, "-100"), s, a, a.severity(), OutboxStatus.PENDING,
                0, null, null, null, TelegramFixtures.PUBLISHED, null, OutboxKind.SEND);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TelegramHtmlTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aDateOnlyPublicationDateIsShownAsThatDayInAWesternChat() {
        Story s = TelegramFixtures.kharkiv();
        Story dateOnly = new Story(s.id(), s.source(), s.title(), s.link(),
                java.time.Instant.parse("2025-08-27T00:00:00Z"), s.body());
        String html = TelegramHtml.alert(dateOnly, TelegramFixtures.kharkivAssessment(),
                java.time.ZoneId.of("America/New_York"));
        assertThat(parsed(html)).contains("Test Wire · 2025-08-27\n").doesNotContain("2025-08-26");
    }
}
