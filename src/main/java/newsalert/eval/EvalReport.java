package newsalert.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The figures of one evaluated set.
 *
 * @param name   the set's key: {@code dev} (the labelled files, pooled), {@code wikipedia}, {@code ag-news},
 *               {@code events}…; the JSON output is keyed by it, so it stays stable
 * @param items  items (rows) read
 * @param ratios measured fractions, in print order
 * @param scores derived figures that are not plain fractions (F1, macro-F1), in print order
 * @param files  the files the items came from, as given (empty when the name says enough); the text header
 *               names them instead of {@code name}
 */
public record EvalReport(String name, int items, List<Ratio> ratios, Map<String, Double> scores,
                         List<String> files) {
    public EvalReport {
        ratios = List.copyOf(ratios);
        scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        files = List.copyOf(files);
    }

    /** A report that names no files. */
    public EvalReport(String name, int items, List<Ratio> ratios, Map<String, Double> scores) {
        this(name, items, ratios, scores, List.of());
    }

    /**
     * @param from the files the items came from, as given on the command line
     * @return this report naming them
     */
    public EvalReport withFiles(List<String> from) {
        return new EvalReport(name, items, ratios, scores, from);
    }

    /** @return this report with every ratio's misses dropped (counts kept), for figures that must stay unread */
    public EvalReport withoutMisses() {
        return new EvalReport(name, items, ratios.stream()
                .map(r -> new Ratio(r.name(), r.count(), r.total(), List.of())).toList(), scores, files);
    }

    /**
     * @return the text header's label: the files' names (last path element) joined by {@code " + "}, or
     *         {@link #name()} when no file is named
     */
    public String label() {
        if (files.isEmpty()) {
            return name;
        }
        return String.join(" + ", files.stream().map(f -> {
            java.nio.file.Path last = java.nio.file.Path.of(f).getFileName();
            return last == null ? f : last.toString();
        }).toList());
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
