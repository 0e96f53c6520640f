package newsalert.app;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The feed server of {@link ThreeInstancesTenKillsTest}: {@value #FEEDS} RSS feeds at {@code /k14/fNN.xml}, and a
 * schedule of {@value #STORIES} stories that appear on them one after another ({@link #start} fixes the first
 * moment). Even-numbered stories are attacks with a death toll in a city of their own (alerts), odd-numbered ones
 * quiet local news; every tenth attack is republished a little later with a higher toll (an edit of its alert), and
 * five other attacks appear on a second feed too, as another outlet's report of the same happening
 * ({@link #isTwinned}: one event, which must alert once per chat whichever instances read the two feeds).
 * Each story's guid is {@code k14-fNN-sNNN} and its link {@code http://127.0.0.1/k14/fNN/sNNN}, so that any alert
 * or digest line names it. Every request is logged with its feed and time ({@link #requests}).
 */
final class KillWire extends Dispatcher {
    static final int FEEDS = 50;
    static final int STORIES = 200;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One feed request: the feed's number and when it came ({@link System#nanoTime}). */
    record Request(int feed, long nanos) {
    }

    private static final String[] CITIES = {
        "Aleppo", "Mosul", "Kherson", "Goma", "Mogadishu", "Khartoum", "Kandahar", "Sanaa", "Maiduguri", "Gao",
        "Bunia", "Tripoli", "Benghazi", "Idlib", "Homs", "Kirkuk", "Basra", "Mariupol", "Odesa", "Zaporizhzhia",
        "Sumy", "Kharkiv", "Dnipro", "Mykolaiv", "Marib", "Aden", "Hodeidah", "Peshawar", "Quetta", "Kabul",
        "Herat", "Jalalabad", "Beni", "Butembo", "Bamako", "Mopti", "Niamey", "Diffa", "Ouagadougou", "Djibo",
        "Kaduna", "Zamfara", "Juba", "Malakal", "Bentiu", "El Fasher", "Nyala", "Kassala", "Baidoa", "Kismayo",
    };
    private static final String[] WEAPONS = {"Missile strike", "Drone attack", "Shelling", "Rocket attack",
        "Car bomb", "Airstrike", "Artillery fire", "Mortar attack", "Suicide bombing", "Grenade attack"};
    private static final String[] SITES = {"rail depot", "market", "power station", "bus station", "bridge",
        "fuel depot", "grain store", "water plant", "checkpoint", "apartment block"};
    private static final String[] QUIET = {"library extends its weekend hours", "choir wins regional prize",
        "bakery festival draws crowds", "museum opens a new wing", "marathon route announced",
        "park gets new benches", "school garden harvest shared", "chess club hosts tournament",
        "jazz week programme published", "river clean-up volunteers thanked"};

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Duration spacing;
    private final Duration revisionAfter;
    private volatile long startNanos = Long.MAX_VALUE;
    private volatile Instant startInstant;

    /**
     * @param spacing       time between two stories' first appearance
     * @param revisionAfter how long after its first appearance a revised attack shows its higher toll
     */
    KillWire(Duration spacing, Duration revisionAfter) {
        this.spacing = spacing;
        this.revisionAfter = revisionAfter;
    }

    /** Story 0 appears now, story i at now + i × spacing. */
    void start() {
        startInstant = Instant.now();
        startNanos = System.nanoTime();
    }

    /** @return when the last story (or revision) has appeared, in {@link System#nanoTime} */
    long lastChangeNanos() {
        return startNanos + spacing.toNanos() * (STORIES - 1) + revisionAfter.toNanos();
    }

    /** @return every request so far */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** @return the story's guid, which is also its id in the store */
    static String guid(int story) {
        return "k14-f%02d-s%03d".formatted(feedOf(story), story);
    }

    static int feedOf(int story) {
        return story % FEEDS;
    }

    static boolean isAttack(int story) {
        return story % 2 == 0;
    }

    static boolean isRevised(int story) {
        return story % 20 == 0;
    }

    /**
     * Whether the attack is reported by a second outlet too: the same report, at the same moment, on feed
     * {@link #twinFeedOf}, under the guid {@code k14-fNN-sNNN} with that feed's number (so a message naming either
     * copy names the story's number). The two reports are one event (issue 14: tester14's one event read by two
     * instances must alert once per chat); the stories 6, 26, 46, 66, 86: none of them revised, and each the first
     * of its city and weapon (attack i + 100 has both again and may join its event, so a twin of 126 would be
     * counted in 26's event, not alerted as 126).
     */
    static boolean isTwinned(int story) {
        return story < STORIES / 2 && story % 20 == 6;
    }

    /** The numbers of the {@linkplain #isTwinned twinned} stories. */
    static final List<Integer> TWINNED = java.util.stream.IntStream.range(0, STORIES).filter(KillWire::isTwinned)
            .boxed().toList();

    /** The stories stored once every story appeared: each story, and the second report of each twinned one. */
    static final int STORED = STORIES + TWINNED.size();

    /** @return the feed of a twinned story's second report: half the feeds away from its first */
    static int twinFeedOf(int story) {
        return (feedOf(story) + FEEDS / 2) % FEEDS;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        long now = System.nanoTime();
        if (!path.matches("/k14/f\\d\\d\\.xml")) {
            return new MockResponse.Builder().code(404).build();
        }
        int feed = Integer.parseInt(path.substring(6, 8));
        requests.add(new Request(feed, now));
        return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml").body(feed(feed, now))
                .build();
    }

    private String feed(int feed, long now) {
        StringBuilder items = new StringBuilder();
        for (int i = feed; i < STORIES; i += FEEDS) {
            long appears = startNanos + spacing.toNanos() * i;
            if (startNanos == Long.MAX_VALUE || now < appears) {
                break;
            }
            boolean revised = isRevised(i) && now >= appears + revisionAfter.toNanos();
            items.append(item(i, feed, startInstant.plus(spacing.multipliedBy(i)), revised));
        }
        for (int i : TWINNED) {
            if (twinFeedOf(i) == feed && startNanos != Long.MAX_VALUE && now >= startNanos + spacing.toNanos() * i) {
                items.append(item(i, feed, startInstant.plus(spacing.multipliedBy(i)), false));
            }
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Kill Wire %02d</title><link>http://127.0.0.1/k14/</link>
                <description>Scale-out test feed</description>
                %s</channel></rss>
                """.formatted(feed, items);
    }

    /**
     * @param i    the story's number
     * @param feed the feed that carries this copy: its own ({@link #feedOf}) or a twin's ({@link #twinFeedOf})
     */
    static String item(int i, int feed, Instant published, boolean revised) {
        String title;
        String body;
        if (isAttack(i)) {
            int a = i / 2;
            String city = CITIES[a % CITIES.length];
            String weapon = WEAPONS[a % WEAPONS.length];
            String site = SITES[(a / WEAPONS.length) % SITES.length];
            int dead = 2 + a % 7 + (revised ? 6 : 0);
            title = weapon + " on " + city + " " + site + " kills " + dead + " (report " + i + ")";
            body = "The " + weapon.toLowerCase(java.util.Locale.ROOT) + " hit a " + site + " in " + city + " and killed "
                    + dead + " people, local officials said" + (revised ? " as the toll rose overnight." : ".");
        } else {
            String city = CITIES[(i / 2 + 17) % CITIES.length];
            title = city + " " + QUIET[(i / 2) % QUIET.length] + " (note " + i + ")";
            body = "Residents of " + city + " welcomed the news, the town hall said in a short statement.";
        }
        String id = "k14-f%02d-s%03d".formatted(feed, i);
        return "<item><title>" + title + "</title><link>http://127.0.0.1/k14/f%02d/s%03d".formatted(feed, i)
                + "</link><guid>" + id + "</guid><pubDate>" + RFC_1123.format(published)
                + "</pubDate><description>" + body + "</description></item>\n";
    }

    /** @return the story numbers named in a message text (an alert's id or link, a digest's links) */
    static List<Integer> storiesIn(String text) {
        List<Integer> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("k14[-/]f\\d\\d[-/]s(\\d{3})").matcher(text);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        while (m.find()) {
            int s = Integer.parseInt(m.group(1));
            if (seen.add(s)) {   // an alert names its story twice: link and id
                out.add(s);
            }
        }
        return out;
    }
}
