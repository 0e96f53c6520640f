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
 * Regression floors on the development set ({@code src/test/resources/eval/dev.jsonl}) with the default
 * analysis. The limits sit a little below (ceilings a little above) the figures reached when they were
 * set; raise them as the analysis improves. The figures are printed on every run.
 */
class DevSetTargetsTest {
    private static EvalReport report;

    @BeforeAll
    static void evaluate() throws URISyntaxException {
        Path dev = Path.of(DevSetTargetsTest.class.getResource("/eval/dev.jsonl").toURI());
        Assessor assessor = Assessor.create(AnalysisSettings.defaults());
        report = DevEvaluator.evaluate("dev", LabeledReader.read(dev), assessor::assess);
        System.out.print(ReportPrinter.text(List.of(report), 0));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        // figures when raised (after the issue-3 analysis work): 1.000, 1.000, 0.991, 1.000, macro-F1 0.998
        "attack.precision, min, 0.98",
        "attack.recall, min, 0.98",
        "diplomacy.precision, min, 0.98",
        "diplomacy.recall, min, 0.98",
        "macro-f1, min, 0.98",
        // 0.997, 0.997, 1.000
        "killed.count, min, 0.98",
        "killed.qualifier, min, 0.98",
        "killed.qualifier-when-count-right, min, 0.99",
        // 0.997, 0.997, 1.000
        "injured.count, min, 0.98",
        "injured.qualifier, min, 0.98",
        "injured.qualifier-when-count-right, min, 0.99",
        // 1.000, 1.000
        "missing.count, min, 0.99",
        "missing.qualifier, min, 0.99",
        // 0.953, 1.000, 1.000
        "quotes.text, min, 0.93",
        "quotes.speaker, min, 0.97",
        "quotes.precision, min, 0.98",
        // 0 of 118 hard negatives alerted; the limit is 2 %
        "false-alerts, max, 0.02",
    })
    void figureHoldsItsLimit(String name, String bound, double limit) {
        TargetCheck.check(report, name, bound, limit);
    }
}
