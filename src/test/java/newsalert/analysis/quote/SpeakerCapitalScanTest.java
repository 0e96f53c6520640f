package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
        for (long hit = CapitalScan.find(m, text, 0, run); hit >= 0; hit = CapitalScan.find(m, text, (int) hit, run)) {
            out.add(text.substring((int) (hit >>> 32), (int) hit));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `Gen. Mark Milley said`               | 16 | 3
            `U.S. Army Secretary Dan Driscoll`    | 32 | -1
            `Foreign Minister Sergei Lavrov.`     | 30 | 7
            `Jan van Berg`                        | 12 | 3
            `Ursula von der Leyen`                | -1 | 6
            `A B C D E F G Hh`                    | -1 | -1
            `A B C D E F Gg Hh`                   | 14 | -1
            `Zelensky said`                       | -1 | 8
            `O'Neill-Smith, who`                  | -1 | 13
            `Petro’s visa`                        | -2 | -2
            `Mr. Ömer Çelik`                      | -2 | 2
            """)
    void asciiScansGiveTheMatchEndOrDeferToTheRegex(String text, int runEnd, int wordEnd) {
        assertThat(CapitalScan.asciiRun(text, 0)).isEqualTo(runEnd);
        assertThat(CapitalScan.asciiWord(text, 0)).isEqualTo(wordEnd);
    }

    /** Every paragraph of the labelled sets: the hand-written scans find exactly what the regexes find. */
    @Test
    void findsWhatFindFindsOnTheLabelledSets() throws IOException {
        ObjectMapper json = new ObjectMapper();
        int paragraphs = 0;
        for (String file : List.of("dev.jsonl", "holdout.jsonl")) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/eval", file))) {
                if (line.isBlank()) {
                    continue;
                }
                String body = json.readTree(line).path("body").asText("");
                for (String p : QuoteText.paragraphs(body.strip())) {
                    String text = QuoteText.normalizeSpaces(p);
                    assertThat(scan(CapitalScan.CAPITAL_RUN, text, true)).isEqualTo(plain(CapitalScan.CAPITAL_RUN, text));
                    assertThat(scan(CapitalScan.CAPITAL_WORD, text, false)).isEqualTo(plain(CapitalScan.CAPITAL_WORD, text));
                    paragraphs++;
                }
            }
        }
        assertThat(paragraphs).isGreaterThan(900);
    }
}
