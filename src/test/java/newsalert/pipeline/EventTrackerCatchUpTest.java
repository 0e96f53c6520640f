package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.event.EventSettings;
import newsalert.event.EventUpdate;
import newsalert.store.CaughtStory;
import newsalert.store.StoredStory;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;

/**
 * {@link EventTracker#catchUp} with stories another instance revised or found alert-worthy (issue 14 step 2 (b)):
 * such a story comes again with a new {@code story.seq}; a memory that holds it offers it again when its counts,
 * topics or alert flag changed (and learns the event alerted), and skips it when nothing an alert shows changed.
 */
class EventTrackerCatchUpTest {
    private static final Instant T0 = Instant.parse("2026-03-03T06:00:00Z");
    private static final Instant SINCE = T0.minusSeconds(86_400);

    private static Story report(String id, String source, int killed) {
        return new Story(id, source, "Missile strike on Poltava military institute kills " + killed,
                "https://" + source.replace(' ', '-') + ".example.test/" + id, T0,
                "POLTAVA, Ukraine - Russian missiles hit a military institute in Poltava, killing " + killed
                        + " people, regional governor Filip Pronin said.");
    }

    private static Assessment attack(int killed, boolean alert) {
        return new Assessment(Set.of(Topic.ATTACK), 80, List.of("attack"),
                new Casualties(CasualtyCount.exact(killed), null, null), List.of(), alert);
    }

    private static CaughtStory caught(long seq, Story story, Assessment a, String standsFor) {
        return new CaughtStory(seq, new StoredStory(story, a, T0, false), null, standsFor);
    }

    @Test
    void aHeldStoryRevisedElsewhereIsOfferedAgainAndOneUnchangedIsNot() {
        EventTracker tracker = new EventTracker(EventSettings.defaults(), 1);
        Story p1 = report("p1", "Alpha Wire", 8);
        assertThat(tracker.catchUp(List.of(caught(1, p1, attack(8, true), null)), SINCE)).isEqualTo(1);

        // the same story stored again as it was (this instance's own story read back): not offered
        assertThat(tracker.catchUp(List.of(caught(2, p1, attack(8, true), null)), SINCE)).isZero();
        // another instance revised it: 14 killed; offered again, the event's count follows
        Story revised = report("p1", "Alpha Wire", 14);
        assertThat(tracker.catchUp(List.of(caught(3, revised, attack(14, true), null)), SINCE)).isEqualTo(1);
        assertThat(tracker.events()).hasSize(1);
        assertThat(tracker.events().get(0).casualties().killed().count().min()).isEqualTo(14);
        assertThat(tracker.storiesHeld()).isEqualTo(1);
        assertThat(tracker.seenSeq()).isEqualTo(3);
    }

    @Test
    void aHeldStoryThatBecameAlertWorthyElsewhereMarksItsEventAlertedHere() {
        EventTracker tracker = new EventTracker(EventSettings.defaults(), 1);
        Story p1 = report("p1", "Alpha Wire", 8);
        tracker.catchUp(List.of(caught(1, p1, attack(8, false), null)), SINCE);

        // another instance read it again, found it alert-worthy and alerted its event (AlertRevisedStory)
        tracker.catchUp(List.of(caught(2, p1, attack(8, true), "e-stored")), SINCE);

        Story p2 = report("p2", "Bravo News", 8);
        EventUpdate u = tracker.offer(p2, attack(8, true));
        assertThat(tracker.alertNow(u, p2, true)).as("alerted by the other instance: not again").isNull();
        assertThat(tracker.eventOf("p2")).isEqualTo("e-stored");
        assertThat(tracker.heldBecause(u, attack(8, true), 50).reason()).contains("e-stored");
    }

    @Test
    void aDirtyMemoryIsResetToNothing() {
        EventTracker tracker = new EventTracker(EventSettings.defaults(), 1);
        tracker.catchUp(List.of(caught(4, report("p1", "Alpha Wire", 8), attack(8, true), "e-1")), SINCE);
        tracker.dirty(true);

        tracker.reset();

        assertThat(tracker.dirty()).isFalse();
        assertThat(tracker.storiesHeld()).isZero();
        assertThat(tracker.seenSeq()).isZero();
        tracker.rebuild(List.of(new StoredStory(report("p1", "Alpha Wire", 8), attack(8, true), T0, true)),
                Map.of("e-1", "p1"));
        assertThat(tracker.eventOf("p1")).isEqualTo("e-1");
    }
}
