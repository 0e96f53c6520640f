package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventGrouperTest {
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    static Story story(String id, String source, double hours, String title, String lead) {
        return new Story(id, source, title, "https://t.test/" + id, T0.plusSeconds((long) (hours * 3600)), lead);
    }

    static Assessment assess(Set<Topic> topics, Integer killed, int severity) {
        return new Assessment(topics, severity, List.of(), new Casualties(killed == null ? null
                : CasualtyCount.exact(killed), null, null), List.of(), true);
    }

    static final Set<Topic> ATTACK = Set.of(Topic.ATTACK);
    static final Set<Topic> DIPLOMACY = Set.of(Topic.DIPLOMACY);
    static final Set<Topic> BOTH = Set.of(Topic.ATTACK, Topic.DIPLOMACY);

    private static final Story KHARKIV_STRIKE = story("k1", "Wire A", 0,
            "Russian drones hit Kharkiv apartment block, three killed",
            "KHARKIV — Russian drones struck an apartment block in Kharkiv early on Monday, killing three people,"
                    + " Mayor Ihor Terekhov said.");

    /** Pairs that must stay apart (kind, place, days) or come together (same happening, other wording). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ministers' meeting in the struck city        | DIPLOMACY | 8  | Baltic ministers meet in Kharkiv for talks on air defence | Foreign ministers held talks in Kharkiv on Monday with Ukrainian officials on air defence, the ministry said. | false
            strike on another city the same night        | ATTACK    | 1  | Russian drones hit Odesa apartment block, three killed | ODESA — Russian drones struck an apartment block in Odesa early on Monday, killing three people, governor Oleh Kiper said. | false
            strike on the same city two days later       | ATTACK    | 40 | Russian drones hit Kharkiv apartment block, two killed | Russian drones struck an apartment block in Kharkiv late on Wednesday, killing two people, Mayor Ihor Terekhov said. | false
            same strike, another outlet's wording        | ATTACK    | 2  | Three dead as Shahed drones slam into Kharkiv high-rise | At least three residents were killed when drones hit a high-rise in Kharkiv overnight, Terekhov said. | true
            toll update the next morning                 | ATTACK    | 20 | Kharkiv drone strike death toll rises to five | The death toll from Monday's Russian drone strike on an apartment block in Kharkiv rose to five, Mayor Ihor Terekhov said. | true
            story with both topics joins the strike      | BOTH      | 5  | Kharkiv strike kills three as envoys call for talks | Russian drones killed three people in an apartment block in Kharkiv on Monday, Terekhov said, as envoys called for talks. | true
            """)
    void joinsOrKeepsApart(String name, String kind, double hours, String title, String lead, boolean together) {
        EventGrouper g = new EventGrouper();
        EventId strike = g.add(KHARKIV_STRIKE, assess(ATTACK, 3, 70));
        Set<Topic> topics = kind.equals("BOTH") ? BOTH : Set.of(Topic.valueOf(kind));
        EventId other = g.add(story("k2", "Wire B", hours, title, lead), assess(topics, null, 50));
        assertThat(other.equals(strike)).as(name).isEqualTo(together);
    }

    @Test
    void aStoryBeyondTheWindowStartsANewEvent() {
        EventGrouper g = new EventGrouper(EventSettings.defaults().withWindow(Duration.ofHours(24)));
        EventId first = g.add(KHARKIV_STRIKE, assess(ATTACK, 3, 70));
        Story same = new Story("k9", "Wire B", KHARKIV_STRIKE.title(), null, T0.plus(Duration.ofHours(25)),
                KHARKIV_STRIKE.body());
        assertThat(g.add(same, assess(ATTACK, 3, 70))).isNotEqualTo(first);
    }

    @Test
    void idsAreStableForTheSameInputsInTheSameOrder() {
        List<Story> stories = List.of(KHARKIV_STRIKE,
                story("o1", "Wire B", 1, "Russian drones hit Odesa port", "Drones struck the port of Odesa overnight, governor Oleh Kiper said."),
                story("k3", "Wire C", 3, "Kharkiv high-rise hit by drones, three dead", "Three people died when drones hit a block in Kharkiv on Monday, Terekhov said."));
        List<String> run1 = new ArrayList<>();
        List<String> run2 = new ArrayList<>();
        EventGrouper a = new EventGrouper();
        EventGrouper b = new EventGrouper();
        stories.forEach(s -> run1.add(a.add(s, assess(ATTACK, null, 50)).value()));
        stories.forEach(s -> run2.add(b.add(s, assess(ATTACK, null, 50)).value()));
        assertThat(run1).isEqualTo(run2).containsExactly(EventId.fromFirstStory("k1").value(),
                EventId.fromFirstStory("o1").value(), EventId.fromFirstStory("k1").value());
        assertThat(run1.get(0)).matches("e-[0-9a-f]{12}");
    }

    @Test
    void offeringAStoryAgainRevisesItInPlace() {
        EventGrouper g = new EventGrouper();
        EventId id = g.add(KHARKIV_STRIKE, assess(ATTACK, 3, 70));
        EventUpdate u = g.offer(KHARKIV_STRIKE, assess(BOTH, 4, 75));
        assertThat(u.id()).isEqualTo(id);
        assertThat(u.changes()).containsExactlyInAnyOrder(EventUpdate.Change.STORY_REVISED, EventUpdate.Change.KILLED,
                EventUpdate.Change.TOPICS, EventUpdate.Change.SEVERITY);
        assertThat(u.after().stories()).hasSize(1);
        assertThat(u.after().casualties().killed().count().min()).isEqualTo(4);
        assertThat(g.events()).hasSize(1);
    }

    @Test
    void severityRisesFivePerFurtherOutletUpTo100() {
        EventGrouper g = new EventGrouper();
        g.add(KHARKIV_STRIKE, assess(ATTACK, 3, 88));
        EventUpdate u = g.offer(story("k2", "Wire B", 2, "Three dead as drones slam into Kharkiv high-rise",
                "Three residents were killed when drones hit a high-rise in Kharkiv overnight, Terekhov said."), assess(ATTACK, 3, 60));
        assertThat(u.after().severity()).isEqualTo(93);
        assertThat(u.changes()).contains(EventUpdate.Change.SEVERITY, EventUpdate.Change.OUTLETS)
                .doesNotContain(EventUpdate.Change.KILLED);
        EventUpdate sameOutlet = g.offer(story("k3", "wire b", 3, "Kharkiv: three dead after drones hit high-rise",
                "Three residents were killed when drones hit a high-rise in Kharkiv, Terekhov said."), assess(ATTACK, 3, 60));
        assertThat(sameOutlet.after().severity()).isEqualTo(93);
        EventUpdate third = g.offer(story("k4", "Wire C", 4, "Drones kill three in Kharkiv high-rise",
                "Drones killed three residents of a high-rise in Kharkiv, Terekhov said."), assess(ATTACK, 3, 60));
        assertThat(third.after().severity()).isEqualTo(98);
        assertThat(third.after().outlets()).isEqualTo(3);
    }

    @Test
    void quotesAreMergedAcrossStories() {
        EventGrouper g = new EventGrouper();
        Assessment withQuote = new Assessment(ATTACK, 70, List.of(), Casualties.NONE,
                List.of(new Quote("Terekhov", null, "The city will not be broken")), true);
        Assessment fuller = new Assessment(ATTACK, 70, List.of(), Casualties.NONE,
                List.of(new Quote("Ihor Terekhov", "Mayor", "The city will not be broken.")), true);
        g.add(KHARKIV_STRIKE, withQuote);
        Event e = g.offer(story("k2", "Wire B", 2, "Three dead as drones slam into Kharkiv high-rise",
                "Three residents were killed when drones hit a high-rise in Kharkiv overnight, Terekhov said."), fuller).after();
        assertThat(e.quotes()).containsExactly(new Quote("Ihor Terekhov", "Mayor", "The city will not be broken."));
    }

    @Test
    void undatedStoriesTakeTheNewestTimeSeen() {
        EventGrouper g = new EventGrouper();
        EventId id = g.add(KHARKIV_STRIKE, assess(ATTACK, 3, 70));
        Story undated = new Story("k5", "Wire B", "Three dead as drones slam into Kharkiv high-rise", null, null,
                "Three residents were killed when drones hit a high-rise in Kharkiv overnight, Terekhov said.");
        assertThat(g.add(undated, assess(ATTACK, 3, 70))).isEqualTo(id);
        assertThat(g.event(id).orElseThrow().last()).isEqualTo(T0);
    }

    @Test
    void forgetBeforeDropsOldEvents() {
        EventGrouper g = new EventGrouper();
        EventId id = g.add(KHARKIV_STRIKE, assess(ATTACK, 3, 70));
        assertThat(g.forgetBefore(T0)).isZero();
        assertThat(g.forgetBefore(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(g.event(id)).isEmpty();
        assertThat(g.eventOf("k1")).isEmpty();
    }

    /** The index bounds the work per story: not all pairs, whatever the window holds (not a timed test). */
    @Test
    void candidatesStayBoundedWithTenThousandStoriesInTheWindow() {
        EventSettings settings = EventSettings.defaults();
        EventGrouper g = new EventGrouper(settings);
        String[] cities = {"Kyiv", "Kharkiv", "Odesa", "Dnipro", "Sumy", "Kherson", "Lviv", "Mykolaiv", "Poltava", "Chernihiv"};
        java.util.Random random = new java.util.Random(6);
        for (int i = 0; i < 10_000; i++) {
            String city = cities[i % cities.length];
            Story s = new Story("s" + i, "Outlet " + (i % 7), words(random, 6) + " " + city, null,
                    T0.plusSeconds(i * 15L), city.toUpperCase() + " — " + words(random, 20) + ", said Person"
                    + random.nextInt(500) + ".");
            g.add(s, assess(ATTACK, i % 5, 50));
        }
        assertThat(g.events().size()).isGreaterThan(1_000);
        Story probe = new Story("probe", "Outlet X", words(random, 6) + " Kharkiv", null,
                T0.plusSeconds(10_000 * 15L), "KHARKIV — " + words(random, 20) + ", said Person3.");
        g.add(probe, assess(ATTACK, 1, 50));
        // keys: the place and the speaker's name; at most postingCap events under each
        assertThat(g.lastCandidates()).isPositive().isLessThanOrEqualTo(2 * settings.postingCap());
    }

    /** {@code n} random lower-case words from a vocabulary of 2,000 made-up words. */
    private static String words(java.util.Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int w = random.nextInt(2000);
            sb.append(i == 0 ? "" : " ").append((char) ('a' + w % 26)).append((char) ('a' + w / 26 % 26))
                    .append("ro").append((char) ('a' + w / 676));
        }
        return sb.toString();
    }
}
