package newsalert.event;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;

/**
 * The grouper's mutable record of one event: its members and what they have in common, kept up to date
 * member by member (issue 13), so that adding a story or revising one costs about the same whatever the
 * event's size.
 *
 * <p>What the join rule reads ({@link JoinRule}, {@link SeparateReportRule}) — kind, weekdays, targets,
 * means, attackers, term centroids, first and last time, fused killed count — and what the snapshot shows
 * ({@link EventFacts}: stories, topics, severity, outlets, fused counts, quotes, headline) are held as
 * running aggregates: counts per value, so that a revised member can be taken out and put back.
 * A revision that changes a fact rebuilds only that fact; a few rare changes (the first member's topics, a
 * lower top severity, another toll, other quotes) rescan the members. The snapshot is built at most once
 * per change and reuses the parts that did not change. {@link EventFacts#build} stays the reference: the
 * snapshot equals what it gives for the same members ({@code EventStateIncrementalTest}).
 *
 * <p>One difference with rebuilding: a revised member's term vectors are taken out of the centroids and
 * its new ones put in, so the centroid weights may differ from a fresh sum in the last bits
 * (about 1e-16), never enough to change a printed figure.
 */
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
    /** Story id → position in {@link #members}. */
    private final Map<String, Integer> position = new HashMap<>();
    final Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
    private final int[] weekdayCounts = new int[7];
    /** Sum of the members' term vectors. */
    TermVector centroid = TermVector.EMPTY;
    /** Sum of the members' wording vectors. */
    TermVector contentCentroid = TermVector.EMPTY;
    private final Map<String, Integer> targetCounts = new HashMap<>();
    private final Map<String, Integer> meansCounts = new HashMap<>();
    private final Map<String, Integer> attackerCounts = new HashMap<>();
    /** Union of the members' target classes, means and attackers ({@link HappeningCues}). */
    final Set<String> targets = targetCounts.keySet();
    final Set<String> means = meansCounts.keySet();
    final Set<String> attackers = attackerCounts.keySet();
    /** The members' times (published, or placed), with how many members have each. */
    private final TreeMap<Instant, Integer> times = new TreeMap<>();
    Instant first;
    Instant last;
    boolean retired;
    int stamp;
    /** Members that name places, and per place how many members name it ({@link SeparateReportRule#placesAgree}). */
    int naming;
    private final Map<String, Integer> placeCounts = new HashMap<>();
    /** What {@link SeparateReportRule#secondHappening} asks of the earlier members; built when first asked after a change. */
    private Earlier earlier;
    /** The last {@link JoinRule#RECENT_MEMBERS} members' term vectors along the centroid; built when first asked after a change. */
    private RecentTerms recentTerms;
    /** The same for the wording vectors, along {@link #contentCentroid}. */
    private RecentTerms recentContent;

    // What the snapshot shows, kept per member.
    private final int[] topicCounts = new int[Topic.values().length];
    private int maxSeverity;
    private final Map<String, Integer> outletCounts = new HashMap<>();
    private final TreeMap<Instant, Integer> published = new TreeMap<>();
    private final StoryList.Builder stories = new StoryList.Builder();
    /** {@link QuoteMerge#merge} of the members' quotes so far (it is a left fold, so it takes one member at a time). */
    private final List<Quote> quotes = new ArrayList<>();
    private final List<List<CountReport>> reports = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    private final FusedCount[] fused = new FusedCount[3];
    /** Position of the member whose headline is the event's title. */
    private int headline = -1;
    private Event snapshot;

    EventState(EventId id, Set<Topic> kinds, int seq) {
        this.id = id;
        this.seq = seq;
        this.kinds = Set.copyOf(kinds);
    }

    /**
     * @param place a place key
     * @return how many members name it
     */
    int namingPlace(String place) {
        return placeCounts.getOrDefault(place, 0);
    }

    /**
     * @return the term vectors of the last {@link JoinRule#RECENT_MEMBERS} members laid out along the current
     *         {@link #centroid}, for dot products from the story's matches with it
     */
    RecentTerms recentTerms() {
        if (recentTerms == null) {
            recentTerms = recent(false);
        }
        return recentTerms;
    }

    /** @return the same for the wording vectors, along the current {@link #contentCentroid} */
    RecentTerms recentContent() {
        if (recentContent == null) {
            recentContent = recent(true);
        }
        return recentContent;
    }

    private RecentTerms recent(boolean wording) {
        int from = Math.max(0, members.size() - JoinRule.RECENT_MEMBERS);
        List<TermVector> vectors = new ArrayList<>(members.size() - from);
        for (int i = from; i < members.size(); i++) {
            StoryFeatures f = members.get(i).features();
            vectors.add(wording ? f.content : f.terms);
        }
        return new RecentTerms(vectors, wording ? contentCentroid : centroid);
    }

    /** @return the members ordered by time with running aggregates, rebuilt only after a change */
    Earlier earlier() {
        if (earlier == null) {
            earlier = new Earlier(members);
        }
        return earlier;
    }

    /**
     * The members ordered by time, with, for every prefix of that order, the highest killed count stated, and
     * per outlet and per weapon class the earliest member time: enough to answer "is there a member at or before
     * a cutoff that …" in O(log members) instead of a walk over the members.
     */
    static final class Earlier {
        private Instant[] times;
        /** Highest killed minimum of members 0..i in time order, -1 when none states one. */
        private int[] maxKilled;
        private int size;
        private final Map<String, Instant> sourceFirst = new HashMap<>();
        private final Map<String, Instant> weaponFirst = new HashMap<>();

        private Earlier(List<Member> members) {
            Member[] byTime = members.toArray(new Member[0]);
            java.util.Arrays.sort(byTime, java.util.Comparator.comparing(Member::time));
            times = new Instant[Math.max(8, byTime.length * 2)];
            maxKilled = new int[times.length];
            for (Member m : byTime) {
                append(m);
            }
        }

        /**
         * Adds a member whose time is not before any held (members mostly arrive in time order).
         *
         * @return false, changing nothing, when its time is before the latest held: then rebuild
         */
        boolean append(Member m) {
            if (size > 0 && m.time().isBefore(times[size - 1])) {
                return false;
            }
            if (size == times.length) {
                times = java.util.Arrays.copyOf(times, size * 2);
                maxKilled = java.util.Arrays.copyOf(maxKilled, size * 2);
            }
            times[size] = m.time();
            maxKilled[size] = Math.max(size == 0 ? -1 : maxKilled[size - 1], EventGrouper.killedOf(m.assessment()));
            size++;
            sourceFirst.merge(m.features().source, m.time(), Earlier::earlier);
            for (String w : m.features().cues.weapons()) {
                weaponFirst.merge(w, m.time(), Earlier::earlier);
            }
            return true;
        }

        private static Instant earlier(Instant a, Instant b) {
            return b.isBefore(a) ? b : a;
        }

        /** @return how many members have a time at or before {@code cutoff} */
        int atOrBefore(Instant cutoff) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (times[mid].isAfter(cutoff)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        /** @return the highest killed count stated by the first {@code n} members in time order (-1: none) */
        int maxKilled(int n) {
            return n == 0 ? -1 : maxKilled[n - 1];
        }

        /** @return whether a member from this outlet (features' source) has a time at or before {@code cutoff} */
        boolean sourceBy(String source, Instant cutoff) {
            Instant t = sourceFirst.get(source);
            return t != null && !t.isAfter(cutoff);
        }

        /** @return whether a member naming this weapon class has a time at or before {@code cutoff} */
        boolean weaponBy(String weapon, Instant cutoff) {
            Instant t = weaponFirst.get(weapon);
            return t != null && !t.isAfter(cutoff);
        }

        /** @return whether any member naming a weapon has a time at or before {@code cutoff} */
        boolean anyWeaponBy(Instant cutoff) {
            for (Instant t : weaponFirst.values()) {
                if (!t.isAfter(cutoff)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** @return the member with this story id, or {@code null} */
    Member member(String storyId) {
        Integer at = position.get(storyId);
        return at == null ? null : members.get(at);
    }

    void add(Member m) {
        int at = members.size();
        members.add(m);
        position.put(m.story().id(), at);
        if (kinds.isEmpty()) {
            kinds = Set.copyOf(m.assessment().topics());
        }
        absorb(m, +1);
        if (earlier != null && !earlier.append(m)) {
            earlier = null;
        }
        recentTerms = null;
        recentContent = null;
        centroid = TermVector.sum(centroid, m.features().terms);
        contentCentroid = TermVector.sum(contentCentroid, m.features().content);
        stories.add(storyOf(m));
        QuoteMerge.mergeInto(quotes, m.assessment().quotes());
        boolean tollMoved = false;
        for (int kind = 0; kind < 3; kind++) {
            CountReport r = reportOf(m, kind);
            if (r != null) {
                CasualtyFusion.insertInOrder(reports.get(kind), r);
                fused[kind] = CasualtyFusion.fuseOrdered(reports.get(kind));
                tollMoved |= kind == 0 && fusedMin(fused[0]) != killed;
            }
        }
        if (tollMoved || headline < 0) {
            killed = fusedMin(fused[0]);
            headline = headlineOf();
        } else if (qualifies(m) && m.assessment().severity() > members.get(headline).assessment().severity()) {
            headline = at;
        }
        snapshot = null;
    }

    /**
     * Replaces the member with the same story id (it must be one) and updates what the members share.
     *
     * @return whether anything the snapshot shows may have changed (false: the snapshot before still holds)
     */
    boolean revise(Member m) {
        int at = position.get(m.story().id());
        Member old = members.get(at);
        members.set(at, m);
        absorb(old, -1);
        absorb(m, +1);
        earlier = null;
        recentTerms = null;
        recentContent = null;
        centroid = TermVector.replace(centroid, old.features().terms, m.features().terms);
        contentCentroid = TermVector.replace(contentCentroid, old.features().content, m.features().content);
        if (!old.assessment().topics().equals(m.assessment().topics())) {
            kinds = Set.of();
            for (Member each : members) {
                if (!each.assessment().topics().isEmpty()) {
                    kinds = Set.copyOf(each.assessment().topics());
                    break;
                }
            }
        }
        EventStory story = storyOf(m);
        if (old.assessment().equals(m.assessment()) && story.equals(stories.get(at))) {
            return false; // the snapshot reads no more of a story than its EventStory and assessment
        }
        if (!story.equals(stories.get(at))) {
            stories.set(at, story);
        }
        if (old.assessment().severity() > m.assessment().severity() && old.assessment().severity() == maxSeverity) {
            maxSeverity = 0;
            members.forEach(each -> maxSeverity = Math.max(maxSeverity, each.assessment().severity()));
        }
        if (!old.assessment().quotes().equals(m.assessment().quotes())) {
            quotes.clear();
            members.forEach(each -> QuoteMerge.mergeInto(quotes, each.assessment().quotes()));
        }
        for (int kind = 0; kind < 3; kind++) {
            if (!Objects.equals(reportOf(old, kind), reportOf(m, kind))) {
                List<CountReport> list = reports.get(kind);
                list.clear();
                for (Member each : members) {
                    CountReport r = reportOf(each, kind);
                    if (r != null) {
                        list.add(r);
                    }
                }
                CasualtyFusion.order(list);
                fused[kind] = list.isEmpty() ? null : CasualtyFusion.fuseOrdered(list);
            }
        }
        killed = fusedMin(fused[0]);
        headline = headlineOf();
        snapshot = null;
        return true;
    }

    /** Counts a member in (+1) or out (-1) of the per-value aggregates. */
    private void absorb(Member m, int sign) {
        for (DayOfWeek d : m.features().weekdays) {
            int c = weekdayCounts[d.ordinal()] += sign;
            if (c == 0) {
                weekdays.remove(d);
            } else {
                weekdays.add(d);
            }
        }
        Set<String> places = m.features().places;
        if (!places.isEmpty()) {
            naming += sign;
            count(placeCounts, places, sign);
        }
        HappeningCues h = m.features().happening;
        count(targetCounts, h.targets(), sign);
        count(meansCounts, h.means(), sign);
        count(attackerCounts, h.attackers(), sign);
        times.merge(m.time(), sign, EventState::plus);
        first = times.isEmpty() ? null : times.firstKey(); // empty only between taking out and putting back
        last = times.isEmpty() ? null : times.lastKey();
        for (Topic t : m.assessment().topics()) {
            topicCounts[t.ordinal()] += sign;
        }
        if (sign > 0) {
            maxSeverity = Math.max(maxSeverity, m.assessment().severity());
        }
        outletCounts.merge(Event.outletKey(m.story().source()), sign, EventState::plus);
        if (m.story().published() != null) {
            published.merge(m.story().published(), sign, EventState::plus);
        }
    }

    /** A sum that drops the entry at zero. */
    private static Integer plus(Integer a, Integer b) {
        int n = a + b;
        return n == 0 ? null : n;
    }

    private static void count(Map<String, Integer> counts, Set<String> values, int sign) {
        for (String v : values) {
            counts.merge(v, sign, EventState::plus);
        }
    }

    private static EventStory storyOf(Member m) {
        Story s = m.story();
        return new EventStory(s.id(), s.source(), s.title(), s.link(), s.published(), m.assessment().severity());
    }

    /** @return the member's report for kind 0 (killed), 1 (injured) or 2 (missing), or {@code null} */
    private static CountReport reportOf(Member m, int kind) {
        Casualties c = m.assessment().casualties();
        CasualtyCount count = kind == 0 ? c.killed() : kind == 1 ? c.injured() : c.missing();
        return count == null ? null : new CountReport(m.story().source(), m.story().id(), count, m.story().published());
    }

    private static int fusedMin(FusedCount f) {
        return f == null ? -1 : f.count().min();
    }

    /** Whether the member may stand for the event under the current toll ({@link EventFacts#headline}). */
    private boolean qualifies(Member m) {
        return killed < 0 || EventGrouper.killedOf(m.assessment()) == killed;
    }

    /** The position of {@link EventFacts#headline}'s choice, by the same rule. */
    private int headlineOf() {
        int best = -1;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (qualifies(m) && (best < 0 || m.assessment().severity() > members.get(best).assessment().severity())) {
                best = i;
            }
        }
        return best;
    }

    /** @return the current snapshot, built once per change */
    Event snapshot() {
        if (snapshot == null) {
            Set<Topic> topics = EnumSet.noneOf(Topic.class);
            for (Topic t : Topic.values()) {
                if (topicCounts[t.ordinal()] > 0) {
                    topics.add(t);
                }
            }
            int outlets = outletCounts.size();
            int severity = Math.min(100, maxSeverity + EventFacts.PER_OUTLET * (outlets - 1));
            snapshot = new Event(id, members.get(headline).story().title(), topics, severity,
                    stories.build(outlets), new FusedCasualties(fused[0], fused[1], fused[2]), quotes,
                    published.isEmpty() ? null : published.firstKey(),
                    published.isEmpty() ? null : published.lastKey());
        }
        return snapshot;
    }
}
