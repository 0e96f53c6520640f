package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.story.Story;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Follow-ups that say little besides the toll or leave the place out still join their strike; a strike on
 * another city the same night does not. Real analysis, so the topics and counts are what a feed would get.
 */
class FollowUpTest {
    private static final Assessor ASSESSOR = Assessor.create(AnalysisSettings.defaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            US headline in title case, place only in title | US Daily | 04:00 | Russian Drones Kill Three In Strike On Kharkiv Apartment Building | Three people were killed when Russian drones struck a residential building in Ukraine's second-largest city overnight, the mayor said. | true
            terse toll update without a topic               | Wire C   | 09:00 | Kharkiv death toll rises to four | The toll rose to four after a woman died in hospital, officials said. | true
            mourning story naming the mayor, not the city   | Wire D   | 10:00 | Ukraine's second city mourns after night attack | Residents laid flowers outside the damaged block where four people died in a Russian drone attack, Terekhov said. | true
            another city the same night                     | Wire A   | 03:00 | Russian drones hit Odesa port overnight | ODESA — Russian drones struck the port of Odesa overnight, injuring two workers, governor Oleh Kiper said. | false
            """)
    void joinsTheStrike(String name, String source, String hhmm, String title, String lead, boolean joins) {
        EventGrouper g = new EventGrouper();
        Story strike = new Story("a1", "Wire A", "Russian drones hit Kharkiv apartment block, three killed", null,
                Instant.parse("2026-04-01T02:00:00Z"), "KHARKIV — Russian drones struck an apartment block in Kharkiv"
                + " early on Wednesday, killing three people, Mayor Ihor Terekhov said.");
        EventId id = g.add(strike, ASSESSOR.assess(strike));
        Story next = new Story("a2", source, title, null, Instant.parse("2026-04-01T" + hhmm + ":00Z"), lead);
        assertThat(g.add(next, ASSESSOR.assess(next)).equals(id)).as(name).isEqualTo(joins);
    }
}
