package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.event.EventSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Floors on event grouping (issue 6 targets: pairwise precision ≥ 0.95, recall ≥ 0.90). The labelled set
 * {@code events.jsonl} was written while the rules were built, so its floors sit just below its figures;
 * {@code events-holdout.jsonl} was written before the rules and never used for tuning, and is held to the
 * issue's targets. Do not tune the rules to the hold-out's misses.
 */
class EventTargetsTest {
    private static EvalReport dev;
    private static EvalReport holdout;
    private static List<EventItem> devItems;

    @BeforeAll
    static void evaluate() throws URISyntaxException {
        Assessor assessor = Assessor.create(AnalysisSettings.defaults());
        devItems = EventSetReader.read(resource("/eval/events.jsonl"));
        dev = EventEvaluator.evaluate("events", devItems, assessor::assess, EventSettings.defaults());
        holdout = EventEvaluator.evaluate("events-holdout", EventSetReader.read(resource("/eval/events-holdout.jsonl")),
                assessor::assess, EventSettings.defaults());
        System.out.print(ReportPrinter.text(List.of(dev, holdout), 5));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(EventTargetsTest.class.getResource(name).toURI());
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource({
        // figures when set: dev 204/204 = 1.000 precision and recall; hold-out 29/29 = 1.000 both
        // (dev with the 10 round-up / second-attack rows: 213/213 both; with the 23 same-city-same-day-other-target
        // rows of issue 15: 225/225 both, where the rules before it scored 225/231 = 0.974 precision)
        "dev, events.precision, min, 0.97",
        "dev, events.recall, min, 0.96",
        "holdout, events.precision, min, 0.95",
        "holdout, events.recall, min, 0.90",
    })
    void figureHoldsItsLimit(String set, String name, String bound, double limit) {
        TargetCheck.check(set.equals("dev") ? dev : holdout, name, bound, limit);
    }

    /** The set is as large and as varied as the issue asks: ≥ 150 stories, ≥ 40 events, many outlets. */
    @Test
    void labelledSetIsLargeEnough() {
        Set<String> events = new HashSet<>();
        Set<String> sources = new HashSet<>();
        Set<String> tags = new HashSet<>();
        devItems.forEach(i -> {
            events.add(i.event());
            sources.add(i.story().source());
            tags.addAll(i.tags());
        });
        assertThat(devItems).hasSizeGreaterThanOrEqualTo(150);
        assertThat(events).hasSizeGreaterThanOrEqualTo(40);
        assertThat(sources).hasSizeGreaterThanOrEqualTo(8);
        assertThat(tags).contains("same-city-other-kind", "same-city-two-days-later", "same-night-other-city",
                "diplomacy-in-struck-city", "toll-update", "same-actor-same-day", "same-city-same-day-same-kind",
                "same-city-other-weapon", "lower-toll-next-night", "round-up", "same-city-same-day-other-target");
        assertThat(dev.score("events.labelled")).isEqualTo(68.0);
    }
}
