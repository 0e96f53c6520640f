package newsalert.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pre-filtered capital scan in {@link CapitalScan} finds exactly what {@link Matcher#find()}
 * finds for both name patterns, and the expected runs.
 */
class SpeakerCapitalScanTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Foreign Minister Sergei Lavrov told reporters in Moscow. | Foreign Minister Sergei Lavrov | Foreign;Minister;Sergei;Lavrov;Moscow
            Mr. John O'Neill-Smith and Gen. Mark Milley met U.S. Army staff | Mr. John O'Neill-Smith;Gen. Mark Milley;U.S. Army | Mr;John;O'Neill-Smith;Gen;Mark;Milley;Army
            Ursula von der Leyen met Ali al Sadr and Jan van Berg | Ali al Sadr;Jan van Berg | Ursula;Leyen;Ali;Sadr;Jan;Berg
            The army said 3 people died; aBc X_Yz 9Abc A, B. Ok | B. Ok | The;Ok
            Émile Zola and Łukasz Żuk spoke with Ömer Çelik’s aide | Émile Zola;Łukasz Żuk;Ömer Çelik’s | Émile;Zola;Łukasz;Żuk;Ömer;Çelik’s
            President Gustavo Petro's visa; J. R. Smith said | President Gustavo Petro's;J. R. Smith | President;Gustavo;Petro's;Smith
            """)
    void findsWhatFindFinds(String text, String runs, String words) {
        assertThat(scan(CapitalScan.CAPITAL_RUN, text, true)).isEqualTo(plain(CapitalScan.CAPITAL_RUN, text))
                .isEqualTo(split(runs));
        assertThat(scan(CapitalScan.CAPITAL_WORD, text, false)).isEqualTo(plain(CapitalScan.CAPITAL_WORD, text))
                .isEqualTo(split(words));
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(";"));
    }

    private static List<String> plain(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<String> scan(Pattern p, String text, boolean run) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = 0; CapitalScan.findAtCapital(m, text, at, run); at = m.end()) {
            out.add(m.group());
        }
        return out;
    }
}
