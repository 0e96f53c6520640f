package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.story.Qualifier;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 fixture: three outlets report one strike with tolls "at least 12", "15" and "rose to 19", next to
 * unrelated stories from the same city. The counts come from the real analysis.
 */
class PoltavaFixtureTest {
    private static final Assessor ASSESSOR = Assessor.create(AnalysisSettings.defaults());

    static Story story(String id, String source, String time, String title, String body) {
        return new Story(id, source, title, "https://fixture.test/" + id, Instant.parse(time), body);
    }

    static final List<Story> STORIES = List.of(
            story("fx-a-1", "Alpha Wire", "2026-03-03T06:00:00Z",
                    "Missile strike on Poltava military institute kills at least 12",
                    "POLTAVA, Ukraine — Two Russian ballistic missiles hit a military training institute in Poltava on"
                            + " Tuesday morning, killing at least 12 people, regional governor Filip Pronin said."),
            story("fx-b-1", "Bravo News", "2026-03-03T08:30:00Z",
                    "Fifteen dead as Russian missiles strike Poltava institute",
                    "Russian ballistic missiles struck a military institute in Poltava, killing 15 people and wounding"
                            + " dozens, Ukrainian officials said on Tuesday."),
            story("fx-a-2", "Alpha Wire", "2026-03-03T10:00:00Z",
                    "Polish and Ukrainian ministers hold energy talks in Poltava",
                    "POLTAVA — Poland's energy minister met Ukrainian counterparts in Poltava on Tuesday for talks on gas"
                            + " storage and power imports, the Ukrainian energy ministry said."),
            story("fx-c-1", "Charlie Post", "2026-03-03T13:00:00Z",
                    "Poltava missile strike death toll rises to 19",
                    "The death toll from Tuesday's Russian missile strike on a military institute in Poltava has risen"
                            + " to 19, governor Filip Pronin said, as rescuers cleared the rubble."),
            story("fx-c-2", "Charlie Post", "2026-03-03T14:00:00Z",
                    "Poltava stages first concert in restored theatre",
                    "The regional theatre in Poltava reopened with a concert of folk music on Tuesday after two years"
                            + " of restoration work, the city council said."),
            story("fx-b-2", "Bravo News", "2026-03-05T19:00:00Z",
                    "Drone hits gas facility in Poltava region, no casualties",
                    "A Russian drone struck a gas processing facility in the Poltava region on Thursday evening,"
                            + " causing a fire but no casualties, governor Filip Pronin said."));

    @Test
    void threeOutletsOneStrikeKilled19WithProvenance() {
        EventGrouper grouper = new EventGrouper();
        STORIES.forEach(s -> grouper.add(s, ASSESSOR.assess(s)));

        EventId strike = grouper.eventOf("fx-a-1").orElseThrow();
        assertThat(grouper.eventOf("fx-b-1")).contains(strike);
        assertThat(grouper.eventOf("fx-c-1")).contains(strike);
        assertThat(strike).isEqualTo(EventId.fromFirstStory("fx-a-1"));
        for (String unrelated : List.of("fx-a-2", "fx-c-2", "fx-b-2")) {
            assertThat(grouper.eventOf(unrelated)).as(unrelated).isPresent().get().isNotEqualTo(strike);
        }
        assertThat(grouper.events()).hasSize(4);

        Event e = grouper.event(strike).orElseThrow();
        assertThat(e.topics()).containsExactly(Topic.ATTACK);
        assertThat(e.outlets()).isEqualTo(3);
        assertThat(e.stories()).extracting(EventStory::id).containsExactly("fx-a-1", "fx-b-1", "fx-c-1");
        FusedCount killed = e.casualties().killed();
        assertThat(killed.count().min()).isEqualTo(19);
        assertThat(killed.count().qualifier()).isEqualTo(Qualifier.EXACT);
        assertThat(killed.sources()).extracting(r -> r.source() + " " + r.count().display() + " " + r.published())
                .containsExactly("Alpha Wire at least 12 2026-03-03T06:00:00Z",
                        "Bravo News 15 2026-03-03T08:30:00Z",
                        "Charlie Post 19 2026-03-03T13:00:00Z");
    }

    @Test
    void eachTollRiseIsReportedAsAKilledChange() {
        EventGrouper grouper = new EventGrouper();
        List<EventUpdate> updates = STORIES.stream().filter(s -> s.id().endsWith("-1"))
                .map(s -> grouper.offer(s, ASSESSOR.assess(s))).toList();
        assertThat(updates.get(0).changes()).containsExactly(EventUpdate.Change.CREATED);
        assertThat(updates.get(1).changes()).contains(EventUpdate.Change.STORY_ADDED, EventUpdate.Change.KILLED,
                EventUpdate.Change.OUTLETS);
        assertThat(updates.get(1).changesAlert()).isTrue();
        assertThat(updates.get(2).before().casualties().killed().count().min()).isEqualTo(15);
        assertThat(updates.get(2).after().casualties().killed().count().min()).isEqualTo(19);
        assertThat(updates.get(2).changes()).contains(EventUpdate.Change.KILLED);
        // 12 → 15 is +25 %, 15 → 19 is +27 %: edits, no follow-up
        assertThat(updates).extracting(EventUpdate::largeKilledRise).containsExactly(false, false, false);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} → {1}: {2}")
    @org.junit.jupiter.params.provider.CsvSource({"12, 18, true", "12, 17, false", "30, 40, true", "30, 39, false",
        "-1, 1, true", "-1, 0, false", "19, 19, false", "20, 12, false"})
    void largeRiseIsTenMoreOrHalfAgain(int before, int after, boolean large) {
        EventGrouper grouper = new EventGrouper();
        Story first = STORIES.get(0);
        grouper.add(first, withKilled(ASSESSOR.assess(first), before));
        Story second = STORIES.get(1);
        EventUpdate u = grouper.offer(second, withKilled(ASSESSOR.assess(second), after));
        assertThat(u.largeKilledRise()).isEqualTo(large);
    }

    private static newsalert.story.Assessment withKilled(newsalert.story.Assessment a, int killed) {
        return new newsalert.story.Assessment(a.topics(), a.severity(), a.reasons(), new newsalert.story.Casualties(
                killed < 0 ? null : newsalert.story.CasualtyCount.exact(killed), null, null), a.quotes(), a.alert());
    }
}
