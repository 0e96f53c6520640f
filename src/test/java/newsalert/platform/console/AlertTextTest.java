package newsalert.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;

class AlertTextTest {
    @Test
    void rendersHeadlineCountsQuoteAndSource() {
        Story s = Stories.story("id-1", "Missile strike on Kyiv kills 19", Instant.parse("2025-08-28T14:30:00Z"));
        assertThat(AlertText.render(s, Stories.attack(true))).isEqualTo("""
                [ALERT] ATTACK · severity 80
                Missile strike on Kyiv kills 19
                Casualties: 19 killed, at least 48 injured
                Where: Ukraine
                “sabotaging peace talks” — Keir Starmer (UK Prime Minister)
                Test Wire · 2025-08-28 14:30 UTC · https://news.test/id-1
                id: id-1
                """);
    }

    @Test
    void anAuthorFollowsTheSource() {
        Story s = Stories.story("id-1", "Missile strike on Kyiv kills 19", Instant.parse("2025-08-28T14:30:00Z"));
        Story by = new Story(s.id(), s.source(), s.title(), s.link(), s.published(), s.body(), null, "Tomas Reid");
        assertThat(AlertText.render(by, Stories.attack(true)))
                .contains("\nTest Wire · by Tomas Reid · 2025-08-28 14:30 UTC · https://news.test/id-1\n");
    }

    @Test
    void anEditedEventWritesItsUpdatedLineInUtcBeforeTheSource() {
        Story s = Stories.story("id-1", "Missile strike on Kyiv kills 19", Instant.parse("2025-08-28T14:30:00Z"));
        Story edited = new Story(s.id(), s.source(), s.title(), s.link(), s.published(), s.body(), null, null,
                new Story.Update(Instant.parse("2025-08-28T16:05:00Z"), "19 killed (was 12); 2 outlets"));
        assertThat(AlertText.render(edited, Stories.attack(true))).contains(
                "Minister)\nUpdated 16:05 UTC: 19 killed (was 12); 2 outlets\nTest Wire · 2025-08-28 14:30 UTC · ");
    }

    @Test
    void atMostTwoQuotesAndNoCasualtyLineWhenNone() {
        Story s = new Story("x", "", "", null, null, "");
        Assessment a = new Assessment(Set.of(Topic.ATTACK, Topic.DIPLOMACY), 45, List.of(), Casualties.NONE,
                List.of(new Quote("A", null, "one"), new Quote("B", null, "two"), new Quote("C", null, "three")),
                false);
        assertThat(AlertText.render(s, a)).isEqualTo("""
                [story] ATTACK + DIPLOMACY · severity 45
                (untitled)
                “one” — A
                “two” — B
                unknown source
                id: x
                """);
    }

    @Test
    void explainListsReasonsAndEvidence() {
        Assessment a = new Assessment(Set.of(Topic.ATTACK), 70, List.of("attack: \"missile strike\"", "killed 12"),
                new Casualties(newsalert.story.CasualtyCount.exact(12).withEvidence("killed 12 people overnight"),
                        null, null),
                List.of(new Quote("Oleh Syniehubov", "Governor", "This was deliberate")
                        .withEvidence("after: said Governor Oleh Syniehubov"),
                        new Quote("Nobody Known", null, "no evidence here")), true);
        assertThat(AlertText.explain(a)).isEqualTo("""
                  why: attack: "missile strike"
                  why: killed 12
                  killed 12 from: "killed 12 people overnight"
                  quote by Oleh Syniehubov: after: said Governor Oleh Syniehubov
                """);
    }
}
