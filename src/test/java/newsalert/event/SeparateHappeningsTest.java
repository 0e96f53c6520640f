package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Happenings that share a city, an outlet and a day but are not one event (tester's report on issue 6):
 * a second attack hours later told apart by its weapon, its lower toll or by coming from the same outlet
 * without update wording, and a round-up story that must not pull a strike on another city into the event.
 * Stories are read by the real {@link Assessor}, as {@code scan} does.
 */
class SeparateHappeningsTest {
    /** Tuesday 3 March 2026, 00:00 UTC. */
    private static final Instant TUESDAY = Instant.parse("2026-03-03T00:00:00Z");
    private static final Assessor ASSESSOR = Assessor.create(AnalysisSettings.defaults());

    private static Story story(String id, String source, double hours, String title, String body) {
        return new Story(id, source, title, "https://t.test/" + id, TUESDAY.plusSeconds((long) (hours * 3600)), body);
    }

    private static EventId add(EventGrouper g, Story s) {
        return g.add(s, ASSESSOR.assess(s));
    }

    private static final Story DRONE_TUESDAY = story("k1", "Alpha", 2,
            "Russian drone attack on Kharkiv kills 4",
            "KHARKIV — A Russian drone attack on Kharkiv overnight killed 4 people and injured 15, mayor Ihor"
                    + " Terekhov said.");
    private static final Story DRONE_TUESDAY_BRAVO = story("k1b", "Bravo", 3.2,
            "Four killed as Russian drones strike Kharkiv",
            "Russian drones slammed into residential buildings in Kharkiv overnight, killing four people and"
                    + " wounding 15, Mayor Ihor Terekhov said on Telegram.");
    private static final Story GLIDE_BOMB = story("k3", "Alpha", 17,
            "Russian glide bomb strike on Kharkiv kills 6",
            "A Russian glide bomb hit a shopping centre in Kharkiv on Tuesday afternoon, killing 6 people and"
                    + " injuring 20, mayor Ihor Terekhov said.");
    private static final Story DRONE_WEDNESDAY = story("k2", "Alpha", 26.5,
            "Russian drone attack on Kharkiv kills 3",
            "KHARKIV — A Russian drone attack on Kharkiv overnight killed 3 people and injured 9, mayor Ihor"
                    + " Terekhov said.");
    private static final Story DRONE_WEDNESDAY_BRAVO = story("k2b", "Bravo", 27.3,
            "Three killed as Russian drones strike Kharkiv again",
            "Russian drones struck homes in Kharkiv overnight, killing three people and wounding nine, Mayor"
                    + " Ihor Terekhov said on Telegram.");

    @Test
    void threeAttacksOnOneCityFromTwoOutletsMakeThreeEvents() {
        EventGrouper g = new EventGrouper();
        List<Story> stories = List.of(DRONE_TUESDAY, DRONE_TUESDAY_BRAVO, GLIDE_BOMB, DRONE_WEDNESDAY,
                DRONE_WEDNESDAY_BRAVO);
        stories.forEach(s -> add(g, s));
        Map<EventId, List<String>> byEvent = stories.stream().collect(Collectors.groupingBy(
                s -> g.eventOf(s.id()).orElseThrow(), Collectors.mapping(Story::id, Collectors.toList())));
        assertThat(byEvent.values()).containsExactlyInAnyOrder(List.of("k1", "k1b"), List.of("k3"),
                List.of("k2", "k2b"));
    }

    /** A second story after the Tuesday drone attack: a new happening, or a report of the same one. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            glide bomb the same afternoon, other outlet     | Bravo   | 17   | Russian glide bomb strike on Kharkiv kills 6 | A Russian glide bomb hit a shopping centre in Kharkiv on Tuesday afternoon, killing 6 people, mayor Ihor Terekhov said. | false
            glide bomb the same afternoon, same outlet      | Alpha   | 17   | Russian glide bomb strike on Kharkiv kills 6 | A Russian glide bomb hit a shopping centre in Kharkiv on Tuesday afternoon, killing 6 people, mayor Ihor Terekhov said. | false
            next night's drone attack, lower toll           | Bravo   | 24.5 | Russian drone attack on Kharkiv kills 3 | A Russian drone attack on Kharkiv overnight killed 3 people and injured 9, mayor Ihor Terekhov said. | false
            same outlet, hours later, no update wording     | Alpha   | 14   | Russian drone attack on Kharkiv kills 4 | A Russian drone attack on Kharkiv killed 4 people and injured 11, mayor Ihor Terekhov said. | false
            toll update hours later, other outlet           | Bravo   | 11   | Kharkiv drone attack death toll rises to 7 | The death toll from the Russian drone attack on Kharkiv rose to 7 after rescuers recovered three more bodies, mayor Ihor Terekhov said. | true
            toll update hours later, same outlet            | Alpha   | 11   | Death toll from Kharkiv drone attack climbs to 6 | The number of people killed in the Russian drone attack on Kharkiv has risen to 6, mayor Ihor Terekhov said. | true
            same toll the next morning, other outlet        | Charlie | 9    | Kharkiv drone attack kills four, injures 15 | Four people were killed and 15 injured when Russian drones hit Kharkiv overnight, Terekhov said. | true
            same outlet, hours later, a piece with no toll  | Alpha   | 12   | Rescuers finish search of Kharkiv blocks hit by Russian drones | Rescuers finished searching the apartment blocks in Kharkiv hit by the Russian drone attack overnight, mayor Ihor Terekhov said. | true
            another outlet within the hour                  | Charlie | 2.5  | Drones hit Kharkiv homes, four dead | Russian drones hit homes in Kharkiv overnight, killing four people, mayor Ihor Terekhov said. | true
            """)
    void joinsOrKeepsApart(String name, String source, double hours, String title, String body, boolean together) {
        EventGrouper g = new EventGrouper();
        EventId first = add(g, DRONE_TUESDAY);
        EventId second = add(g, story("x", source, hours, title, body));
        assertThat(second.equals(first)).as(name).isEqualTo(together);
    }

    private static final Story ROUND_UP = story("r1", "Charlie", 3.5,
            "Overnight Russian strikes hit Kharkiv and Odesa",
            "Russian drones and missiles struck Kharkiv and Odesa overnight, killing at least seven people in"
                    + " the two cities, Ukrainian officials said.");
    private static final Story ODESA = story("o1", "Delta", 4,
            "Russian missile attack on Odesa kills 3",
            "ODESA — A Russian missile attack on Odesa overnight killed 3 people and damaged port buildings,"
                    + " governor Oleh Kiper said.");

    /** Round-up first or after the Kharkiv reports: the Odesa strike stays an event of its own. */
    @ParameterizedTest(name = "round-up offered {0}")
    @CsvSource({"first", "between", "last"})
    void aRoundUpDoesNotPullAnotherCityIntoTheEvent(String where) {
        EventGrouper g = new EventGrouper();
        List<Story> order = switch (where) {
            case "first" -> List.of(ROUND_UP, DRONE_TUESDAY, DRONE_TUESDAY_BRAVO, ODESA);
            case "between" -> List.of(DRONE_TUESDAY, DRONE_TUESDAY_BRAVO, ROUND_UP, ODESA);
            default -> List.of(DRONE_TUESDAY, DRONE_TUESDAY_BRAVO, ODESA, ROUND_UP);
        };
        order.forEach(s -> add(g, s));
        EventId kharkiv = g.eventOf("k1").orElseThrow();
        assertThat(g.eventOf("k1b")).contains(kharkiv);
        assertThat(g.eventOf("o1").orElseThrow()).isNotEqualTo(kharkiv);
    }
}
