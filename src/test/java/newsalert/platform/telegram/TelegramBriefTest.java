package newsalert.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import newsalert.delivery.AlertStyle;
import newsalert.delivery.Brief;
import newsalert.delivery.SendResult;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.Briefs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 5 on Telegram, through the real TelegramBots client against the fake Bot API: a daily brief part in
 * HTML (pinned by {@code snapshots/telegram/brief.html}), silent in quiet hours, previews off; a long brief splits
 * into parts within 4,096 characters; follow-ups and notices carry {@code disable_notification} when silent.
 */
class TelegramBriefTest {
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private FakeTelegramApi fake;
    private TelegramPlatform platform;

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

    private static String snapshot(String name) throws IOException {
        try (InputStream in = TelegramBriefTest.class.getResourceAsStream("/snapshots/telegram/" + name)) {
            assertThat(in).as("snapshot %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        }
    }

    private static String withoutText(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("text");
        return copy.toString();
    }

    @Test
    void aBriefPartIsOneHtmlMessagePinnedBySnapshot() throws IOException {
        SendResult r = platform.sendBrief(GROUP, Briefs.twoEvents(), new AlertStyle(KYIV, false, null, true));

        assertThat(r).isEqualTo(new SendResult.Sent("101"));
        ObjectNode body = fake.bodies().get(0);
        assertThat(withoutText(body)).isEqualTo("{\"chat_id\":\"-1001234567890\",\"parse_mode\":\"HTML\","
                + "\"link_preview_options\":{\"is_disabled\":true},\"method\":\"sendMessage\"}");
        assertThat(body.path("text").asText()).isEqualTo(snapshot("brief.html"));
    }

    @Test
    void aSilentBriefCarriesDisableNotification() {
        platform.sendBrief(GROUP, Briefs.twoEvents(), new AlertStyle(KYIV, true, null, true));
        assertThat(withoutText(fake.bodies().get(0))).isEqualTo("{\"chat_id\":\"-1001234567890\","
                + "\"parse_mode\":\"HTML\",\"disable_notification\":true,\"link_preview_options\":{\"is_disabled\":true},"
                + "\"method\":\"sendMessage\"}");
    }

    @Test
    void aLongBriefIsSplitIntoPartsThatEachFitOneMessage() {
        Brief whole = Briefs.many(80);
        assertThat(platform.briefFits(whole)).isFalse();
        List<Brief> parts = whole.split(platform::briefFits);

        assertThat(parts.size()).isBetween(3, 10);
        assertThat(parts).allSatisfy(p -> assertThat(TelegramBrief.text(p).html().length())
                .isLessThanOrEqualTo(TelegramHtml.MAX_LENGTH));
        assertThat(parts.stream().flatMap(p -> p.items().stream()).map(Brief.Item::storyId).toList())
                .isEqualTo(IntStream.rangeClosed(1, 80).mapToObj(i -> "story-" + i).collect(Collectors.toList()));
        for (Brief p : parts) {
            platform.sendBrief(GROUP, p, AlertStyle.DEFAULT);
        }
        assertThat(fake.sent()).hasSize(parts.size());
        assertThat(fake.sent().get(1).text())
                .startsWith("<b>Daily brief · Thu 28 Aug 2025 · part 2 of " + parts.size() + "</b>");
    }

    @Test
    void followUpsAndNoticesInQuietHoursAreSilent() {
        AlertStyle silent = new AlertStyle(KYIV, true, null, true);
        platform.reply(GROUP, "77", "Death toll rises to 12", silent);
        platform.notice(GROUP, "Alerts of a feed are held back", silent);
        platform.reply(GROUP, "77", "Death toll rises to 14", AlertStyle.DEFAULT);

        assertThat(fake.bodies()).extracting(b -> b.path("disable_notification").asBoolean(false))
                .containsExactly(true, true, false);
        assertThat(fake.bodies().get(0).path("reply_parameters").path("message_id").asInt()).isEqualTo(77);
    }
}
