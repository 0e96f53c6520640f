package newsalert.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import newsalert.event.EventGrouper;
import newsalert.event.EventId;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one {@link EventGrouper#offer} into an event that already holds {@code members} stories, as
 * in the pipeline benchmark of issue 13, where look-alike everyday items from many feeds pile up in a few
 * large events.
 *
 * <p>Before each iteration, setup groups {@code members} stories of one happening (one city, the same
 * wording with a few words varied, 25 outlets, tolls slowly rising, a quote in one story of four from one
 * of 50 speakers), all within 5 hours, so they form one event (setup checks it). An iteration is then a
 * batch of {@value #BATCH} offers, timed once ({@code SingleShotTime}; the figure is per offer):
 * <ul>
 *   <li>{@link #add}: a new story of the same happening joins the event (it grows to members + batch);</li>
 *   <li>{@link #reofferUnchanged}: an equal copy of a member is offered again (a republished entry);</li>
 *   <li>{@link #reofferChanged}: a member is offered again with one word of its lead changed, and one time
 *       in four its toll raised by one.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, batchSize = LargeEventBenchmark.BATCH)
@Measurement(iterations = 10, batchSize = LargeEventBenchmark.BATCH)
public class LargeEventBenchmark {
    /** Offers per timed iteration. */
    static final int BATCH = 500;
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration SPAN = Duration.ofHours(5);
    private static final String[] WORDS = {"rescuers", "rubble", "overnight", "residents", "building",
        "district", "windows", "sirens", "shelter", "emergency", "damaged", "cars", "fire", "crews", "morning"};

    /** Stories in the event before each iteration. */
    @Param({"100", "1000"})
    public int members;

    private EventGrouper grouper;
    private Random random;
    private Story[] stories;
    private Assessment[] assessments;
    private int next;
    private long revisions;

    @Setup(Level.Iteration)
    public void setUp() {
        random = new Random(13);
        grouper = new EventGrouper();
        stories = new Story[members + 2 * BATCH];
        assessments = new Assessment[stories.length];
        next = 0;
        revisions = 0;
        for (int i = 0; i < members; i++) {
            add();
        }
        if (grouper.size() > 1 + members / 20) {
            throw new IllegalStateException("the stories did not group into one event: " + grouper.size()
                    + " events for " + members + " stories");
        }
    }

    /** A new story of the happening joins the event. */
    @Benchmark
    public EventId add() {
        int n = next++;
        Instant published = START.plus(SPAN.multipliedBy(n).dividedBy(members + 2L * BATCH));
        String outlet = "Outlet " + (n % 25);
        int killed = 5 + n / 200;
        String title = "Missile strike on apartment block in Kharkiv kills " + killed;
        String lead = "KHARKIV — A Russian missile strike hit an apartment block in Kharkiv overnight, killing "
                + killed + " people, " + WORDS[random.nextInt(WORDS.length)] + " and "
                + WORDS[random.nextInt(WORDS.length)] + " said, as " + WORDS[random.nextInt(WORDS.length)]
                + " searched the " + WORDS[random.nextInt(WORDS.length)] + ".";
        List<Quote> quotes = n % 4 == 0
                ? List.of(new Quote("Speaker " + random.nextInt(50), "governor",
                        "we will rebuild every home on street " + random.nextInt(200), null))
                : List.of();
        Story s = new Story("le-" + n, outlet, title, null, published, lead);
        Assessment a = new Assessment(Set.of(Topic.ATTACK), 60 + n % 30, List.of(),
                new Casualties(CasualtyCount.of(killed, newsalert.story.Qualifier.AT_LEAST), null, null), quotes,
                true);
        stories[n] = s;
        assessments[n] = a;
        return grouper.offer(s, a).id();
    }

    /** An equal copy of a member is offered again. */
    @Benchmark
    public EventId reofferUnchanged() {
        int i = random.nextInt(members);
        Story s = stories[i];
        Story copy = new Story(s.id(), s.source(), s.title(), s.link(), s.published(), s.body());
        return grouper.offer(copy, assessments[i]).id();
    }

    /** A member is offered again with one word of its lead changed, one time in four with its toll up by one. */
    @Benchmark
    public EventId reofferChanged() {
        int i = random.nextInt(members);
        Story s = stories[i];
        String body = s.body();
        int cut = body.lastIndexOf(' ');
        body = body.substring(0, cut + 1) + WORDS[random.nextInt(WORDS.length)] + ".";
        Story changed = new Story(s.id(), s.source(), s.title(), s.link(), s.published(), body);
        Assessment a = assessments[i];
        if (revisions++ % 4 == 0) {
            int k = a.casualties().killed().min() + 1;
            a = new Assessment(a.topics(), a.severity(), a.reasons(),
                    new Casualties(CasualtyCount.of(k, newsalert.story.Qualifier.AT_LEAST), null, null), a.quotes(),
                    a.alert());
        }
        stories[i] = changed;
        assessments[i] = a;
        return grouper.offer(changed, a).id();
    }
}
