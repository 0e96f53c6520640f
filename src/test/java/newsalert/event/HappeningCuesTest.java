package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HappeningCuesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            One soldier killed as roadside bomb hits army convoy near Hama      | convoy       | planted-bomb | -
            Syrian warplanes strike crowded market in Hama, 12 dead             | market       | from-afar    | syrian
            Russian air strikes hit apartments in Kharkiv                        | residential  | from-afar    | russian
            Car bomb kills six near ministry in Kabul                            | -            | planted-bomb | -
            Israeli drone hits car in Gaza City, two killed                      | vehicle      | from-afar    | israeli
            Toll rises to seven after two injured residents died in hospital     | -            | -            | -
            Gunmen open fire on wedding party in Zamfara                         | crowd        | gunfire      | -
            Militants storm army camp near Bamako                                | camp base    | -            | -
            Shelling hits Kherson power plant and a school                       | energy school| from-afar    | -
            Blast in Aden, cause unknown                                         | -            | -            | -
            """)
    void readsTargetsMeansAndAttackers(String text, String targets, String means, String attackers) {
        HappeningCues cues = HappeningCues.of(StoryFeatures.words(text));
        assertThat(cues.targets()).as("targets").isEqualTo(set(targets));
        assertThat(cues.means()).as("means").isEqualTo(set(means));
        assertThat(cues.attackers()).as("attackers").isEqualTo(set(attackers));
    }

    private static Set<String> set(String words) {
        return words.strip().equals("-") ? Set.of()
                : Arrays.stream(words.strip().split(" +")).collect(Collectors.toSet());
    }
}
