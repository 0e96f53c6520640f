package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;

/**
 * {@link EventState} keeps its facts member by member (issue 13); this checks, after every step of random
 * streams of additions and revisions (same text, other lead, title, tolls, topics, severity, quotes, time,
 * outlet), that what it holds is what rebuilding from its members gives: the snapshot equals
 * {@link EventFacts#build}, and the join rule's aggregates equal those of a state built afresh from the same
 * members (the centroids within rounding).
 */
class EventStateIncrementalTest {
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final String[] OUTLETS = {"Wire A", "wire a ", "Harbour Post", "Eastern Times", "Valley News"};
    private static final String[] SPEAKERS = {"Ihor Terekhov", "Terekhov", "the governor", "Oleh Syniehubov"};
    private static final String[] LEADS = {
        "KHARKIV — Russian drones struck an apartment block in Kharkiv on Monday, killing people, officials said.",
        "Rescuers searched the rubble in Kharkiv after a missile hit a market on Tuesday, the mayor said.",
        "An artillery strike on a convoy near Sumy killed soldiers, the army said.",
        "Talks in Geneva ended without a deal, the envoy said on Friday.",
        "A glide bomb hit a school in Kharkiv, wounding children, regional officials said."};

    @Test
    void factsKeptStepByStepEqualAFreshBuildAfterEveryAdditionAndRevision() {
        for (int seed = 1; seed <= 40; seed++) {
            run(new Random(seed), 120);
        }
    }

    @Test
    void anEqualRepublishedStoryLeavesTheSnapshotAsItWas() {
        EventState e = new EventState(new EventId("e-test"), Set.of(Topic.ATTACK), 0);
        Story s = new Story("s1", "Wire A", "Drone strike on Kharkiv kills 4", null, T0, LEADS[0]);
        Assessment a = assessment(Set.of(Topic.ATTACK), 60, 4, null, null, List.of());
        e.add(member(s, a));
        Event before = e.snapshot();
        boolean changed = e.revise(member(new Story("s1", "Wire A", "Drone strike on Kharkiv kills 4", null, T0,
                LEADS[0]), a));
        assertThat(changed).isFalse();
        assertThat(e.snapshot()).isSameAs(before);
        boolean leadOnly = e.revise(member(new Story("s1", "Wire A", "Drone strike on Kharkiv kills 4", null, T0,
                LEADS[1]), a));
        assertThat(leadOnly).as("the snapshot shows no lead").isFalse();
        assertThat(e.weekdays).containsExactly(java.time.DayOfWeek.TUESDAY);
        boolean toll = e.revise(member(s, assessment(Set.of(Topic.ATTACK), 60, 5, null, null, List.of())));
        assertThat(toll).isTrue();
        assertThat(e.snapshot().casualties().killed().count().min()).isEqualTo(5);
        assertThat(e.killed).isEqualTo(5);
    }

