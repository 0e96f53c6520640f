package newsalert.event;

import java.util.Set;

/**
 * What adding one story did to its event, so that a caller can decide on alerts and edits.
 *
 * @param id      the event the story is in
 * @param before  the event as it was before this story, or {@code null} when the story started it
 * @param after   the event now
 * @param changes what changed (never empty: at least {@link Change#CREATED}, {@link Change#STORY_ADDED}
 *                or {@link Change#STORY_REVISED})
 */
public record EventUpdate(EventId id, Event before, Event after, Set<Change> changes) {
    /** One kind of change. */
    public enum Change {
        /** the story started a new event */
        CREATED,
        /** the story joined an existing event */
        STORY_ADDED,
        /** the story was already a member (same id) and its text or assessment was replaced */
        STORY_REVISED,
        /** the fused killed count differs (count, bound or qualifier) */
        KILLED,
        /** the fused injured count differs */
        INJURED,
        /** the fused missing count differs */
        MISSING,
        /** the event gained (or, on a revision, lost) a topic */
        TOPICS,
        /** the event's severity changed */
        SEVERITY,
        /** the number of distinct outlets grew */
        OUTLETS,
        /** the event's headline changed: a more severe report now stands for it ({@link Event#title()}) */
        HEADLINE
    }

    public EventUpdate {
        changes = Set.copyOf(changes);
    }

    /**
     * @param id     the event
     * @param before the event before the story, never {@code null}
     * @param after  the event after it
     * @param how    {@link Change#STORY_ADDED} or {@link Change#STORY_REVISED}
     * @return the update with every change found by comparing the two snapshots: a fused count differs when
     *         its min, max or qualifier differs (provenance alone does not count)
     */
    static EventUpdate between(EventId id, Event before, Event after, Change how) {
        Set<Change> changes = java.util.EnumSet.of(how);
        FusedCasualties b = before.casualties();
        FusedCasualties a = after.casualties();
        if (!java.util.Objects.equals(b.counts().killed(), a.counts().killed())) {
            changes.add(Change.KILLED);
        }
        if (!java.util.Objects.equals(b.counts().injured(), a.counts().injured())) {
            changes.add(Change.INJURED);
        }
        if (!java.util.Objects.equals(b.counts().missing(), a.counts().missing())) {
            changes.add(Change.MISSING);
        }
        if (!before.topics().equals(after.topics())) {
            changes.add(Change.TOPICS);
        }
        if (before.severity() != after.severity()) {
            changes.add(Change.SEVERITY);
        }
        if (after.outlets() > before.outlets()) {
            changes.add(Change.OUTLETS);
        }
        if (!java.util.Objects.equals(before.title(), after.title())) {
            changes.add(Change.HEADLINE);
        }
        return new EventUpdate(id, before, after, changes);
    }

    /**
     * Whether the killed count rose enough to tell members with a follow-up, not only an edit (issue 6):
     * by at least 10, or by at least 50 % of the count before (from none, any count of 1 or more).
     *
     * @return true when {@code after}'s fused killed {@code min} exceeds {@code before}'s by ≥ 10 or ≥ 50 %;
     *         false for a new event
     */
    public boolean largeKilledRise() {
        if (before == null || after.casualties().killed() == null) {
            return false;
        }
        int now = after.casualties().killed().count().min();
        FusedCount was = before.casualties().killed();
        if (was == null) {
            return now >= 1;
        }
        int then = was.count().min();
        return now - then >= 10 || now > then && (now - then) * 2 >= then;
    }

    /** @return whether the killed or injured count or the topics changed: the changes that edit a sent alert */
    public boolean changesAlert() {
        return changes.contains(Change.KILLED) || changes.contains(Change.INJURED) || changes.contains(Change.TOPICS);
    }
}
