package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared floor/ceiling check for the targets tests. */
final class TargetCheck {
    private TargetCheck() {
    }

    /**
     * @param report the figures
     * @param name   a ratio or score name
     * @param bound  "min" (the figure must not fall below) or "max" (must not rise above)
     * @param limit  the floor or ceiling
     */
    static void check(EvalReport report, String name, String bound, double limit) {
        double value = report.scores().containsKey(name) ? report.score(name) : report.ratio(name).value();
        String what = report.name() + " " + name + " = " + value;
        if (bound.equals("min")) {
            assertThat(value).as(what + " fell below its floor").isGreaterThanOrEqualTo(limit);
        } else {
            assertThat(value).as(what + " rose above its ceiling").isLessThanOrEqualTo(limit);
        }
    }
}
