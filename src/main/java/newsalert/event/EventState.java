package newsalert.event;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;

/** The grouper's mutable record of one event: its members and what they have in common. */
final class EventState {
    /** One member story with what was read from it. */
    record Member(Story story, Assessment assessment, StoryFeatures features, Instant time) {
    }

    final EventId id;
    /** Creation order, for ties. */
    final int seq;
    /** Topics of the first member that had any; empty while none had. */
    Set<Topic> kinds;
    /** The fused killed minimum, or -1 when no member states one. */
    int killed = -1;
    final List<Member> members = new ArrayList<>();
    final Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
    /** Sum of the members' term vectors. */
    TermVector centroid = TermVector.EMPTY;
    /** Sum of the members' wording vectors. */
    TermVector contentCentroid = TermVector.EMPTY;
    /** Union of the members' target classes, means and attackers ({@link HappeningCues}). */
    final Set<String> targets = new HashSet<>();
    final Set<String> means = new HashSet<>();
    final Set<String> attackers = new HashSet<>();
    Instant first;
    Instant last;
    boolean retired;
    int stamp;
    private Event snapshot;

    EventState(EventId id, Set<Topic> kinds, int seq) {
        this.id = id;
        this.seq = seq;
        this.kinds = Set.copyOf(kinds);
    }

    void add(Member m) {
        members.add(m);
        absorb(m);
        snapshot = null;
        refreshKilled();
    }

    private void refreshKilled() {
        FusedCount k = snapshot().casualties().killed();
        killed = k == null ? -1 : k.count().min();
    }

    /** Replaces the member with the same story id and recomputes what the members share. */
    void revise(Member m) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).story().id().equals(m.story().id())) {
                members.set(i, m);
            }
        }
        weekdays.clear();
        targets.clear();
        means.clear();
        attackers.clear();
        centroid = TermVector.EMPTY;
        contentCentroid = TermVector.EMPTY;
        first = null;
        last = null;
        Set<Topic> firstKinds = Set.of();
        for (Member each : members) {
            if (!each.assessment().topics().isEmpty()) {
                firstKinds = Set.copyOf(each.assessment().topics());
                break;
            }
        }
        kinds = firstKinds;
        members.forEach(this::absorb);
        snapshot = null;
        refreshKilled();
    }

    private void absorb(Member m) {
        if (kinds.isEmpty()) {
            kinds = Set.copyOf(m.assessment().topics());
        }
        weekdays.addAll(m.features().weekdays);
        HappeningCues h = m.features().happening;
        targets.addAll(h.targets());
        means.addAll(h.means());
        attackers.addAll(h.attackers());
        centroid = TermVector.sum(centroid, m.features().terms);
        contentCentroid = TermVector.sum(contentCentroid, m.features().content);
        if (first == null || m.time().isBefore(first)) {
            first = m.time();
        }
        if (last == null || m.time().isAfter(last)) {
            last = m.time();
        }
    }

    /** @return the current snapshot, built once per change */
    Event snapshot() {
        if (snapshot == null) {
            snapshot = EventFacts.build(id, members);
        }
        return snapshot;
    }
}
