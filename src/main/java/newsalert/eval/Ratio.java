package newsalert.eval;

import java.util.List;

/**
 * A measured fraction {@code count / total} with the cases that went wrong.
 *
 * @param name   dotted measure name, e.g. {@code killed.count} or {@code attack.precision}
 * @param count  cases counted (right answers; for {@code false-alerts} the alerts raised)
 * @param total  cases measured
 * @param misses the wrong cases in input order (all of them; printers cut the list)
 */
public record Ratio(String name, int count, int total, List<Miss> misses) {
    public Ratio {
        misses = List.copyOf(misses);
        if (count < 0 || total < 0 || count > total) {
            throw new IllegalArgumentException(name + ": bad count " + count + "/" + total);
        }
    }

    /** @return {@code count / total}, or 0.0 when nothing was measured */
    public double value() {
        return total == 0 ? 0.0 : (double) count / total;
    }
}
