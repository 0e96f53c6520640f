package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportCuesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Death toll from Kharkiv drone attack rises to 7                 | true  | drone
            The number killed in the missile strike has risen to 12         | true  | missile
            Dnipro toll climbs to 11 after Iskander strike                  | true  | missile
            Kharkiv mourns four killed in Shahed attack                     | true  | drone
            Russian glide bomb strike on Kharkiv kills 6                    | false | glide-bomb
            Guided aerial bombs hit Sumy hospital                           | false | glide-bomb
            Drones and missiles pound Kyiv overnight, two dead              | false | drone missile
            Shelling of Kherson market kills three                          | false | artillery
            Car bomb kills nine in Mogadishu                                | false | -
            Prices rose sharply in Kyiv markets                             | false | -
            """)
    void readsFollowUpWordingAndWeapons(String text, boolean followUp, String weapons) {
        ReportCues cues = ReportCues.of(StoryFeatures.words(text));
        Set<String> expected = weapons.equals("-") ? Set.of()
                : Arrays.stream(weapons.split(" ")).collect(Collectors.toSet());
        assertThat(cues.followUp()).as("follow-up").isEqualTo(followUp);
        assertThat(cues.weapons()).isEqualTo(expected);
    }
}
