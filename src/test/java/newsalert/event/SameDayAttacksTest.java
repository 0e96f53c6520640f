package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two attacks in one city within hours (issue 15, pattern 8): a roadside bomb on an army convoy in Hama and,
 * under an hour later, an air strike on a market there are two happenings, told apart by what was hit, with
 * what and by whom; two outlets telling one attack in other words stay one event. Stories are read by the
 * real {@link Assessor}, as {@code scan} does. Invented stories.
 */
class SameDayAttacksTest {
    /** Wednesday 4 March 2026, 00:00 UTC. */
    private static final Instant WEDNESDAY = Instant.parse("2026-03-04T00:00:00Z");
    private static final Assessor ASSESSOR = Assessor.create(AnalysisSettings.defaults());

    private static Story story(String id, String source, double hours, String title, String body) {
        return new Story(id, source, title, "https://t.test/" + id, WEDNESDAY.plusSeconds((long) (hours * 3600)),
                body);
    }

    private static final Story CONVOY = story("c1", "Levant Wire", 9,
            "One soldier killed in bomb attack on army convoy in Hama",
            "HAMA — One soldier was killed and two were wounded when a roadside bomb hit an army convoy on the"
                    + " outskirts of Hama on Wednesday, the army said.");

    /** A second story after the convoy attack: a new happening, or the same one in other words. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            air strike on a market 50 min later, same outlet | Levant Wire  | 9.8  | Warplanes strike busy market in Hama, killing 12 | At least 12 people were killed on Wednesday when warplanes struck a crowded market in Hama, rescuers said. | false
            air strike on a market, other outlet             | Orient Daily | 10.5 | Twelve dead as jets hit Hama market | Jets bombed a busy vegetable market in Hama on Wednesday, killing 12 people, residents said. | false
            gunmen at a checkpoint two hours later           | Orient Daily | 11   | Gunmen kill two at checkpoint near Hama | Gunmen killed two soldiers at a checkpoint outside Hama on Wednesday, the army said. | false
            same convoy attack, other outlet                 | Orient Daily | 9.6  | Roadside bomb strikes military convoy near Hama, soldier dead | A soldier was killed and two others injured when an improvised explosive device struck a military convoy near Hama, the army said on Wednesday. | true
            same convoy attack, no target or means named     | Orient Daily | 10   | Army says soldier killed near Hama | The army said one soldier was killed and two were wounded near Hama on Wednesday. | true
            """)
    void keepsApartOrJoins(String name, String source, double hours, String title, String body, boolean together) {
        EventGrouper g = new EventGrouper();
        EventId first = g.add(CONVOY, ASSESSOR.assess(CONVOY));
        Story second = story("x", source, hours, title, body);
        EventId other = g.add(second, ASSESSOR.assess(second));
        assertThat(other.equals(first)).as(name).isEqualTo(together);
    }

    @Test
    void explainSaysWhichCueDiffered() {
        EventGrouper g = new EventGrouper(EventSettings.defaults(), true);
        g.add(CONVOY, ASSESSOR.assess(CONVOY));
        Story market = story("m1", "Levant Wire", 9.8, "Warplanes strike busy market in Hama, killing 12",
                "At least 12 people were killed on Wednesday when warplanes struck a crowded market in Hama,"
                        + " rescuers said.");
        g.add(market, ASSESSOR.assess(market));
        Event e = g.event(g.eventOf("m1").orElseThrow()).orElseThrow();
        List<JoinExplanation> xs = g.explanations(e);
        assertThat(xs).hasSize(1);
        assertThat(xs.get(0).decision()).isEqualTo(JoinExplanation.Decision.STARTED);
        assertThat(xs.get(0).reason()).contains("refused: target differs (market vs convoy)");
    }

    @Test
    void aTollUpdateNamingAnotherTargetStaysOut() {
        EventGrouper g = new EventGrouper();
        EventId convoy = g.add(CONVOY, ASSESSOR.assess(CONVOY));
        Story update = story("u1", "Orient Daily", 14, "Death toll from Hama market strike rises to 15",
                "The death toll from Wednesday's air strike on a market in Hama rose to 15, rescuers said.");
        assertThat(g.add(update, ASSESSOR.assess(update))).isNotEqualTo(convoy);
    }

    @Test
    void anotherAttackerWithinTheHourIsAnotherHappening() {
        EventGrouper g = new EventGrouper();
        Story russian = story("a1", "Levant Wire", 6, "Russian air strikes on Hama countryside kill five",
                "Russian air strikes hit villages in the Hama countryside on Wednesday, killing five people,"
                        + " rescuers said.");
        Story turkish = story("a2", "Orient Daily", 6.7, "Turkish drone strikes on Hama countryside kill three",
                "Turkish drone strikes hit villages in the Hama countryside on Wednesday, killing three fighters,"
                        + " a war monitor said.");
        Story russianAgain = story("a3", "Orient Daily", 6.9, "Five dead as Russian jets bomb Hama villages",
                "Russian warplanes bombed villages in the Hama countryside on Wednesday, killing five people,"
                        + " rescuers said.");
        EventId first = g.add(russian, ASSESSOR.assess(russian));
        assertThat(g.add(turkish, ASSESSOR.assess(turkish))).isNotEqualTo(first);
        assertThat(g.add(russianAgain, ASSESSOR.assess(russianAgain))).isEqualTo(first);
    }
}
