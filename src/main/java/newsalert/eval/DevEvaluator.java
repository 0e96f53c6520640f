package newsalert.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Topic;

/**
 * Scores an assessor against labelled items. Ratios, in print order:
 *
 * <ul>
 *   <li>{@code <topic>.precision} (TP / (TP+FP); misses are false positives) and {@code <topic>.recall}
 *       (TP / (TP+FN); misses are false negatives) for attack and diplomacy, counted per item;</li>
 *   <li>for killed, injured and missing: {@code <key>.count} and {@code <key>.qualifier} over all items,
 *       and {@code <key>.qualifier-when-count-right} over the items whose count is present on both sides
 *       and right (see {@link Matching});</li>
 *   <li>{@code quotes.text}, {@code quotes.speaker}, {@code quotes.precision} (see {@link QuoteScorer});</li>
 *   <li>{@code false-alerts}: alerts raised / items labelled with no topic; the listed cases are the alerts.</li>
 * </ul>
 * Scores: {@code <topic>.f1} (harmonic mean of precision and recall, 0 when both are 0) and
 * {@code macro-f1} (mean of the two topic F1s).
 */
public final class DevEvaluator {
    private static final List<String> KEYS = List.of("killed", "injured", "missing");

    private DevEvaluator() {
    }

    /**
     * @param name   the report name, e.g. {@code dev}
     * @param items  labelled items
     * @param assess the analysis under test (e.g. {@code assessor::assess})
     * @return the figures
     */
    public static EvalReport evaluate(String name, List<LabeledItem> items,
                                      Function<newsalert.story.Story, Assessment> assess) {
        return evaluate(name, items, assess, item -> true);
    }

    /**
     * As {@link #evaluate(String, List, Function)}, with the items whose topic is in doubt left out of the
     * topic measures and {@code false-alerts} (they still count for casualties and quotes).
     *
     * @param topicsMeasured false for an item to leave out of the topic measures (e.g. one labelled ambiguous)
     */
    public static EvalReport evaluate(String name, List<LabeledItem> items,
                                      Function<newsalert.story.Story, Assessment> assess,
                                      java.util.function.Predicate<LabeledItem> topicsMeasured) {
        Map<Topic, Tally> precision = new EnumMap<>(Topic.class);
        Map<Topic, Tally> recall = new EnumMap<>(Topic.class);
        for (Topic t : Topic.values()) {
            precision.put(t, new Tally());
            recall.put(t, new Tally());
        }
        Map<String, Tally[]> casualty = new LinkedHashMap<>();
        KEYS.forEach(k -> casualty.put(k, new Tally[] {new Tally(), new Tally(), new Tally()}));
        QuoteScorer quotes = new QuoteScorer();
        Tally falseAlerts = new Tally();
        for (LabeledItem item : items) {
            Assessment a = assess.apply(item.story());
            boolean measured = topicsMeasured.test(item);
            for (Topic t : measured ? Topic.values() : new Topic[0]) {
                boolean want = item.topics().contains(t);
                boolean got = a.topics().contains(t);
                if (got) {
                    precision.get(t).add(want, item.id(), names(item.topics()), names(a.topics()));
                }
                if (want) {
                    recall.get(t).add(got, item.id(), names(item.topics()), names(a.topics()));
                }
            }
            for (String key : KEYS) {
                scoreCount(casualty.get(key), item.id(), get(item.casualties(), key), get(a.casualties(), key));
            }
            quotes.add(item.id(), item.quotes(), a.quotes(), item.tags().contains(QuoteScorer.MORE_QUOTES));
            if (measured && item.topics().isEmpty()) {
                if (a.alert()) {
                    falseAlerts.hit(item.id(), "no alert",
                            "alert " + names(a.topics()) + " severity " + a.severity() + ": " + item.title());
                } else {
                    falseAlerts.pass();
                }
            }
        }
        List<Ratio> ratios = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        double f1sum = 0;
        for (Topic t : Topic.values()) {
            Ratio p = precision.get(t).ratio(t.wireName() + ".precision");
            Ratio r = recall.get(t).ratio(t.wireName() + ".recall");
            ratios.add(p);
            ratios.add(r);
            double f1 = f1(p.value(), r.value());
            scores.put(t.wireName() + ".f1", f1);
            f1sum += f1;
        }
        scores.put("macro-f1", f1sum / Topic.values().length);
        casualty.forEach((key, t) -> {
            ratios.add(t[0].ratio(key + ".count"));
            ratios.add(t[1].ratio(key + ".qualifier"));
            ratios.add(t[2].ratio(key + ".qualifier-when-count-right"));
        });
        ratios.addAll(quotes.ratios());
        ratios.add(falseAlerts.ratio("false-alerts"));
        return new EvalReport(name, items.size(), ratios, scores);
    }

    /** @return the harmonic mean of {@code p} and {@code r}, or 0 when both are 0 */
    public static double f1(double p, double r) {
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    private static void scoreCount(Tally[] t, String id, CasualtyCount want, CasualtyCount got) {
        String e = Matching.show(want);
        String g = Matching.show(got);
        boolean countRight = Matching.sameCount(want, got);
        t[0].add(countRight, id, e, g);
        t[1].add(Matching.sameQualifier(want, got), id, e, g);
        if (countRight && want != null) {
            t[2].add(Matching.sameQualifier(want, got), id, e, g);
        }
    }

    static CasualtyCount get(Casualties c, String key) {
        return switch (key) {
            case "killed" -> c.killed();
            case "injured" -> c.injured();
            default -> c.missing();
        };
    }

    private static String names(Set<Topic> topics) {
        Set<String> s = new TreeSet<>();
        topics.forEach(t -> s.add(t.wireName()));
        return s.toString();
    }
}
