package newsalert.command;

import static newsalert.command.CommandFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 (tester18c): digits were read four ways — {@code subscribe ٥٠} was 50 while {@code quiet-below ٥} was
 * refused. Now every numeric argument of every command reads every script's decimal digits ({@link Digits}).
 */
class DigitsTest {
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
    void everyScriptsDecimalDigitsReadAsTheirValueAndNothingElseChanges() {
        assertThat(Digits.ascii("٥٠")).isEqualTo("50");            // Arabic-Indic
        assertThat(Digits.ascii("۲۳:۰۰")).isEqualTo("23:00");      // Persian
        assertThat(Digits.ascii("१५m")).isEqualTo("15m");          // Devanagari, with a unit
        assertThat(Digits.ascii("২")).isEqualTo("2");              // Bengali
        assertThat(Digits.ascii("\uD835\uDFD3")).isEqualTo("5");    // mathematical bold 5, outside the BMP
        assertThat(Digits.ascii("ⅻ ½ ²")).isEqualTo("ⅻ ½ ²");     // numerals that are no decimal digits stay
        assertThat(Digits.ascii("abc 12")).isSameAs("abc 12").isEqualTo("abc 12");
        assertThat(Digits.ascii(null)).isNull();
    }

    @Test
    void everyNumericArgumentTakesArabicIndicDigits() {
        assertThat(f.admin("subscribe ٥٠").text()).startsWith("Subscribed.").contains("severity 50 or more");
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().minSeverity()).isEqualTo(50);

        assertThat(f.admin("quiet-below ٦٠").text()).doesNotContain("Usage");
        assertThat(f.news.subscriptions().loudness(GROUP).orElseThrow().quietBelow()).isEqualTo(60);

        assertThat(f.admin("quiet-hours ٢٣:٠٠-٠٧:٠٠").text()).startsWith("Quiet hours are 23:00-07:00 UTC:");
        assertThat(chat().quietHours()).hasToString("23:00-07:00");

        assertThat(f.admin("timezone UTC+٣").text()).startsWith("Times in this chat are now shown in UTC+3 (");
        assertThat(chat().zone()).isEqualTo(ZoneOffset.ofHours(3));

        assertThat(f.admin("brief daily ٠٨:٣٠").text()).startsWith("A daily brief comes at 08:30");
        assertThat(chat().brief()).isEqualTo(LocalTime.of(8, 30));

        assertThat(f.admin("latest ٣").text()).doesNotContain("n is a number");
        assertThat(f.admin("latest ٤٠٠٠").text()).contains("n is a number from 1 to");
    }

    @Test
    void aNumberTooBigIsRefusedTheSameWayInAnyScript() {
        assertThat(f.admin("quiet-below ١٠١").text()).isEqualTo(f.admin("quiet-below 101").text());
        assertThat(f.admin("subscribe ٥٠٠").text()).isEqualTo(f.admin("subscribe 500").text())
                .contains("one number from 0 to 100");
    }

    /** tester18d: {@code timezone UTC+15} was answered with look-alike zone names; an offset out of range names the range. */
    @Test
    void anOffsetOutsideTheWorldsRangeIsAnsweredWithTheRange() {
        String range = "is not an offset in use: UTC offsets run from UTC-12 to UTC+14, like UTC+3 or UTC+5:30; or"
                + " name a city's zone, like Europe/Kyiv.";
        assertThat(f.admin("timezone UTC+15").text()).isEqualTo("\"UTC+15\" " + range);
        assertThat(f.admin("timezone GMT-13").text()).isEqualTo("\"GMT-13\" " + range);
        assertThat(f.admin("timezone +١٨").text()).isEqualTo("\"+١٨\" " + range);
        assertThat(f.admin("timezone UTC+14").text()).startsWith("Times in this chat are now shown in UTC+14 (");
    }
}
