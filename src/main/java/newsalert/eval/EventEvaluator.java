package newsalert.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import newsalert.event.EventGrouper;
import newsalert.event.EventId;
import newsalert.event.EventSettings;
import newsalert.story.Assessment;
import newsalert.story.Story;

/**
 * Scores event grouping against a labelled set by story pairs (the pairwise measure of clustering
 * evaluation): every unordered pair of stories is either put in one event by the grouper or not, and
 * labelled with one event or not.
 *
 * <ul>
 *   <li>{@code events.precision}: pairs grouped together that are labelled together / pairs grouped
 *       together; misses are pairs wrongly together ({@code expected: apart: A | B}, {@code got: e-…});</li>
 *   <li>{@code events.recall}: pairs labelled together that are grouped together / pairs labelled
 *       together; misses are pairs wrongly apart ({@code expected: together: A}, {@code got: e-… | e-…}).</li>
 * </ul>
 * Scores: {@code events.f1}, {@code events.labelled} (distinct labels) and {@code events.found} (events
 * made). Stories are offered in published order (ties: file order), as {@code scan} does, each assessed
 * first.
 */
public final class EventEvaluator {
    private EventEvaluator() {
    }

    /**
     * @param name     the report name, e.g. {@code events}
     * @param items    labelled stories
     * @param assess   the analysis (topics, casualties) the grouper uses
     * @param settings grouper settings
     * @return the figures
     */
    public static EvalReport evaluate(String name, List<EventItem> items, Function<Story, Assessment> assess,
                                      EventSettings settings) {
        List<EventItem> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparing(i -> i.story().published(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        EventGrouper grouper = new EventGrouper(settings);
        Map<String, EventId> got = new LinkedHashMap<>();
        for (EventItem item : ordered) {
            got.put(item.id(), grouper.add(item.story(), assess.apply(item.story())));
        }
        Tally precision = new Tally();
        Tally recall = new Tally();
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                EventItem a = items.get(i);
                EventItem b = items.get(j);
                boolean want = a.event().equals(b.event());
                EventId ga = got.get(a.id());
                EventId gb = got.get(b.id());
                boolean together = ga.equals(gb);
                String pair = a.id() + " + " + b.id();
                if (together) {
                    precision.add(want, pair, want ? "together: " + a.event() : "apart: " + a.event() + " | "
                            + b.event(), "together in " + ga);
                }
                if (want) {
                    recall.add(together, pair, "together: " + a.event(), together ? "together in " + ga
                            : ga + " | " + gb);
                }
            }
        }
        Ratio p = precision.ratio("events.precision");
        Ratio r = recall.ratio("events.recall");
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("events.f1", DevEvaluator.f1(p.value(), r.value()));
        scores.put("events.labelled", (double) items.stream().map(EventItem::event).distinct().count());
        scores.put("events.found", (double) grouper.events().size());
        return new EvalReport(name, items.size(), List.of(p, r), scores);
    }
}
