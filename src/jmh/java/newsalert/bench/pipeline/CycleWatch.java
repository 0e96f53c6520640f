package newsalert.bench.pipeline;

import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows one cycle in the bot's log: which feeds the bot has finished (stored, found unchanged, or failed)
 * and what it said about them, until every feed is done.
 *
 * <p>Source: the per-feed lines of the poller ({@code feed <url>: first poll, recorded 5 entries without
 * alerting}, {@code feed <url>: 1 new entries, 0 alerts, …}, and at DEBUG {@code feed <url>: not modified};
 * any other {@code feed <url>: …} line counts as a failure), matched by the feed URL whatever the logger.
 * The once-per-cycle line of the metrics issue ({@code poll cycle: 812 feeds, … 4.2 s}) is kept when the
 * bot prints it, and also ends the cycle once the server has answered every feed. Thread-safe.
 */
final class CycleWatch {
    /** A feed's line names it by URL, or by name with the URL in brackets ({@code FeedConfig.label}). */
    private static final Pattern FEED_LINE =
            Pattern.compile(" - feed (?:[^(]*\\()?\\S*/feed/(\\d+)\\.xml\\)?: (.*)$");
    private static final Pattern FIRST = Pattern.compile("^first poll, recorded (\\d+) entries");
    private static final Pattern NEW = Pattern.compile("^(\\d+) new entries, (\\d+) alerts");
    private static final Pattern CYCLE_LINE = Pattern.compile("poll cycle: (.*)$");

    final int number;
    final FeedServer.Cycle served;
    /** The load average (1, 5, 15 minutes) when the cycle ended, set by the driver. */
    volatile String load = "?";
    /** The server's counts when the cycle ended: requests, 304s, last response (epoch ms). */
    volatile long[] servedAtEnd = {0, 0, 0};
    /** The heap when the cycle ended (jstat): used and committed MB. */
    volatile long[] heapAtEnd = {-1, -1};
    private final int feeds;
    private final BitSet done = new BitSet();
    private final CountDownLatch complete = new CountDownLatch(1);
    private int read;
    private int notModified;
    private int failed;
    private int entries;
    private int alertsQueued;
    private long completeMs;
    private String cycleLine;
    private long maxRssKb;
    /** Per instance (several {@code run} processes on one store): feeds it finished first, highest RSS. */
    private final int[] doneBy;
    private final long[] maxRssKbBy;
    /** Feed lines for a feed another line of this cycle had already finished (a feed done twice). */
    private int doneAgain;

    /**
     * @param number the cycle number (1-based)
     * @param served the server's request log for this cycle
     * @param feeds  how many feeds make a whole cycle
     */
    CycleWatch(int number, FeedServer.Cycle served, int feeds) {
        this(number, served, feeds, 1);
    }

    /**
     * @param number    the cycle number (1-based)
     * @param served    the server's request log for this cycle
     * @param feeds     how many feeds make a whole cycle
     * @param instances how many bots log into this watch
     */
    CycleWatch(int number, FeedServer.Cycle served, int feeds, int instances) {
        this.number = number;
        this.served = served;
        this.feeds = feeds;
        this.doneBy = new int[instances];
        this.maxRssKbBy = new long[instances];
    }

    /**
     * Takes one line of the bot's log.
     *
     * @param line the line
     * @param ms   epoch ms at which it was read
     */
    synchronized void logLine(String line, long ms) {
        logLine(line, ms, 0);
    }

    /**
     * Takes one line of one bot's log.
     *
     * @param line     the line
     * @param ms       epoch ms at which it was read
     * @param instance which bot said it (0-based)
     */
    synchronized void logLine(String line, long ms, int instance) {
        Matcher m = FEED_LINE.matcher(line);
        if (m.find()) {
            int f = Integer.parseInt(m.group(1));
            if (done.get(f)) {
                doneAgain++;
                return;
            }
            done.set(f);
            doneBy[instance]++;
            String what = m.group(2);
            Matcher first = FIRST.matcher(what);
            Matcher fresh = NEW.matcher(what);
            if (first.find()) {
                read++;
                entries += Integer.parseInt(first.group(1));
            } else if (fresh.find()) {
                read++;
                entries += Integer.parseInt(fresh.group(1));
                alertsQueued += Integer.parseInt(fresh.group(2));
            } else if (what.startsWith("not modified")) {
                notModified++;
            } else {
                failed++;
            }
            if (done.cardinality() >= feeds) {
                finish(ms);
            }
            return;
        }
        Matcher c = CYCLE_LINE.matcher(line);
        if (c.find()) {
            cycleLine = c.group(1);
            // one bot's cycle line says nothing of the other bots' feeds: with several, only the feeds end a cycle
            if (doneBy.length == 1 && served.requests.get() >= feeds) {
                finish(ms);
            }
        }
    }

    private void finish(long ms) {
        if (completeMs == 0) {
            completeMs = ms;
            complete.countDown();
        }
    }

    /** @return true when the cycle ended within the wait */
    boolean await(long millis) throws InterruptedException {
        return complete.await(millis, TimeUnit.MILLISECONDS);
    }

    synchronized void rss(long kb) {
        rss(kb, 0);
    }

    /** Takes one RSS sample of one bot (kB). */
    synchronized void rss(long kb, int instance) {
        maxRssKb = Math.max(maxRssKb, kb);
        maxRssKbBy[instance] = Math.max(maxRssKbBy[instance], kb);
    }

    /** @return per bot: feeds it finished first in this cycle */
    synchronized int[] doneBy() {
        return doneBy.clone();
    }

    /** @return per bot: highest RSS sampled in this cycle, kB */
    synchronized long[] maxRssKbBy() {
        return maxRssKbBy.clone();
    }

    /** @return feed lines for feeds already finished in this cycle (by the same or another bot) */
    synchronized int doneAgain() {
        return doneAgain;
    }

    /** What the log said about the cycle. */
    record Said(int done, int read, int notModified, int failed, int entries, int alertsQueued, long completeMs,
                String cycleLine, long maxRssKb) {
    }

    synchronized Said said() {
        return new Said(done.cardinality(), read, notModified, failed, entries, alertsQueued, completeMs, cycleLine,
                maxRssKb);
    }
}
