package newsalert.command;

import static newsalert.command.CommandFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Loudness;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: timezone, quiet-hours, pictures, quiet-below, mention and mention-at, set by moderators only. */
class AlertSettingsCommandsTest {
    private static final Target CHANNEL = new Target(Platform.DISCORD, "810000000000000001", "820000000000000001");

    @TempDir
    Path dir;
    CommandFixture f;

    @BeforeEach
    void open() {
        f = new CommandFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private ChatSettings chat() {
        return f.news.subscriptions().chatSettings(Platform.TELEGRAM, GROUP.chatId());
    }

    @Test
    void timezoneTakesAnIanaNameInAnyCaseAndShowsTheTimeThere() {
        assertThat(f.admin("timezone europe/kyiv")).isEqualTo(Reply.of(
                "Times in this chat are now shown in Europe/Kyiv (now 2025-08-28 18:00 UTC+3)."));
        assertThat(chat().zone()).isEqualTo(ZoneId.of("Europe/Kyiv"));
        assertThat(f.admin("timezone Asia/Kolkata").text()).endsWith("(now 2025-08-28 20:30 UTC+5:30).");
        assertThat(f.admin("timezone UTC+3").text()).isEqualTo(
                "Times in this chat are now shown in UTC+3 (now 2025-08-28 18:00 UTC+3).");
        assertThat(f.admin("timezone utc").text()).isEqualTo(
                "Times in this chat are now shown in UTC (now 2025-08-28 15:00 UTC).");
        assertThat(chat().zone()).isEqualTo(ZoneOffset.UTC);
    }

    /** tester18: a zone or hours written with spaces got "Give one value, without spaces". */
    @Test
    void aZoneWithASpaceAndHoursWithSpacesAroundTheDashAreTaken() {
        assertThat(f.admin("timezone America/New York")).isEqualTo(Reply.of(
                "Times in this chat are now shown in America/New_York (now 2025-08-28 11:00 UTC-4)."));
        assertThat(chat().zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(f.admin("timezone america / buenos aires").text()).startsWith(
                "Times in this chat are now shown in America/Buenos_Aires (now 2025-08-28 12:00 UTC-3).");
        assertThat(f.admin("timezone UTC + 5:30").text()).startsWith("Times in this chat are now shown in UTC+5:30");
        assertThat(f.admin("quiet-hours 23:00 - 07:00").text()).startsWith("Quiet hours are 23:00-07:00 UTC+5:30:");
        assertThat(chat().quietHours()).hasToString("23:00-07:00");
        assertThat(f.admin("quiet-hours 22:00 -06:30").text()).startsWith("Quiet hours are 22:00-06:30");
        assertThat(f.admin("quiet-hours 23:00 07:00")).isEqualTo(Reply.ephemeral("Quiet hours are two different"
                + " times of day, like 23:00-07:00, or off.\nUsage: quiet-hours <HH:MM-HH:MM|off>"));
        assertThat(f.admin("pictures off now").text()).startsWith("Give one value, without spaces.");
    }

    @Test
    void dashesAndMinusSignsAsPhonesTypeThemAreTaken() {
        assertThat(f.admin("timezone UTC\u22123").text()).startsWith("Times in this chat are now shown in UTC-3");
        assertThat(f.admin("quiet-hours 23:00 \u2013 07:00").text()).startsWith("Quiet hours are 23:00-07:00 UTC-3:");
        assertThat(f.admin("quiet-hours 22:00\u201406:00").text()).startsWith("Quiet hours are 22:00-06:00");
        assertThat(chat().quietHours()).hasToString("22:00-06:00");
    }

    /** tester18c: a non-breaking space (phones, copy-paste) or a zero-width space split nothing or broke a word. */
    @Test
    void nonBreakingAndZeroWidthSpacesCountAsSpacesInEveryCommand() {
        assertThat(f.admin("timezone\u00A0America/New\u202FYork\u00A0").text())
                .startsWith("Times in this chat are now shown in America/New_York");
        assertThat(f.admin("quiet-hours 23:00\u2007\u2013\u00A007:00").text()).startsWith("Quiet hours are 23:00-07:00");
        assertThat(chat().quietHours()).hasToString("23:00-07:00");
        assertThat(f.admin("pictures\u00A0off\u200B").text()).isEqualTo(f.admin("pictures off").text());
        assertThat(CommandRegistry.plain("\u00A0 in:u\u200Ba \u202F\t x\u00A0")).isEqualTo("in:ua x");
    }

    @Test
    void anUnknownZoneGetsTheClosestNamesAndChangesNothing() {
        f.admin("timezone Europe/Kyiv");
        assertThat(f.admin("timezone Europe/Kyv")).isEqualTo(Reply.ephemeral("\"Europe/Kyv\" is not a time zone I"
                + " know. Closest names: Europe/Kyiv, Europe/Kiev, America/Indiana/Knox.\nUsage: timezone <Area/City|UTC>"));
        assertThat(f.admin("timezone Jerusalem").text()).startsWith(
                "\"Jerusalem\" is not a time zone I know. Closest names: Asia/Jerusalem,");
        assertThat(f.admin("timezone")).isEqualTo(Reply.ephemeral("Give one value.\nUsage: timezone <Area/City|UTC>"));
        assertThat(chat().zone()).isEqualTo(ZoneId.of("Europe/Kyiv"));
    }

    @Test
    void onlyModeratorsChangeSettings() {
        f.admin("subscribe");
        for (String line : new String[] {"timezone Europe/Kyiv", "quiet-hours 23:00-07:00", "pictures off",
                "quiet-below 50"}) {
            String name = line.split(" ")[0];
            assertThat(f.member(line)).isEqualTo(Reply.ephemeral("Only chat admins can change " + name + " here."));
        }
        assertThat(chat()).isEqualTo(ChatSettings.defaults(Platform.TELEGRAM, GROUP.chatId()));
        assertThat(f.news.subscriptions().loudness(GROUP)).contains(Loudness.DEFAULT);
    }

    @Test
    void quietHoursAndPicturesArePerChat() {
        f.admin("timezone Europe/Kyiv");
        assertThat(f.admin("quiet-hours 23:00-7:00")).isEqualTo(Reply.of("Quiet hours are 23:00-07:00 Europe/Kyiv:"
                + " alerts then arrive silently unless their severity is 90 or more."));
        assertThat(chat().quietHours()).hasToString("23:00-07:00");
        assertThat(f.admin("quiet-hours 23:00-23:00")).isEqualTo(Reply.ephemeral("Quiet hours are two different"
                + " times of day, like 23:00-07:00, or off.\nUsage: quiet-hours <HH:MM-HH:MM|off>"));
        assertThat(f.admin("quiet-hours 25:00-07:00").ephemeral()).isTrue();
        assertThat(f.admin("pictures off")).isEqualTo(Reply.of("Alerts here come without pictures."));
        assertThat(f.admin("pictures maybe")).isEqualTo(Reply.ephemeral("Say on or off.\nUsage: pictures on|off"));
        assertThat(chat().pictures()).isFalse();
        assertThat(f.admin("quiet-hours off")).isEqualTo(Reply.of("Quiet hours are off: alerts notify at any time."));
        assertThat(chat()).isEqualTo(new ChatSettings(Platform.TELEGRAM, GROUP.chatId(), ZoneId.of("Europe/Kyiv"),
                null, false));
    }

    @Test
    void quietBelowNeedsASubscriptionAndIsPerTarget() {
        assertThat(f.admin("quiet-below 50")).isEqualTo(Reply.ephemeral(SettingCommand.NOT_SUBSCRIBED));
        f.admin("subscribe");
        assertThat(f.admin("quiet-below 50"))
                .isEqualTo(Reply.of("Alerts here with severity below 50 now arrive silently."));
        assertThat(f.admin("quiet-below 101")).isEqualTo(Reply.ephemeral(
                "The severity is a number from 0 to 100, or off.\nUsage: quiet-below <severity|off>"));
        assertThat(f.news.subscriptions().loudness(GROUP)).contains(new Loudness(50, null, 80));
        assertThat(f.admin("/quiet_below off")).isEqualTo(Reply.of("Every alert here notifies again."));
        assertThat(f.news.subscriptions().loudness(GROUP)).contains(Loudness.DEFAULT);
    }

    @Test
    void mentionIsForDiscordRolesOrHereOnly() {
        f.admin("subscribe");
        assertThat(f.admin("mention @here"))
                .isEqualTo(Reply.ephemeral("mention works on Discord only: Telegram has no roles to ping."));
        f.in(CHANNEL, "subscribe");
        assertThat(f.in(CHANNEL, "mention <@&830000000000000001>")).isEqualTo(Reply.of(
                "Alerts here with severity 80 or more will ping <@&830000000000000001>."));
        assertThat(f.in(CHANNEL, "mention-at 70")).isEqualTo(Reply.of(
                "Alerts here with severity 70 or more ping <@&830000000000000001>."));
        assertThat(f.in(CHANNEL, "mention <@123>")).isEqualTo(Reply.ephemeral("Pick a role after typing @ (it"
                + " becomes <@&…>), or say @here or off.\nUsage: mention <@role|@here|off>"));
        assertThat(f.in(CHANNEL, "mention @everyone").ephemeral()).isTrue();
        assertThat(f.news.subscriptions().loudness(CHANNEL))
                .contains(new Loudness(0, "<@&830000000000000001>", 70));
        assertThat(f.in(CHANNEL, "subscriptions").text()).contains(
                "\nMention: <@&830000000000000001> for severity 70 or more (mention-at 70).\n");
        assertThat(f.in(CHANNEL, "mention off")).isEqualTo(Reply.of("Alerts here ping nobody."));
        assertThat(f.news.subscriptions().loudness(CHANNEL)).contains(new Loudness(0, null, 70));
    }

    /** tester18d: "mention @Here" was refused while other keywords take any case. */
    @Test
    void hereIsTakenInAnyCase() {
        f.in(CHANNEL, "subscribe");
        assertThat(f.in(CHANNEL, "mention @Here")).isEqualTo(Reply.of(
                "Alerts here with severity 80 or more will ping @here."));
        assertThat(f.news.subscriptions().loudness(CHANNEL)).contains(new Loudness(0, "@here", 80));
        assertThat(f.in(CHANNEL, "mention @HERE").text()).endsWith("will ping @here.");
        assertThat(Loudness.parseMention(" @hErE ")).contains("@here");
        assertThat(Loudness.parseMention("@heree")).isEmpty();
    }

    /**
     * tester18d: quiet-below above mention-at silently mutes the mention for the alerts in between (silent alerts ping
     * nobody); each of the three commands says so when it makes or keeps that state.
     */
    @Test
    void quietBelowAboveMentionAtIsWarnedAbout() {
        f.in(CHANNEL, "subscribe");
        f.in(CHANNEL, "mention-at 50");
        assertThat(f.in(CHANNEL, "quiet-below 90")).isEqualTo(Reply.of("Alerts here with severity below 90 now"
                + " arrive silently.")); // no mention yet: nothing is muted
        assertThat(f.in(CHANNEL, "mention @here")).isEqualTo(Reply.of("Alerts here with severity 50 or more will ping"
                + " @here. Note: quiet-below is 90, above mention-at 50, so alerts with severity 50 to 89 arrive"
                + " silently and ping nobody; the mention sounds only from severity 90. To ping from 50, set"
                + " quiet-below 50 or lower."));
        assertThat(f.in(CHANNEL, "mention-at 89").text()).isEqualTo("Alerts here with severity 89 or more ping @here."
                + " Note: quiet-below is 90, above mention-at 89, so alerts with severity 89 arrive silently and ping"
                + " nobody; the mention sounds only from severity 90. To ping from 89, set quiet-below 89 or lower.");
        assertThat(f.in(CHANNEL, "mention-at 90").text()).isEqualTo("Alerts here with severity 90 or more ping @here.");
        assertThat(f.in(CHANNEL, "quiet-below 95").text()).isEqualTo("Alerts here with severity below 95 now arrive"
                + " silently. Note: quiet-below is 95, above mention-at 90, so alerts with severity 90 to 94 arrive"
                + " silently and ping nobody; the mention sounds only from severity 95. To ping from 90, set"
                + " quiet-below 90 or lower.");
        assertThat(f.in(CHANNEL, "quiet-below 90").text()).isEqualTo("Alerts here with severity below 90 now arrive"
                + " silently.");
        // Telegram has no mentions: nothing to warn about
        f.admin("subscribe");
        f.admin("quiet-below 95");
        assertThat(f.admin("quiet-below 95").text()).isEqualTo("Alerts here with severity below 95 now arrive silently.");
    }

    @Test
    void subscriptionsShowsEverySetting() {
        f.admin("subscribe attack 50");
        f.admin("timezone Europe/Kyiv");
        f.admin("quiet-hours 23:00-07:00");
        f.admin("pictures off");
        f.admin("quiet-below 60");
        assertThat(f.member("subscriptions").text()).isEqualTo("""
                This chat receives attack alerts with severity 50 or more.
                Keyword rules: none.
                Quiet below: alerts with severity below 60 arrive silently.
                Time zone: Europe/Kyiv (now 2025-08-28 18:00 UTC+3).
                Quiet hours: 23:00-07:00, silent unless severity 90 or more.
                Pictures: off.
                Daily brief: off.""");
    }

    @Test
    void storyShowsItsTimeInTheChatsZone() {
        f.story("s1", "Strike on the port", CommandFixture.strike(), true, 30, GROUP);
        assertThat(f.member("story s1").text()).contains("Source: Test Wire, published 2025-08-28 15:30 UTC\n");
        f.admin("timezone America/New_York");
        assertThat(f.member("story s1").text()).contains("Source: Test Wire, published 2025-08-28 11:30 UTC-4\n");
    }
}
