package newsalert.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import newsalert.delivery.AlertStyle;
import newsalert.delivery.SendResult;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.OutboxStatus;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 on Telegram, through the real TelegramBots client against the fake Bot API: the alert's time in the
 * chat's zone, {@code disable_notification} for silent alerts, and the feed picture as a small link preview above
 * the text. The request bodies (all but the text) are pinned as JSON.
 */
class TelegramAlertStyleTest {
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final String PICTURE = "https://img.example.org/kharkiv.jpg";

    private FakeTelegramApi fake;
    private TelegramPlatform platform;
    private final Assessment assessment = TelegramFixtures.kharkivAssessment();

    @BeforeEach
    void start() throws IOException {
        fake = new FakeTelegramApi();
        platform = new TelegramPlatform(fake.settings(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        platform.close();
        fake.close();
    }

    private static Story pictured() {
        Story s = TelegramFixtures.kharkiv();
        return new Story(s.id(), s.source(), s.title(), s.link(), s.published(), s.body(), PICTURE);
    }

    /** @return the body without its text, as compact JSON */
    private static String withoutText(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("text");
        return copy.toString();
    }

    @Test
    void aSilentAlertWithAPictureInKyivTime() {
        AlertStyle style = new AlertStyle(KYIV, true, null, true);
        assertThat(platform.send(GROUP, pictured(), assessment, style)).isEqualTo(new SendResult.Sent("101"));

        ObjectNode body = fake.bodies().get(0);
        assertThat(withoutText(body)).isEqualTo("{\"chat_id\":\"-1001234567890\",\"parse_mode\":\"HTML\","
                + "\"disable_notification\":true,\"link_preview_options\":{\"url\":\"" + PICTURE + "\","
                + "\"prefer_small_media\":true,\"show_above_text\":true},\"method\":\"sendMessage\"}");
        assertThat(body.path("text").asText()).isEqualTo(TelegramHtml.alert(pictured(), assessment, KYIV))
                .contains("\nTest Wire · 2025-08-28 08:40 UTC+3\n");
    }

    @Test
    void aLoudAlertWithPicturesOffHasPreviewsOffAndNoNotificationField() {
        AlertStyle style = new AlertStyle(ZoneOffset.UTC, false, "@here", false);
        platform.send(GROUP, pictured(), assessment, style);

        assertThat(withoutText(fake.bodies().get(0))).isEqualTo("{\"chat_id\":\"-1001234567890\","
                + "\"parse_mode\":\"HTML\",\"link_preview_options\":{\"is_disabled\":true},\"method\":\"sendMessage\"}");
        assertThat(fake.bodies().get(0).path("text").asText()).contains("\nTest Wire · 2025-08-28 05:40 UTC\n")
                .doesNotContain("@here");
    }

    @Test
    void aStoryWithoutAUsablePictureHasPreviewsOff() {
        Story s = TelegramFixtures.kharkiv();
        Story bad = new Story(s.id(), s.source(), s.title(), s.link(), s.published(), s.body(), "javascript:x");
        platform.send(GROUP, s, assessment, AlertStyle.DEFAULT);
        platform.send(GROUP, bad, assessment, AlertStyle.DEFAULT);
        assertThat(fake.sent()).extracting(FakeTelegramApi.Sent::previewsDisabled).containsExactly(true, true);
    }

    @Test
    void editsKeepTheZoneAndThePictureButNeverNotify() {
        platform.send(GROUP, pictured(), assessment, new AlertStyle(KYIV, false, null, true));
        AlertStyle edit = new AlertStyle(KYIV, true, null, true).forEdit();
        assertThat(platform.edit(GROUP, "101", pictured(), assessment, edit)).isEqualTo(new SendResult.Sent("101"));

        ObjectNode body = fake.bodies().get(1);
        assertThat(withoutText(body)).isEqualTo("{\"chat_id\":\"-1001234567890\",\"message_id\":101,"
                + "\"parse_mode\":\"HTML\",\"link_preview_options\":{\"url\":\"" + PICTURE + "\","
                + "\"prefer_small_media\":true,\"show_above_text\":true},\"method\":\"editMessageText\"}");
        assertThat(body.path("text").asText()).contains("2025-08-28 08:40 UTC+3");
    }

    /**
     * tester18d: Telegram refusing a message for its picture's address refused the plain-text fallback too, since it
     * carried the same preview, and the alert was given up. The fallback goes without a preview (and quietly when the
     * alert was quiet).
     */
    @Test
    void aMessageRefusedForItsPictureGoesAsPlainTextWithoutAPreview() {
        fake.refusePreviewUrl(PICTURE);
        AlertStyle style = new AlertStyle(KYIV, true, null, true);

        try (LogCapture log = LogCapture.of(TelegramPlatform.class)) {
            assertThat(platform.send(GROUP, pictured(), assessment, style)).isEqualTo(new SendResult.Sent("101"));
            assertThat(log.contains("wrong HTTP URL specified; sending it once as plain text")).isTrue();
        }

        assertThat(fake.bodies()).hasSize(2);
        assertThat(fake.bodies().get(0).path("link_preview_options").path("url").asText()).isEqualTo(PICTURE);
        ObjectNode fallback = fake.bodies().get(1);
        assertThat(withoutText(fallback)).isEqualTo("{\"chat_id\":\"-1001234567890\",\"disable_notification\":true,"
                + "\"link_preview_options\":{\"is_disabled\":true},\"method\":\"sendMessage\"}");
        assertThat(fallback.path("text").asText()).isEqualTo(TelegramHtml.alertPlain(pictured(), assessment, KYIV));
        assertThat(fake.sent()).extracting(FakeTelegramApi.Sent::previewsDisabled).containsExactly(true);
    }

    /** The same for an edit: its plain-text fallback goes without the picture's preview. */
    @Test
    void anEditRefusedForItsPictureGoesAsPlainTextWithoutAPreview() {
        fake.refusePreviewUrl(PICTURE);
        AlertStyle edit = new AlertStyle(KYIV, false, null, true).forEdit();

        try (LogCapture log = LogCapture.of(TelegramPlatform.class)) {
            assertThat(platform.edit(GROUP, "101", pictured(), assessment, edit))
                    .isEqualTo(new SendResult.Sent("101"));
        }

        assertThat(fake.bodies()).hasSize(2);
        assertThat(withoutText(fake.bodies().get(1))).isEqualTo("{\"chat_id\":\"-1001234567890\",\"message_id\":101,"
                + "\"link_preview_options\":{\"is_disabled\":true},\"method\":\"editMessageText\"}");
        assertThat(fake.edits()).extracting(FakeTelegramApi.Edit::previewsDisabled).containsExactly(true);
    }

    /** @return the Kharkiv story as an event's view revised at {@code at} */
    private static Story revised(Instant at) {
        Story s = TelegramFixtures.kharkiv();
        return new Story(s.id(), s.source(), s.title(), s.link(), s.published(), s.body(), null, null,
                new Story.Update(at, "19 killed (was 12); 3 outlets"));
    }

    @Test
    void anEditedEventSaysUpdatedInTheChatsZoneWithItsOffset() {
        Story edited = revised(Instant.parse("2026-03-03T13:00:00Z"));
        platform.edit(GROUP, "101", edited, assessment, new AlertStyle(KYIV, false, null, true).forEdit());
        platform.edit(GROUP, "102", edited, assessment, AlertStyle.DEFAULT.forEdit());

        String kyiv = fake.bodies().get(0).path("text").asText();
        assertThat(kyiv).contains("\nUpdated 15:00 UTC+2: 19 killed (was 12); 3 outlets\n\n")
                .doesNotContain("13:00");
        assertThat(fake.bodies().get(1).path("text").asText())
                .contains("\nUpdated 13:00 UTC: 19 killed (was 12); 3 outlets\n\n");
    }

    @Test
    void anEditAcrossKyivsSpringForwardReadsTheOffsetInForceAtThatInstant() {
        // 2026-03-29 01:00 UTC: Kyiv moves from UTC+2 to UTC+3
        platform.edit(GROUP, "101", revised(Instant.parse("2026-03-29T00:59:00Z")), assessment,
                new AlertStyle(KYIV, false, null, true).forEdit());
        platform.edit(GROUP, "101", revised(Instant.parse("2026-03-29T01:00:00Z")), assessment,
                new AlertStyle(KYIV, false, null, true).forEdit());

        assertThat(fake.bodies().get(0).path("text").asText()).contains("\nUpdated 02:59 UTC+2: ");
        assertThat(fake.bodies().get(1).path("text").asText()).contains("\nUpdated 04:00 UTC+3: ");
    }

    @Test
    void anOldQueuedEditWithTheLineInItsTextIsSentAsItWasWritten() {
        Story s = TelegramFixtures.kharkiv();
        Story old = new Story(s.id(), s.source(), s.title(), s.link(), s.published(),
                "Updated 13:00 UTC: 19 killed (was 12); 3 outlets\n\n" + s.body());
        platform.edit(GROUP, "101", old, assessment, new AlertStyle(KYIV, false, null, true).forEdit());

        String text = fake.bodies().get(0).path("text").asText();
        assertThat(text).contains("\nUpdated 13:00 UTC: 19 killed (was 12); 3 outlets\n\n");
        assertThat(text.indexOf("Updated")).isEqualTo(text.lastIndexOf("Updated"));
    }

    @Test
    void aSilentDigestCarriesDisableNotification() {
        OutboxItem a = new OutboxItem(1, GROUP, pictured(), assessment, 80, OutboxStatus.PENDING, 0, null, null, null,
                null, null, OutboxKind.SEND);
        OutboxItem b = new OutboxItem(2, GROUP, TelegramFixtures.kharkiv(), assessment, 60, OutboxStatus.PENDING, 0,
                null, null, null, null, null, OutboxKind.SEND);
        platform.sendDigest(GROUP, List.of(a, b), new AlertStyle(KYIV, true, null, true));
        assertThat(withoutText(fake.bodies().get(0))).isEqualTo("{\"chat_id\":\"-1001234567890\","
                + "\"parse_mode\":\"HTML\",\"disable_notification\":true,\"link_preview_options\":{\"is_disabled\":true},"
                + "\"method\":\"sendMessage\"}");
    }
}
