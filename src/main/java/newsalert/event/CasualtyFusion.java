package newsalert.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import newsalert.story.Qualifier;

/**
 * Fuses the figures an event's stories give for one casualty kind (killed, injured or missing) into one.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li><b>An outlet's own latest figure counts.</b> Of the reports of one outlet (source compared
 *       case-insensitively) only the latest published one takes part: outlets update their own stories.
 *       Reports without a time count as later than timed ones, in the order they were added.</li>
 *   <li><b>Tolls rise; a later higher figure supersedes lower ones.</b> The candidates are taken from the
 *       highest {@code min} down; the first that is not contradicted wins.</li>
 *   <li><b>One outlier does not override several agreeing outlets.</b> A figure is contradicted when at least
 *       two <em>other</em> outlets published a lower figure at or after its time (they had the chance to
 *       take it up and did not). So "at least 12", "15", then "rose to 19" gives 19, while a single early
 *       "40" followed by three outlets saying 12 gives 12. But a figure its sentence states as a rise or
 *       revision ("the death toll rose to 30", "has risen to", "revised") is contradicted only when at least
 *       one of those later lower figures is itself stated as an update: late copies of an earlier wire figure
 *       do not pull a reported rise back down, a stated correction does.</li>
 *   <li><b>Among reports of the winning number</b>, an exact figure beats a qualified one ("19" over
 *       "at least 19"); then the latest report.</li>
 * </ol>
 * Zero ("no one was killed") takes part like any figure, so any later non-zero figure supersedes it.
 */
public final class CasualtyFusion {
    private static final Comparator<CountReport> BY_TIME = Comparator.comparing(CountReport::published,
            Comparator.nullsLast(Comparator.naturalOrder()));

    /** Rise or revision wording in the sentence the figure came from (its evidence). */
    private static final Pattern UPDATE_WORDING = Pattern.compile(
            "\\b(?:(?:rises|rose|risen|rising|climbs|climbed|jumped|jumps|increased|increases)\\s+to"
                    + "|has\\s+(?:risen|climbed|increased)|revised|updated)\\b");

    private CasualtyFusion() {
    }

    /**
     * @param reports the figures for one kind, in the order their stories were added; may be empty
     * @return the fused count with all reports (sorted by published time, stable) as provenance, or
     *         {@code null} when {@code reports} is empty
     */
    public static FusedCount fuse(List<CountReport> reports) {
        if (reports.isEmpty()) {
            return null;
        }
        List<CountReport> ordered = new ArrayList<>(reports);
        order(ordered);
        return fuseOrdered(ordered);
    }

    /**
     * The same as {@link #fuse} for reports already in published order ({@link #order}).
     *
     * @param ordered the figures for one kind, sorted as {@link #order} sorts them; not empty
     * @return the fused count with {@code ordered} as provenance
     */
    static FusedCount fuseOrdered(List<CountReport> ordered) {
        Map<String, CountReport> latest = new LinkedHashMap<>();
        for (CountReport r : ordered) {
            latest.put(outlet(r), r); // later replaces earlier: ordered by time
        }
        List<CountReport> current = new ArrayList<>(latest.values());
        CountReport best = null;
        for (CountReport candidate : byFigureDescending(current)) {
            if (best != null && candidate.count().min() < best.count().min()) {
                break;
            }
            if (contradicted(candidate, current)) {
                continue;
            }
            if (best == null || better(candidate, best)) {
                best = candidate;
            }
        }
        if (best == null) {
            // every figure is contradicted by later lower ones: take the lowest of the latest
            best = current.stream().min(Comparator.comparingInt((CountReport r) -> r.count().min())).orElseThrow();
        }
        return new FusedCount(best.count(), ordered);
    }

    /** Sorts reports by published time, stable (reports without a time last, in their order). */
    static void order(List<CountReport> reports) {
        reports.sort(BY_TIME);
    }

    /**
     * Inserts a report into a list in {@link #order}, after every report of the same or an earlier time, so
     * the list is what {@link #order} would give with the report appended last.
     */
    static void insertInOrder(List<CountReport> ordered, CountReport r) {
        int lo = 0;
        int hi = ordered.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (BY_TIME.compare(ordered.get(mid), r) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        ordered.add(lo, r);
    }

    private static List<CountReport> byFigureDescending(List<CountReport> current) {
        List<CountReport> sorted = new ArrayList<>(current);
        sorted.sort(Comparator.comparingInt((CountReport r) -> r.count().min()).reversed());
        return sorted;
    }

    /**
     * At least two other outlets gave a lower figure at or after this report's time, and, when this figure is
     * stated as an update, at least one of them is too.
     */
    private static boolean contradicted(CountReport r, List<CountReport> current) {
        int lowerLater = 0;
        boolean anUpdateAmongThem = false;
        for (CountReport o : current) {
            if (o != r && o.count().min() < r.count().min() && notBefore(o.published(), r.published())) {
                lowerLater++;
                anUpdateAmongThem |= statedAsUpdate(o);
            }
        }
        return lowerLater >= 2 && (anUpdateAmongThem || !statedAsUpdate(r));
    }

    private static boolean statedAsUpdate(CountReport r) {
        String evidence = r.count().evidence();
        return evidence != null && UPDATE_WORDING.matcher(evidence.toLowerCase(Locale.ROOT)).find();
    }

    private static boolean notBefore(Instant a, Instant b) {
        if (a == null) {
            return true;
        }
        return b != null && !a.isBefore(b);
    }

    private static boolean better(CountReport a, CountReport b) {
        boolean ae = a.count().qualifier() == Qualifier.EXACT;
        boolean be = b.count().qualifier() == Qualifier.EXACT;
        if (ae != be) {
            return ae;
        }
        return BY_TIME.compare(a, b) > 0;
    }

    private static String outlet(CountReport r) {
        return r.source().trim().toLowerCase(Locale.ROOT);
    }
}
