package newsalert.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import newsalert.config.FeedConfig;
import newsalert.store.NewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;

/**
 * {@code run}'s decision path for {@code scan}: each read goes through {@link FeedDecision} and
 * {@link NewsStore#apply} (one transaction) exactly as a poll of a configured feed after its first one, into the
 * store given (scan's temporary one), and comes back entry by entry with what was decided. So {@code scan} shows
 * what {@code run} decides, with the same settings ({@code poll.max-age}, {@code events.window},
 * {@code events.min-outlets}, {@code analysis.alert-severity}), and holds no more than one read's entries at a time
 * besides the event memory.
 *
 * <p>Differences from a poll, all for {@code scan}'s output: the read's entries are decided oldest first
 * (undated ones last, stable), so that events are started by their earliest story as {@code scan} always grouped
 * them; the feed's state is not written; no subscriptions are routed; and each read should come under a key of its
 * own, so that a file given twice is decided twice. Not thread-safe (the event memory is not).
 */
public final class ScanReads {
    /**
     * One entry of a read, as decided.
     *
     * @param story      the story as read (no fallbacks filled in: an undated story has a {@code null} published
     *                   time)
     * @param assessment its assessment
     * @param event      the id of its event once the read is decided, or {@code null} without events
     * @param alert      whether it is alert-worthy and its event has been told by at least
     *                   {@code events.min-outlets} distinct sources once the read is decided (its age aside)
     * @param held       when it is new and has a topic that {@code run} would not alert now, why; else {@code null}
     */
    public record Entry(Story story, Assessment assessment, String event, boolean alert, AlertDecision held) {
    }

    private final FeedEntries entries;
    private final Function<Story, Assessment> assessor;
    private final EventTracker events;

    /**
     * @param store    where the decisions are applied (a temporary store: {@code scan} stores nothing)
     * @param assessor the analysis (pure)
     * @param maxAge   {@code poll.max-age}
     * @param events   the event memory, or {@code null} for none
     * @param cut      {@code analysis.alert-severity}, for the words of a decision; negative when unknown
     */
    public ScanReads(NewsStore store, Function<Story, Assessment> assessor, Duration maxAge, EventTracker events,
                     int cut) {
        this.entries = new FeedEntries(store, assessor, maxAge, events, cut);
        this.assessor = assessor;
        this.events = events;
    }

    /**
     * Decides about one read and applies the decision to the store.
     *
     * @param key  the read's feed key in the store, unique per input
     * @param read the read
     * @param now  the time the read is judged at ({@code poll.max-age}) and undated stories are stamped with
     * @return its entries in the read's order
     * @throws newsalert.store.StoreException when the store does not take the read
     */
    public List<Entry> record(String key, ReadResult.Read read, Instant now) {
        Objects.requireNonNull(key, "key");
        List<Story> raw = read.stories();
        Integer[] order = new Integer[raw.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> raw.get(i).published(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        List<Story> sorted = new ArrayList<>(raw.size());
        for (int i : order) {
            sorted.add(raw.get(i));
        }
        FeedEntries.Outcome o = entries.apply(new FeedConfig(key, null, null),
                new ReadResult.Read(read.title(), sorted, read.etag(), read.lastModified()), false, true, null,
                (story, a) -> List.of(), now, null);
        Map<Integer, AlertDecision> held = new HashMap<>();
        o.decision().held().forEach(h -> held.put(h.entry(), h.decision()));
        Map<String, Assessment> byEntry = new HashMap<>();
        Entry[] out = new Entry[raw.size()];
        for (int k = 0; k < sorted.size(); k++) {
            FeedDecision.Entry e = o.entries().get(k);
            Assessment a = o.decision().assessments().get(k);
            if (a == null) { // skipped unchanged: the same entry earlier in this read, or stored before
                a = byEntry.get(e.entryId());
                if (a == null) {
                    a = assessor.apply(e.story());
                }
            }
            byEntry.putIfAbsent(e.entryId(), a);
            String event = events == null ? null : events.eventOf(e.story().id());
            boolean alert = a.alert() && (events == null || events.minOutlets() <= 1
                    || events.outletsOf(e.story().id()) >= events.minOutlets());
            out[order[k]] = new Entry(sorted.get(k), a, event, alert, held.get(k));
        }
        return Arrays.asList(out);
    }
}
