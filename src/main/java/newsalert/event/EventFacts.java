package newsalert.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;

/**
 * Builds an {@link Event} snapshot from its members. Rules: title = the headline of the most severe report
 * stating the fused killed count ({@link #headline}); topics =
 * union; severity = highest member severity + {@value #PER_OUTLET} per distinct outlet beyond the first,
 * capped at 100; casualties per kind by {@link CasualtyFusion}; quotes by {@link QuoteMerge}; first/last =
 * earliest/latest published time of members that have one.
 */
final class EventFacts {
    /** Severity points per additional independent outlet. */
    static final int PER_OUTLET = 5;

    private EventFacts() {
    }

    static Event build(EventId id, List<EventState.Member> members) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        List<EventStory> stories = new ArrayList<>();
        List<Quote> quotes = new ArrayList<>();
        int maxSeverity = 0;
        Instant first = null;
        Instant last = null;
        for (EventState.Member m : members) {
            Story s = m.story();
            topics.addAll(m.assessment().topics());
            maxSeverity = Math.max(maxSeverity, m.assessment().severity());
            stories.add(new EventStory(s.id(), s.source(), s.title(), s.link(), s.published(),
                    m.assessment().severity()));
            quotes.addAll(m.assessment().quotes());
            if (s.published() != null) {
                first = first == null || s.published().isBefore(first) ? s.published() : first;
                last = last == null || s.published().isAfter(last) ? s.published() : last;
            }
        }
        int severity = Math.min(100, maxSeverity + PER_OUTLET * (Event.outletCount(stories) - 1));
        FusedCasualties fused = new FusedCasualties(fuse(members, Casualties::killed),
                fuse(members, Casualties::injured), fuse(members, Casualties::missing));
        return new Event(id, headline(members, fused.killed()).story().title(), topics, severity, stories, fused,
                QuoteMerge.merge(quotes), first, last);
    }

    /**
     * The member whose headline stands for the event: among the members that state the fused killed count
     * (all members when the event has none, or none states it), the one with the highest assessment
     * severity, then the earliest. So the headline tells the report the event's toll comes from: a later,
     * graver report (an air strike killing 15 after a first report of one death, a toll risen to 19) takes
     * it over with its toll, while a report of equal weight does not displace the first.
     *
     * @param members the event's members, in the order they joined (not empty)
     * @param killed  the event's fused killed count, or {@code null}
     * @return the member whose headline is the event's title
     */
    static EventState.Member headline(List<EventState.Member> members, FusedCount killed) {
        int toll = killed == null ? -1 : killed.count().min();
        boolean anyStates = toll >= 0 && members.stream().anyMatch(m -> EventGrouper.killedOf(m.assessment()) == toll);
        EventState.Member best = null;
        for (EventState.Member m : members) {
            if (anyStates && EventGrouper.killedOf(m.assessment()) != toll) {
                continue;
            }
            if (best == null || m.assessment().severity() > best.assessment().severity()) {
                best = m;
            }
        }
        return best;
    }

    private static FusedCount fuse(List<EventState.Member> members, Function<Casualties, CasualtyCount> kind) {
        List<CountReport> reports = new ArrayList<>();
        for (EventState.Member m : members) {
            CasualtyCount c = kind.apply(m.assessment().casualties());
            if (c != null) {
                reports.add(new CountReport(m.story().source(), m.story().id(), c, m.story().published()));
            }
        }
        return CasualtyFusion.fuse(reports);
    }
}