    private static void run(Random r, int steps) {
        EventState e = new EventState(new EventId("e-test"), Set.of(), 0);
        Map<String, Story> stories = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            boolean revise = !ids.isEmpty() && r.nextInt(3) > 0;
            Story story;
            Assessment a;
            if (revise) {
                String id = ids.get(r.nextInt(ids.size()));
                EventState.Member was = e.member(id);
                story = was.story();
                a = was.assessment();
                switch (r.nextInt(9)) {
                    case 0 -> story = new Story(story.id(), story.source(), story.title(), story.link(),
                            story.published(), story.body()); // equal copy
                    case 1 -> story = withBody(story, LEADS[r.nextInt(LEADS.length)]);
                    case 2 -> story = new Story(story.id(), story.source(), "Title " + r.nextInt(5), story.link(),
                            story.published(), story.body());
                    case 3 -> story = new Story(story.id(), story.source(), story.title(), story.link(),
                            r.nextInt(4) == 0 ? null : T0.plusSeconds(600L * r.nextInt(50)), story.body());
                    case 4 -> story = new Story(story.id(), OUTLETS[r.nextInt(OUTLETS.length)], story.title(),
                            story.link(), story.published(), story.body());
                    default -> a = randomAssessment(r);
                }
            } else {
                String id = "s" + step;
                ids.add(id);
                story = new Story(id, OUTLETS[r.nextInt(OUTLETS.length)], "Title " + r.nextInt(5),
                        r.nextBoolean() ? null : "https://example.test/" + id,
                        r.nextInt(6) == 0 ? null : T0.plusSeconds(600L * r.nextInt(50)),
                        LEADS[r.nextInt(LEADS.length)]);
                a = randomAssessment(r);
            }
            stories.put(story.id(), story);
            EventState.Member m = member(story, a);
            if (revise) {
                Event before = e.snapshot();
                boolean changed = e.revise(m);
                if (!changed) {
                    assertThat(e.snapshot()).isSameAs(before);
                }
            } else {
                e.add(m);
            }
            check(e);
        }
    }

    private static void check(EventState e) {
        Event built = EventFacts.build(e.id, e.members);
        Event kept = e.snapshot();
        assertThat(kept).isEqualTo(built);
        assertThat(kept.outlets()).isEqualTo(Event.outletCount(built.stories()));
        assertThat(kept.severity()).isEqualTo(built.severity());
        EventState fresh = new EventState(e.id, e.members.get(0).assessment().topics(), 0);
        e.members.forEach(fresh::add);
        assertThat(e.kinds).isEqualTo(fresh.kinds);
        assertThat(e.killed).isEqualTo(fresh.killed);
        assertThat(e.weekdays).isEqualTo(fresh.weekdays);
        assertThat(e.targets).isEqualTo(fresh.targets);
        assertThat(e.means).isEqualTo(fresh.means);
        assertThat(e.attackers).isEqualTo(fresh.attackers);
        assertThat(e.first).isEqualTo(fresh.first);
        assertThat(e.last).isEqualTo(fresh.last);
        sameVector(e.centroid, fresh.centroid);
        sameVector(e.contentCentroid, fresh.contentCentroid);
        assertThat(fresh.snapshot()).isEqualTo(built);
    }

    /** The same weights per term, within rounding; terms only one side has weigh (about) zero. */
    private static void sameVector(TermVector kept, TermVector fresh) {
        Map<Integer, Double> f = new HashMap<>();
        for (int i = 0; i < fresh.ids.length; i++) {
            f.put(fresh.ids[i], fresh.weights[i]);
        }
        for (int i = 0; i < kept.ids.length; i++) {
            assertThat(kept.weights[i]).isCloseTo(f.getOrDefault(kept.ids[i], 0.0), within(1e-9));
            f.remove(kept.ids[i]);
        }
        assertThat(f).isEmpty();
        assertThat(kept.norm).isCloseTo(fresh.norm, within(1e-9));
    }

    private static Story withBody(Story s, String body) {
        return new Story(s.id(), s.source(), s.title(), s.link(), s.published(), body);
    }

    private static EventState.Member member(Story s, Assessment a) {
        Instant time = s.published() != null ? s.published() : T0;
        return new EventState.Member(s, a, StoryFeatures.of(s), time);
    }

    private static Assessment randomAssessment(Random r) {
        Set<Topic> topics = switch (r.nextInt(4)) {
            case 0 -> Set.of();
            case 1 -> Set.of(Topic.DIPLOMACY);
            case 2 -> EnumSet.of(Topic.ATTACK, Topic.DIPLOMACY);
            default -> Set.of(Topic.ATTACK);
        };
        List<Quote> quotes = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            quotes.add(new Quote(SPEAKERS[r.nextInt(SPEAKERS.length)], r.nextBoolean() ? null : "mayor",
                    r.nextBoolean() ? "we will rebuild every home" : "we will rebuild every home in the city", null));
        }
        return assessment(topics, 20 + 10 * r.nextInt(8), r.nextInt(3) == 0 ? null : r.nextInt(12),
                r.nextBoolean() ? null : r.nextInt(30), r.nextInt(4) == 0 ? 1 + r.nextInt(3) : null, quotes);
    }

    private static Assessment assessment(Set<Topic> topics, int severity, Integer killed, Integer injured,
                                         Integer missing, List<Quote> quotes) {
        return new Assessment(topics, severity, List.of(), new Casualties(count(killed, "death toll rose to"),
                count(injured, null), count(missing, null)), quotes, severity >= 60);
    }

    private static CasualtyCount count(Integer n, String evidence) {
        if (n == null) {
            return null;
        }
        return new CasualtyCount(n, null, n % 2 == 0 ? Qualifier.EXACT : Qualifier.AT_LEAST,
                evidence == null || n % 3 != 0 ? null : evidence + " " + n);
    }
}
