package newsalert.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The figures of one evaluated set.
 *
 * @param name   the set: {@code dev}, {@code wikipedia} or {@code ag-news}
 * @param items  items (rows) read
 * @param ratios measured fractions, in print order
 * @param scores derived figures that are not plain fractions (F1, macro-F1), in print order
 */
public record EvalReport(String name, int items, List<Ratio> ratios, Map<String, Double> scores) {
    public EvalReport {
        ratios = List.copyOf(ratios);
        scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /**
     * @param ratioName a name from {@link #ratios()}
     * @return that ratio
     * @throws NoSuchElementException when there is none by that name
     */
    public Ratio ratio(String ratioName) {
        return ratios.stream().filter(r -> r.name().equals(ratioName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no ratio " + ratioName + " in " + name));
    }

    /**
     * @param scoreName a key of {@link #scores()}
     * @return its value
     * @throws NoSuchElementException when there is none by that name
     */
    public double score(String scoreName) {
        Double v = scores.get(scoreName);
        if (v == null) {
            throw new NoSuchElementException("no score " + scoreName + " in " + name);
        }
        return v;
    }
}
