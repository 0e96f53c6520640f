package newsalert.bench.pipeline;

import java.util.Random;

/**
 * Makes up the text of one feed item for the pipeline benchmark: a title and an HTML body of 1 to 12
 * paragraphs (about 50 bytes to 2.6 KB, median 560), from word lists written for this benchmark (no corpus text).
 *
 * <p>Rule: the text of item {@code (feed, seq)} depends only on those two numbers, so an item served
 * again in a later cycle (republished) is byte for byte what it was. Most items are everyday news
 * (markets, weather, sport, transport, culture) that should not alert; an <em>alert-worthy</em> item
 * reports an attack with a death toll, a count of wounded and a quoted official, in a made-up town, so
 * each one is a distinct event. Place and person names are built from 24 syllables (576 two-syllable
 * places), so the event grouping sees names shared between unrelated stories, as it does in real feeds.
 */
final class BenchItems {
    private static final String[] SYLLABLES = {"va", "ren", "ko", "tes", "la", "mi", "dor", "an", "sel",
        "bru", "ka", "lin", "os", "ter", "vi", "nor", "da", "pel", "ru", "ost", "gar", "me", "zin", "ha"};
    private static final String[] SUBJECTS = {"The city council", "A regional bank", "The port authority",
        "Local farmers", "The national weather office", "A football club", "The rail operator",
        "A group of engineers", "The museum board", "Shop owners", "The water utility", "A film festival",
        "The statistics office", "Teachers' unions", "A software start-up", "The airport operator"};
    private static final String[] VERBS = {"announced", "reported", "opened", "delayed", "approved",
        "unveiled", "postponed", "confirmed", "expanded", "reviewed", "published", "celebrated"};
    private static final String[] OBJECTS = {"a new timetable", "record harvest figures", "plans for a bridge",
        "higher ticket prices", "a summer arts programme", "quarterly results", "a flood warning",
        "a cycling route", "the renovation of the old library", "a youth training scheme",
        "new opening hours", "a recycling plan", "the season's first home match", "a solar farm"};
    private static final String[] DETAILS = {"Residents were invited to comment until the end of the month",
        "The figures were slightly above last year's average", "Officials said the work would take two years",
        "Critics said the cost had risen too fast", "Supporters welcomed the decision after a long debate",
        "The change takes effect next week", "Rain is expected to ease by the weekend",
        "Ticket sales opened online on Monday morning", "The project is funded by a mix of loans and grants",
        "Several smaller towns have asked for the same service", "Attendance rose for the third year running",
        "A spokesperson declined to give a precise date", "Local businesses expect more visitors in spring",
        "The plan was drawn up after a public survey"};
    private static final String[] WEAPONS = {"missile strike", "drone strike", "artillery shelling",
        "rocket attack", "car bomb"};
    private static final String[] TARGETS = {"an apartment block", "a crowded market", "a bus station",
        "a fuel depot", "a school building", "a hospital wing"};
    private static final String[] ROLES = {"the regional governor", "the city's mayor", "a police spokesman",
        "the head of the emergency service"};

    private BenchItems() {
    }

    /** A generated item: guid, title, HTML body (unescaped) and whether it was written to alert. */
    record Item(String guid, String title, String html, boolean alertWorthy) {
    }

    /**
     * @param feed        the feed number (0-based)
     * @param seq         the item's number within its feed (1 = oldest)
     * @param alertWorthy whether to write an attack report
     * @return the item; the same arguments always give the same item
     */
    static Item item(int feed, int seq, boolean alertWorthy) {
        Random r = new Random(feed * 1_000_003L + seq * 7919L);
        String guid = "nb-" + feed + "-" + seq;
        return alertWorthy ? attack(r, guid) : everyday(r, guid);
    }

    private static Item everyday(Random r, String guid) {
        String place = place(r);
        String title = pick(r, SUBJECTS) + " in " + place + " " + pick(r, VERBS) + " " + pick(r, OBJECTS);
        int paragraphs = 1 + (int) Math.min(11, Math.abs(r.nextGaussian()) * 4);
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            sb.append("<p>");
            int sentences = 1 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                if (r.nextInt(3) == 0) {
                    sb.append(pick(r, DETAILS)).append(", according to ").append(person(r)).append(". ");
                } else {
                    sb.append(pick(r, SUBJECTS)).append(" of ").append(place(r)).append(' ')
                            .append(pick(r, VERBS)).append(' ').append(pick(r, OBJECTS)).append(". ");
                }
            }
            sb.setLength(sb.length() - 1);
            sb.append("</p>");
        }
        return new Item(guid, title, sb.toString(), false);
    }

    private static Item attack(Random r, String guid) {
        String town = capital(syllables(r, 3)) + (r.nextBoolean() ? "ovo" : "sk");
        int killed = 3 + r.nextInt(40);
        int wounded = killed + 5 + r.nextInt(60);
        String weapon = pick(r, WEAPONS);
        String target = pick(r, TARGETS);
        String official = person(r);
        String title = capital(weapon) + " on " + target.substring(target.indexOf(' ') + 1) + " in " + town
                + " kills " + killed;
        String html = "<p>At least " + killed + " people were killed and " + wounded + " injured when a "
                + weapon + " hit " + target + " in " + town + " early on Sunday, officials said.</p>"
                + "<p>\u201cThis was a deliberate attack on civilians who were going about their day,\u201d said "
                + official + ", " + pick(r, ROLES) + ".</p>"
                + "<p>Rescue teams were still searching the rubble on Sunday evening, and the death toll "
                + "could rise, the emergency service said. Hospitals in " + town + " asked for blood donors.</p>";
        return new Item(guid, title, html, true);
    }

    private static String place(Random r) {
        return capital(syllables(r, 2 + r.nextInt(2)));
    }

    private static String person(Random r) {
        return capital(syllables(r, 2)) + " " + capital(syllables(r, 3));
    }

    private static String syllables(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(pick(r, SYLLABLES));
        }
        return sb.toString();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String pick(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }
}
