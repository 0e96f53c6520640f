package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.event.EventSettings;
import newsalert.event.EventUpdate;
import newsalert.store.EventView;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.ChatTime;
import org.junit.jupiter.api.Test;

/** When an alerted event's view is revised. */
class EventTrackerTest {
    private static final Instant T0 = Instant.parse("2026-03-03T06:00:00Z");

    private static Story report(String id, String source, Instant at) {
        return new Story(id, source, "Missile strike on Poltava military institute kills 8",
                "https://" + source.replace(' ', '-') + ".example.test/" + id, at,
                "POLTAVA, Ukraine - Russian missiles hit a military institute in Poltava, killing 8 people,"
                        + " regional governor Filip Pronin said.");
    }

    private static Assessment attack(Integer missing) {
        return new Assessment(Set.of(Topic.ATTACK), 80, List.of("attack"),
                new Casualties(CasualtyCount.exact(8), null, missing == null ? null : CasualtyCount.exact(missing)),
                List.of(), true);
    }

    @Test
    void aChangeInTheMissingCountAloneRevisesTheAlert() {
        EventTracker tracker = new EventTracker(EventSettings.defaults(), 1);
        tracker.rebuild(List.of(), Map.of());
        Story first = report("p1", "Alpha Wire", T0);
        EventUpdate created = tracker.offer(first, attack(5));
        EventView alert = tracker.alertNow(created, first, true);
        assertThat(alert).isNotNull();

        EventUpdate later = tracker.offer(report("p2", "Bravo News", T0.plusSeconds(3600)), attack(20));

        assertThat(later.id()).isEqualTo(created.id());
        assertThat(later.changes()).contains(EventUpdate.Change.MISSING).doesNotContain(EventUpdate.Change.KILLED);
        EventView revised = tracker.revision(later);
        assertThat(revised).isNotNull();
        assertThat(revised.assessment().casualties().missing().min()).isEqualTo(20);
        assertThat(revised.story().update()).isEqualTo(new Story.Update(revised.story().update().at(), "20 missing (was 5); 2 outlets"));
        assertThat(ChatTime.updated(revised.story().update(), null)).isEqualTo("Updated 07:00 UTC: 20 missing (was 5); 2 outlets");
    }
}
