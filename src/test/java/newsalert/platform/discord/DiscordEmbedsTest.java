package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.entities.MessageEmbed;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxStatus;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscordEmbedsTest {
    static final Instant PUBLISHED = Instant.parse("2025-08-28T14:30:00Z");

    /** The fixed story of the snapshot: a strike with casualties and two quotes. */
    static Story kharkivStory() {
        return new Story("wire-kharkiv-0828", "Northern Wire", "Missile strike on Kharkiv apartment block kills 12",
                "https://wire.example/world/kharkiv-strike", PUBLISHED,
                "A missile hit a nine-storey apartment block in Kharkiv overnight, killing 12 people and wounding "
                        + "at least 30 others, regional officials said. Rescue crews were still searching the rubble "
                        + "on Thursday morning.");
    }

    static Assessment kharkivAssessment() {
        return new Assessment(Set.of(Topic.ATTACK), 82, List.of("attack: \"missile\""),
                new Casualties(CasualtyCount.exact(12), CasualtyCount.of(30, Qualifier.AT_LEAST), null),
                List.of(new Quote("Oleh Syniehubov", "Governor", "Rescuers are working through the night"),
                        new Quote("Ihor Terekhov", "Mayor of Kharkiv", "a deliberate strike on sleeping families"),
                        new Quote("Third Speaker", null, "this quote is left out")), true);
    }

    @Test
    void alertEmbedOfAFixedStoryMatchesTheSnapshot() {
        MessageEmbed embed = DiscordEmbeds.alert(kharkivStory(), kharkivAssessment());

        assertThat(embed.getTitle()).isEqualTo("Missile strike on Kharkiv apartment block kills 12");
        assertThat(embed.getUrl()).isEqualTo("https://wire.example/world/kharkiv-strike");
        assertThat(embed.getColorRaw()).isEqualTo(0xC0392B);
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName)
                .containsExactly("Casualties", "Where", "Oleh Syniehubov (Governor)", "Ihor Terekhov (Mayor of Kharkiv)");
        assertThat(embed.getFields().get(0).getValue()).isEqualTo("12 killed, at least 30 injured");
        assertThat(embed.getTimestamp().toInstant()).isEqualTo(PUBLISHED);
        Snapshots.assertMatches("alert-kharkiv", embed.toData().toString());
    }

    @Test
    void titleWithMarkdownAndMentionsIsEscaped() {
        Story s = new Story("x1", "Wire", "*Bold* _it_ ~~gone~~ ||spoiler|| > quote `code` @everyone @here <@123> [a](b)",
                "https://wire.example/x1", PUBLISHED, "Body mentions <@&456> and @everyone.");
        MessageEmbed embed = DiscordEmbeds.alert(s, kharkivAssessment());

        assertThat(embed.getTitle()).isEqualTo("\\*Bold\\* \\_it\\_ \\~\\~gone\\~\\~ \\|\\|spoiler\\|\\| \\> quote "
                + "\\`code\\` @\u200Beveryone @\u200Bhere \\<@123\\> \\[a\\](b)");
        assertThat(embed.getDescription()).isEqualTo("Body mentions \\<@&456\\> and @\u200Beveryone.");
        assertThat(DiscordEmbeds.alertText(s, kharkivAssessment()))
                .contains("**\\*Bold\\* \\_it\\_").doesNotContain("@everyone").doesNotContain("<@123>");
    }

    @ParameterizedTest
    @CsvSource({
            // title length, body length
            "300, 6000",
            "256, 5000",
            "10, 10000",
    })
    void longStoriesStayWithinDiscordLimits(int titleLength, int bodyLength) {
        Story s = new Story("long", "Wire", "T".repeat(titleLength), "https://wire.example/long", PUBLISHED,
                "word ".repeat(bodyLength / 5));
        MessageEmbed embed = DiscordEmbeds.alert(s, kharkivAssessment());

        assertThat(embed.getTitle()).hasSizeLessThanOrEqualTo(MessageEmbed.TITLE_MAX_LENGTH);
        // a short alert: the description is an excerpt, the link has the rest
        assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(DiscordEmbeds.EXCERPT_LENGTH).endsWith("…");
        assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        assertThat(embed.isSendable()).isTrue();
        assertThat(DiscordEmbeds.alertText(s, kharkivAssessment())).hasSizeLessThanOrEqualTo(2000);
    }

    @Test
    void titleOf300CharactersIsCutTo256WithAnEllipsis() {
        Story s = new Story("t", "Wire", "a".repeat(300), null, null, "");
        MessageEmbed embed = DiscordEmbeds.alert(s, kharkivAssessment());

        assertThat(embed.getTitle()).hasSize(256).isEqualTo("a".repeat(255) + "…");
        assertThat(embed.getUrl()).isNull();
        assertThat(embed.getTimestamp()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "ATTACK, 82, 12597547",
            "ATTACK, 40, 15105570",
            "DIPLOMACY, 75, 2051738",
            "DIPLOMACY, 30, 3447003",
            "BOTH, 90, 7091331",
            "NONE, 10, 9807270",
    })
    void colourFollowsTopicAndSeverity(String topics, int severity, int rgb) {
        Set<Topic> set = switch (topics) {
            case "BOTH" -> Set.of(Topic.ATTACK, Topic.DIPLOMACY);
            case "NONE" -> Set.of();
            default -> Set.of(Topic.valueOf(topics));
        };
        assertThat(DiscordEmbeds.colour(set, severity)).isEqualTo(rgb);
    }

    @Test
    void theWhereFieldNamesTheStorysCountriesAndIsLeftOutWhenThereAreNone() {
        Story two = new Story("w1", "Wire", "Drones hit Belgorod and Kharkiv overnight", null, null, "");
        assertThat(DiscordEmbeds.alert(two, kharkivAssessment()).getFields())
                .filteredOn(f -> "Where".equals(f.getName())).extracting(MessageEmbed.Field::getValue)
                .containsExactly("Russia, Ukraine");
        Story none = new Story("w2", "Wire", "Storm damages harbour", null, null, "Nobody was hurt.");
        assertThat(DiscordEmbeds.alert(none, kharkivAssessment()).getFields())
                .extracting(MessageEmbed.Field::getName).doesNotContain("Where");
    }

    /** issue 17 item 3: a story's author (JSON Feed authors) follows the source in the footer and the plain text */
    @Test
    void theAuthorFollowsTheSourceInTheFooterAndThePlainText() {
        Story s = kharkivStory();
        Story byAuthor = new Story(s.id(), s.source(), s.title(), s.link(), s.published(), s.body(), null,
                "Ines *Varga*");
        assertThat(DiscordEmbeds.alert(byAuthor, kharkivAssessment()).getFooter().getText())
                .isEqualTo("Northern Wire · by Ines *Varga* · id: wire-kharkiv-0828");
        assertThat(DiscordEmbeds.alert(s, kharkivAssessment()).getFooter().getText())
                .isEqualTo("Northern Wire · id: wire-kharkiv-0828");
        assertThat(DiscordEmbeds.alertText(byAuthor, kharkivAssessment())).contains(
                "Northern Wire · by Ines \\*Varga\\* · 2025-08-28 14:30 UTC · <https://wire.example/world/kharkiv-strike>");
    }

    @Test
    void plainTextFallbackCarriesTheSameFacts() {
        assertThat(DiscordEmbeds.alertText(kharkivStory(), kharkivAssessment())).isEqualTo("""
                ATTACK · severity 82
                **Missile strike on Kharkiv apartment block kills 12**
                Casualties: 12 killed, at least 30 injured
                Where: Ukraine
                > “Rescuers are working through the night” — Oleh Syniehubov (Governor)
                > “a deliberate strike on sleeping families” — Ihor Terekhov (Mayor of Kharkiv)
                Northern Wire · 2025-08-28 14:30 UTC · <https://wire.example/world/kharkiv-strike>
                id: wire-kharkiv-0828""");
    }

    @Test
    void digestListsEachStoryAndSaysHowManyWereLeftOut() {
        Target t = new Target(Platform.DISCORD, "100", "200");
        List<OutboxItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Story s = new Story("d" + i, "Wire", "Shelling reported in district " + i + " " + "x".repeat(80),
                    "https://wire.example/d" + i, PUBLISHED, "");
            items.add(new OutboxItem(i, t, s, kharkivAssessment(), 82, OutboxStatus.PENDING, 0, null, null, null,
                    PUBLISHED, null, null));
        }
        MessageEmbed embed = DiscordEmbeds.digest(items);
        String text = DiscordEmbeds.digestText(items);

        assertThat(embed.getTitle()).isEqualTo("60 alerts");
        assertThat(embed.getDescription()).startsWith("• [Shelling reported in district 0 ")
                .contains("](https://wire.example/d0) — 12 killed, at least 30 injured")
                .matches("(?s).*…and \\d+ more$").hasSizeLessThanOrEqualTo(4096);
        assertThat(text).startsWith("**60 alerts**\n• Shelling reported in district 0")
                .contains("<https://wire.example/d0>").matches("(?s).*…and \\d+ more$").hasSizeLessThanOrEqualTo(2000);
    }

    @Test
    void aDateOnlyPublicationDateIsInTheFooterNotATimestampAWesternReaderWouldSeeAsTheEveningBefore() {
        Story s = kharkivStory();
        Story dateOnly = new Story(s.id(), s.source(), s.title(), s.link(), Instant.parse("2025-08-27T00:00:00Z"),
                s.body());
        MessageEmbed embed = DiscordEmbeds.alert(dateOnly, kharkivAssessment(), true,
                java.time.ZoneId.of("America/New_York"));
        assertThat(embed.getTimestamp()).isNull();
        assertThat(embed.getFooter().getText()).isEqualTo("Northern Wire · 2025-08-27 · id: wire-kharkiv-0828");
        assertThat(DiscordEmbeds.alertText(dateOnly, kharkivAssessment(), java.time.ZoneId.of("America/New_York")))
                .contains("Northern Wire · 2025-08-27").doesNotContain("2025-08-26");
        // a story with a time keeps Discord's timestamp and its footer without a date
        MessageEmbed timed = DiscordEmbeds.alert(s, kharkivAssessment(), true, java.time.ZoneId.of("America/New_York"));
        assertThat(timed.getTimestamp().toInstant()).isEqualTo(PUBLISHED);
        assertThat(timed.getFooter().getText()).isEqualTo("Northern Wire · id: wire-kharkiv-0828");
    }
}
