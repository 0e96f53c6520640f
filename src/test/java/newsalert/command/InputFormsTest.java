package newsalert.command;

import static newsalert.command.CommandFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, tester18b's input forms (brief18b): place names in other scripts, fullwidth letters and digits, and zone
 * abbreviations (EST, CET, PST) get an answer that works or says what to type, never a library's exception text.
 */
class InputFormsTest {
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

    private java.util.List<String> places() {
        return f.news.subscriptions().subscription(GROUP).orElseThrow().places();
    }

    @Test
    void countryNamesInOtherScriptsAreFollowed() {
        assertThat(f.admin("subscribe in:україна")).isEqualTo(Reply.of("Subscribed. This chat now receives attack"
                + " and diplomacy alerts with severity 40 or more in Ukraine."));
        assertThat(places()).containsExactly("UA");
        assertThat(f.admin("subscribe in:Україна,Украина,Ελλάδα,إسرائيل").text()).isEqualTo("Subscribed. This chat"
                + " now receives attack and diplomacy alerts with severity 40 or more in Ukraine, Greece, Israel.");
        assertThat(places()).containsExactly("UA", "GR", "IL");
    }

    @Test
    void aCityInAnotherScriptIsAnsweredWithTheEnglishNameToUseAndSavesNothing() {
        f.admin("subscribe in:ukraine");
        String expected = " I know country names in many scripts, but cities, regions and provinces only by their"
                + " English names: write it in English, like in:kyiv, in:ukraine or in:middle-east.";
        assertThat(f.admin("subscribe in:Київ")).isEqualTo(Reply.ephemeral("I don't know the place \"Київ\"."
                + expected));
        assertThat(f.admin("subscribe attack in:القدس")).isEqualTo(Reply.ephemeral("I don't know the place"
                + " \"القدس\"." + expected));
        assertThat(places()).containsExactly("UA");
    }

    @Test
    void anUnknownPlaceIsQuotedBackWithoutBidiControlsThatWouldReorderTheReply() {
        // tester18e: a right-to-left override in the typed name turned the rest of the reply around
        String reply = f.admin("subscribe in:xyz\u202Eabc\u200F").text();
        assertThat(reply).startsWith("I don't know the place \"xyzabc\". Closest names: ");
        assertThat(reply).doesNotContain("\u202E").doesNotContain("\u200F");
        assertThat(Render.echo("\u2067Kyiv\u2069")).isEqualTo("Kyiv");
        assertThat(Render.echo("\u202E")).isEqualTo("(untitled)");
    }

    @Test
    void fullwidthLettersDigitsAndColonsReadAsPlainOnes() {
        assertThat(f.admin("subscribe ａｔｔａｃｋ ５０ ｉｎ：Ｋｙｉｖ")).isEqualTo(Reply.of("Subscribed. This chat now"
                + " receives attack alerts with severity 50 or more in Ukraine. (Kyiv is followed as Ukraine)"));
        assertThat(places()).containsExactly("UA");
        assertThat(f.admin("quiet-hours ２３：００－０７：００").text()).startsWith("Quiet hours are 23:00-07:00 UTC:");
        assertThat(chat().quietHours()).hasToString("23:00-07:00");
        assertThat(f.admin("timezone Ｅｕｒｏｐｅ／Ｋｙｉｖ").text())
                .startsWith("Times in this chat are now shown in Europe/Kyiv");
        assertThat(f.admin("brief daily ０８：３０").text()).startsWith("A daily brief comes at 08:30 Europe/Kyiv");
        assertThat(chat().brief()).isEqualTo(LocalTime.of(8, 30));
        assertThat(f.admin("quiet-below ６０").text()).doesNotContain("Usage");
    }

    @Test
    void regionalZonesTheJdkKnowsAreTakenAndAbbreviationsGetTheZoneToUse() {
        assertThat(f.admin("timezone CET").text()).startsWith("Times in this chat are now shown in CET (now 2025-08-28"
                + " 17:00 UTC+2)");
        assertThat(chat().zone()).isEqualTo(ZoneId.of("CET"));
        assertThat(f.admin("timezone eet").text()).startsWith("Times in this chat are now shown in EET");
        assertThat(f.admin("timezone EST")).isEqualTo(Reply.ephemeral("\"EST\" is an abbreviation, not a time zone:"
                + " it does not say whether summer time applies, and some name several places. Use a city's zone,"
                + " like: timezone America/New_York, or a fixed offset, like: timezone UTC-5."));
        assertThat(f.admin("timezone pst").text()).contains("like: timezone America/Los_Angeles,");
        assertThat(f.admin("timezone CST").text()).contains("like: timezone America/Chicago (or Asia/Shanghai,"
                + " whichever place you mean),");
        assertThat(f.admin("timezone IST").text()).contains("timezone Asia/Kolkata (or Europe/Dublin, Asia/Jerusalem");
        assertThat(f.admin("timezone ＥＳＴ").text()).contains("America/New_York");
        assertThat(chat().zone()).isEqualTo(ZoneId.of("EET"));
        for (String typed : new String[] {"EST", "PST", "CST", "IST", "MSK", "AEST", "BST", "HST", "XYZ", "Foo/Bar"}) {
            assertThat(f.admin("timezone " + typed).text()).doesNotContain("Exception").doesNotContain("Unknown time-zone");
        }
    }
}
