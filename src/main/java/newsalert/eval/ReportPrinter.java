package newsalert.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Prints reports as text or as one JSON object.
 *
 * <p>Text: per report a header {@code == label (N items) ==} ({@link EvalReport#label()}: the file names
 * when the report names files, else its name), then per ratio one line
 * {@code name  count/total  value} (value with 3 decimals) followed by up to {@code maxMisses} lines
 * {@code   id  expected: ...  got: ...} and {@code   ... N more}, then the scores.
 *
 * <p>JSON: {@code {"<report name>": {"items": N, ["files": ["<path>", ...],] "ratios": {"<ratio>": {"count", "total", "value",
 * "missCount", "misses": [{"id", "expected", "got"}]}}, "scores": {"<score>": value}}}}, with at most
 * {@code maxMisses} misses per ratio; {@code files} (paths as given) only when the report names files.
 */
public final class ReportPrinter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportPrinter() {
    }

    /**
     * @param reports   the reports in print order
     * @param maxMisses misses shown per ratio (0 or more; {@link Integer#MAX_VALUE} for all)
     * @return the text, ending with a newline
     */
    public static String text(List<EvalReport> reports, int maxMisses) {
        StringBuilder sb = new StringBuilder();
        for (EvalReport r : reports) {
            sb.append("== ").append(r.label()).append(" (").append(r.items()).append(" items) ==\n");
            for (Ratio ratio : r.ratios()) {
                sb.append(String.format(Locale.ROOT, "%-36s %5d/%-5d %.3f%n", ratio.name(), ratio.count(),
                        ratio.total(), ratio.value()));
                List<Miss> misses = ratio.misses();
                int shown = Math.min(maxMisses, misses.size());
                for (Miss m : misses.subList(0, shown)) {
                    sb.append("    ").append(m.id()).append("  expected: ").append(m.expected())
                            .append("  got: ").append(m.got()).append('\n');
                }
                if (shown < misses.size()) {
                    sb.append("    ... ").append(misses.size() - shown).append(" more\n");
                }
            }
            r.scores().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-36s %s%n", k, score(k, v))));
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * @param reports   the reports
     * @param maxMisses misses kept per ratio
     * @return one line of JSON (no trailing newline)
     */
    public static String json(List<EvalReport> reports, int maxMisses) {
        ObjectNode root = MAPPER.createObjectNode();
        for (EvalReport r : reports) {
            ObjectNode rep = root.putObject(r.name());
            rep.put("items", r.items());
            if (!r.files().isEmpty()) {
                ArrayNode files = rep.putArray("files");
                r.files().forEach(files::add);
            }
            ObjectNode ratios = rep.putObject("ratios");
            for (Ratio ratio : r.ratios()) {
                ObjectNode o = ratios.putObject(ratio.name());
                o.put("count", ratio.count());
                o.put("total", ratio.total());
                o.put("value", ratio.value());
                o.put("missCount", ratio.misses().size());
                ArrayNode misses = o.putArray("misses");
                ratio.misses().stream().limit(maxMisses).forEach(m -> misses.addObject()
                        .put("id", m.id()).put("expected", m.expected()).put("got", m.got()));
            }
            ObjectNode scores = rep.putObject("scores");
            r.scores().forEach((k, v) -> {
                if (isCount(k, v)) {
                    scores.put(k, v.longValue());
                } else {
                    scores.put(k, v);
                }
            });
        }
        return root.toString();
    }

    /**
     * @param name  a score's name ({@code macro-f1}, {@code events.found})
     * @param value its value
     * @return a count as a whole number ({@code 56}), any other score to three places ({@code 0.912})
     */
    static String score(String name, double value) {
        return isCount(name, value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }

    /** A whole value of a score that is not a ratio (F1 and the like stay decimals even at 1.000). */
    private static boolean isCount(String name, Double value) {
        return !name.endsWith("f1") && value != null && !value.isInfinite() && value == Math.rint(value)
                && Math.abs(value) < 1e15;
    }
}
