package newsalert.eval;

import java.util.ArrayList;
import java.util.List;

/** Counts right and wrong cases and keeps the wrong ones; turns into a {@link Ratio}. Not thread-safe. */
final class Tally {
    private int count;
    private int total;
    private final List<Miss> misses = new ArrayList<>();

    /** Adds one case; a wrong one is kept as a miss. */
    void add(boolean right, String id, String expected, String got) {
        total++;
        if (right) {
            count++;
        } else {
            misses.add(new Miss(id, expected, got));
        }
    }

    /** Adds one case counted as a hit that is also listed (e.g. a false alert is counted and shown). */
    void hit(String id, String expected, String got) {
        total++;
        count++;
        misses.add(new Miss(id, expected, got));
    }

    /** Adds one case counted as a hit and not listed. */
    void count() {
        total++;
        count++;
    }

    /** Adds one case that is neither counted nor listed. */
    void pass() {
        total++;
    }

    Ratio ratio(String name) {
        return new Ratio(name, count, total, misses);
    }
}
