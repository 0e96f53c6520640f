package newsalert.eval;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regression floors on the blind held-out set ({@code src/test/resources/eval/holdout.jsonl}), written
 * by someone who had not seen the rules and never used for tuning. Its figures are the honest estimate
 * of how the analysis does on unseen text; the floors sit a little below them so that a change which
 * helps the dev set at the cost of generality fails the build. Do not tune rules to its misses.
 */
class HoldoutTargetsTest {
    private static EvalReport report;

    @BeforeAll
    static void evaluate() throws URISyntaxException {
        Path holdout = Path.of(HoldoutTargetsTest.class.getResource("/eval/holdout.jsonl").toURI());
        Assessor assessor = Assessor.create(AnalysisSettings.defaults());
        report = DevEvaluator.evaluate("holdout", LabeledReader.read(holdout), assessor::assess);
        System.out.print(ReportPrinter.text(List.of(report), 0));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        // figures when set (first blind run): attack 0.971 / 0.971, diplomacy 0.982 / 0.932, macro-F1 0.964
        "attack.precision, min, 0.95",
        "attack.recall, min, 0.95",
        "diplomacy.precision, min, 0.96",
        "diplomacy.recall, min, 0.91",
        "macro-f1, min, 0.95",
        // killed 0.912, injured 0.929, missing 0.988; qualifier when the count is right 1.000
        "killed.count, min, 0.89",
        "killed.qualifier-when-count-right, min, 0.97",
        "injured.count, min, 0.91",
        "injured.qualifier-when-count-right, min, 0.97",
        "missing.count, min, 0.97",
        // quotes: text found 0.895, speaker 0.915, precision 0.915
        "quotes.text, min, 0.87",
        "quotes.speaker, min, 0.89",
        "quotes.precision, min, 0.89",
        // 0 of 66 hard negatives alerted
        "false-alerts, max, 0.02",
    })
    void figureHoldsItsLimit(String name, String bound, double limit) {
        TargetCheck.check(report, name, bound, limit);
    }
}
