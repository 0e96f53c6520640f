package newsalert.bench.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the benchmark's feeds hold in each cycle: the scenario of the cycle, which items each feed lists,
 * which of them were written to alert, and the RSS 2.0 document served.
 *
 * <p>Rules: cycle 1 is {@link Scenario#FIRST} (every item new to the bot), even cycles are
 * {@link Scenario#NOT_MODIFIED} (content, ETag and Last-Modified unchanged, so a conditional GET gets a
 * 304), odd cycles from 3 on are {@link Scenario#CHANGED} (each feed gains one new item and keeps its
 * {@code items - 1} newest ones, unchanged). A feed's content <em>version</em> counts the changed cycles
 * so far; version {@code v} lists items {@code v+1 .. v+items}, newest first. Item {@code seq} of feed
 * {@code f} is alert-worthy when {@code (f + 13 seq) % alertEvery == 0} for the first version's items and
 * {@code (f + 7 seq) % alertEvery == 0} for later ones, so every changed cycle has {@code feeds / alertEvery}
 * (rounded) alert-worthy new items, each in a different feed.
 */
final class FeedPlan {
    /** What a cycle asks of the bot. */
    enum Scenario { FIRST, NOT_MODIFIED, CHANGED }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final int feeds;
    private final int items;
    private final int alertEvery;
    private final String base;
    /** Epoch seconds at which each content version appeared, set when its cycle opens. */
    private final long[] versionTime;

    /**
     * @param feeds      number of feeds
     * @param items      items per feed (at least 2)
     * @param alertEvery one feed in this many gets an alert-worthy new item per changed cycle
     * @param cycles     number of cycles planned
     * @param base       the server's base URL, e.g. {@code http://127.0.0.1:41234}
     */
    FeedPlan(int feeds, int items, int alertEvery, int cycles, String base) {
        this.feeds = feeds;
        this.items = items;
        this.alertEvery = alertEvery;
        this.base = base;
        this.versionTime = new long[cycles + 1];
    }

    /** @return the scenario of cycle {@code cycle} (1-based) */
    static Scenario scenario(int cycle) {
        return cycle == 1 ? Scenario.FIRST : cycle % 2 == 0 ? Scenario.NOT_MODIFIED : Scenario.CHANGED;
    }

    /** @return the content version served in cycle {@code cycle}: the number of changed cycles up to it */
    static int version(int cycle) {
        return (cycle - 1) / 2;
    }

    int feeds() {
        return feeds;
    }

    int items() {
        return items;
    }

    /** @return the highest item number any cycle up to {@code cycles} can list */
    int maxSeq(int cycles) {
        return version(cycles) + items;
    }

    /** @return the URL of feed {@code f} */
    String url(int f) {
        return base + "/feed/" + f + ".xml";
    }

    /** Stamps the time of {@code version}'s content (the first time only). */
    void open(int version, Instant now) {
        if (versionTime[version] == 0) {
            versionTime[version] = now.getEpochSecond();
        }
    }

    /** @return the version in which item {@code seq} first appears */
    int bornIn(int seq) {
        return Math.max(0, seq - items);
    }

    /** @return whether item {@code seq} of feed {@code f} is written to alert */
    boolean alertWorthy(int f, int seq) {
        return seq <= items ? (f + 13 * seq) % alertEvery == 0 : (f + 7 * seq) % alertEvery == 0;
    }

    /** @return the item numbers feed {@code f} lists in {@code version}, newest first */
    List<Integer> seqs(int version) {
        return java.util.stream.IntStream.range(0, items).map(k -> version + items - k).boxed().toList();
    }

    /** @return the ETag header value of feed {@code f} in {@code version} */
    String etag(int f, int version) {
        return "\"f" + f + "-v" + version + "\"";
    }

    /** @return the Last-Modified header value of {@code version} */
    String lastModified(int version) {
        return HTTP_DATE.format(Instant.ofEpochSecond(versionTime[version]));
    }

    /** @return the epoch second of {@code version}'s content */
    long versionSecond(int version) {
        return versionTime[version];
    }

    /** @return the published time of item {@code seq} of feed {@code f}: minutes to hours before it appeared */
    Instant published(int f, int seq) {
        long born = versionTime[bornIn(seq)];
        long minutesBack = seq <= items ? (items - seq + 1) * 41L + f % 50 : f % 9;
        return Instant.ofEpochSecond(born - minutesBack * 60);
    }

    /** @return the RSS 2.0 document of feed {@code f} in {@code version}, UTF-8 */
    byte[] render(int f, int version) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n<title>Bench Wire ")
                .append(f).append("</title>\n<link>").append(base).append("/site/").append(f)
                .append("/</link>\n<description>Generated news for the newsalert pipeline benchmark</description>\n")
                .append("<lastBuildDate>").append(lastModified(version)).append("</lastBuildDate>\n");
        boolean cdata = f % 3 == 0;
        for (int seq : seqs(version)) {
            BenchItems.Item it = BenchItems.item(f, seq, alertWorthy(f, seq));
            sb.append("<item><title>").append(escape(it.title())).append("</title><link>").append(base)
                    .append("/story/").append(f).append('/').append(seq).append("</link><guid isPermaLink=\"false\">")
                    .append(it.guid()).append("</guid><pubDate>").append(HTTP_DATE.format(published(f, seq)))
                    .append("</pubDate><description>");
            if (cdata) {
                sb.append("<![CDATA[").append(it.html()).append("]]>");
            } else {
                sb.append(escape(it.html()));
            }
            sb.append("</description></item>\n");
        }
        sb.append("</channel></rss>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
