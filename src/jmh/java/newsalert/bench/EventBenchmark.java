package newsalert.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import newsalert.event.EventGrouper;
import newsalert.event.EventId;
import newsalert.event.EventSettings;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link EventGrouper#add} on one thread, in stories per second, with
 * {@value #WINDOW_STORIES} stories inside the 48 h window.
 *
 * <p>The stories arrive as a steady stream, one every 48 h / {@value #WINDOW_STORIES} of published time, so
 * the window always holds {@value #WINDOW_STORIES} of them: setup adds the first {@value #WINDOW_STORIES},
 * then each benchmark call adds the next one (1 op = 1 story). Every {@value #WINDOW_STORIES} stories the
 * grouper forgets events older than two windows, as a long-running process would. Each story is made up
 * in the call (a few microseconds, included in the figure) from 40 cities, 300 officials and a vocabulary
 * of 400 news words: a dateline, a title of 8 words and a lead of about 30; one in four is another outlet
 * retelling one of the last 300 stories (same title, city and official, half the lead's words replaced),
 * so events do grow. Assessments are drawn per happening (attack, diplomacy or both; a killed count on
 * half): the figure is the grouper alone, without the analysis.
 *
 * <p>{@link #reofferUnchanged} and {@link #reofferChanged} measure a republished entry instead (issue 13):
 * each call offers again one of the {@value #WINDOW_STORIES} stories of the window, picked at random —
 * unchanged (an equal copy, as a feed read again gives), or with its lead's last word changed and, one
 * time in four, its killed count raised by one (an outlet updating its story).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class EventBenchmark {
    /** Stories inside the window. */
    static final int WINDOW_STORIES = 10_000;
    private static final int RECENT = 300;
    private static final Duration WINDOW = Duration.ofHours(48);
    private static final Duration STEP = WINDOW.dividedBy(WINDOW_STORIES);
    private static final String[] CITIES = {"Kyiv", "Kharkiv", "Odesa", "Dnipro", "Sumy", "Kherson", "Lviv",
        "Mykolaiv", "Poltava", "Chernihiv", "Zaporizhzhia", "Kramatorsk", "Belgorod", "Kursk", "Gaza",
        "Khan Younis", "Rafah", "Beirut", "Tyre", "Damascus", "Aleppo", "Idlib", "Baghdad", "Sanaa", "Hodeidah",
        "Khartoum", "Omdurman", "El Fasher", "Mogadishu", "Maiduguri", "Bamako", "Goma", "Peshawar", "Quetta",
        "Kabul", "Srinagar", "Brussels", "Geneva", "Istanbul", "Doha"};

    private EventGrouper grouper;
    private Random random;
    private String[] vocabulary;
    private final Story[] recent = new Story[RECENT];
    private final Assessment[] recentAssessments = new Assessment[RECENT];
    /** Every story of the window, by {@code n % WINDOW_STORIES}, with its assessment. */
    private final Story[] window = new Story[WINDOW_STORIES];
    private final Assessment[] windowAssessments = new Assessment[WINDOW_STORIES];
    private long next;
    private long revisions;
    private Instant start;

    @Setup(Level.Trial)
    public void setUp() {
        random = new Random(2026);
        vocabulary = vocabulary(random);
        grouper = new EventGrouper(EventSettings.defaults().withWindow(WINDOW));
        start = Instant.parse("2026-03-01T00:00:00Z");
        next = 0;
        for (int i = 0; i < WINDOW_STORIES; i++) {
            add();
        }
    }

    /** Makes and adds the next story of the stream. */
    @Benchmark
    public EventId add() {
        long n = next++;
        Instant published = start.plus(STEP.multipliedBy(n));
        Story s;
        Assessment a;
        if (n % 4 == 3 && n > RECENT) {
            // another outlet retells a recent happening: same city, official and half the words
            int r = random.nextInt(RECENT);
            Story old = recent[r];
            String[] lead = old.body().split(" ");
            for (int i = 2; i < lead.length - 2; i += 2) {
                lead[i] = vocabulary[random.nextInt(vocabulary.length)];
            }
            s = new Story("b-" + n, "Outlet " + random.nextInt(25), old.title(), null, published, String.join(" ", lead));
            a = recentAssessments[r];
        } else {
            String city = CITIES[random.nextInt(CITIES.length)];
            String official = "Official" + random.nextInt(300);
            String title = phrase(7) + " " + city;
            String lead = city.toUpperCase() + " — " + phrase(12) + " in " + city + " " + phrase(16) + ", " + official
                    + " said.";
            s = new Story("b-" + n, "Outlet " + random.nextInt(25), title, null, published, lead);
            a = assessment();
        }
        recent[(int) (n % RECENT)] = s;
        recentAssessments[(int) (n % RECENT)] = a;
        window[(int) (n % WINDOW_STORIES)] = s;
        windowAssessments[(int) (n % WINDOW_STORIES)] = a;
        EventId id = grouper.add(s, a);
        if (n % WINDOW_STORIES == 0 && n > 0) {
            grouper.forgetBefore(published.minus(WINDOW.multipliedBy(2)));
        }
        return id;
    }

    /** Offers again, unchanged, one story of the window (an equal copy, as a feed read again gives). */
    @Benchmark
    public EventId reofferUnchanged() {
        int i = random.nextInt(WINDOW_STORIES);
        Story s = window[i];
        Story copy = new Story(s.id(), s.source(), s.title(), s.link(), s.published(), s.body());
        return grouper.offer(copy, windowAssessments[i]).id();
    }

    /**
     * Offers again one story of the window with its lead's last word changed, and one time in four its killed
     * count raised by one; the changed story replaces the old one, so the next pick of it changes it again.
     */
    @Benchmark
    public EventId reofferChanged() {
        int i = random.nextInt(WINDOW_STORIES);
        Story s = window[i];
        long r = revisions++;
        String body = s.body();
        int cut = body.lastIndexOf(' ');
        body = body.substring(0, cut + 1) + vocabulary[random.nextInt(vocabulary.length)];
        Story changed = new Story(s.id(), s.source(), s.title(), s.link(), s.published(), body);
        Assessment a = windowAssessments[i];
        if (r % 4 == 0) {
            CasualtyCount k = a.casualties().killed();
            a = new Assessment(a.topics(), a.severity(), a.reasons(),
                    new Casualties(CasualtyCount.exact(k == null ? 1 : k.min() + 1), null, null), a.quotes(), a.alert());
        }
        window[i] = changed;
        windowAssessments[i] = a;
        return grouper.offer(changed, a).id();
    }

    private Assessment assessment() {
        Set<Topic> topics = switch (random.nextInt(4)) {
            case 0 -> Set.of(Topic.DIPLOMACY);
            case 1 -> Set.of(Topic.ATTACK, Topic.DIPLOMACY);
            default -> Set.of(Topic.ATTACK);
        };
        CasualtyCount killed = random.nextBoolean() ? CasualtyCount.exact(random.nextInt(30)) : null;
        return new Assessment(topics, 40 + random.nextInt(60), List.of(), new Casualties(killed, null, null),
                List.of(), true);
    }

    private String phrase(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return sb.toString();
    }

    private static String[] vocabulary(Random random) {
        String[] base = {"strike", "missile", "drone", "shelling", "talks", "envoy", "ceasefire", "killed",
            "wounded", "residential", "building", "market", "hospital", "school", "port", "convoy", "minister",
            "summit", "sanctions", "delegation", "rescuers", "rubble", "overnight", "morning", "evening",
            "civilians", "soldiers", "police", "governor", "mayor", "army", "rebels", "militants", "border",
            "power", "station", "bridge", "village", "district", "fire"};
        String[] words = new String[400];
        for (int i = 0; i < words.length; i++) {
            words[i] = i < base.length ? base[i] : base[random.nextInt(base.length)].substring(0, 3)
                    + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26)) + "en";
        }
        return words;
    }
}
