package newsalert.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import newsalert.testing.Corpus;

/**
 * Regression floors on the real-text labels ({@code src/test/resources/eval/real}, joined with
 * {@code ../shared/corpus/news}): the HuffPost working and blind halves, and the Wikinews quote measures. Skipped with a message when
 * {@code ../shared} is absent. Floors sit a little below (ceilings a little above) the figures when they were
 * set, both with hp-0001..hp-0200 alone and with hp-0201..hp-0400 labelled beside them, so adding the second
 * file does not break them; set them again when the labels or the rules change.
 */
class RealTextTargetsTest {
    private static final Path NEWS = Corpus.path("news");
    private static final Path LABELS = Path.of("src", "test", "resources", "eval", "real");
    private static List<EvalReport> reports;

    private static synchronized EvalReport report(String name) {
        assumeTrue(Files.isRegularFile(NEWS.resolve("huffpost_dev.jsonl")),
                Corpus.skipMessage(NEWS.resolve("huffpost_dev.jsonl")));
        if (reports == null) {
            reports = RealTextEvaluator.evaluate(LABELS, NEWS, Assessor.create(AnalysisSettings.defaults())::assess);
            System.out.print(ReportPrinter.text(reports, 0));
        }
        return reports.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no report " + name + " from " + LABELS));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource({
        // figures when set, hp-0001..0200 alone | with hp-0201..0400 | after the topic frames (topics15): working half
        "real:huffpost:working, attack.precision, min, 0.87",       // 9/17 = 0.529 | 17/28 = 0.607 | frames: 19/21 = 0.905
        "real:huffpost:working, attack.recall, min, 0.97",          // 9/9 = 1.000 | 17/19 = 0.895 | frames: 19/19 = 1.000
        "real:huffpost:working, diplomacy.precision, min, 0.90",    // 11/12 = 0.917 | 19/21 = 0.905 | frames: 26/28 = 0.929 | model: 27/29 = 0.931
        "real:huffpost:working, diplomacy.recall, min, 0.95",       // 11/14 = 0.786 | 19/27 = 0.704 | frames: 26/27 = 0.963 | model: 27/27
        "real:huffpost:working, macro-f1, min, 0.93",               // 0.769 | 0.758 | frames: 0.948 | model: 0.957
        "real:huffpost:working, killed.count, min, 0.94",           // 90/97 = 0.928 | 185/197 = 0.939 | frames: 190/197 = 0.964
        "real:huffpost:working, injured.count, min, 0.96",          // 94/97 = 0.969 | 191/197 = 0.970 | frames: 193/197 = 0.980
        // quotes.text floor lowered from 0.62: labelsE labelled three short fragments in working items of hp-0001..0200
        // under the short-fragment rule (12/18 = 0.667 before, 12/21 = 0.571 after; the rules are unchanged)
        "real:huffpost:working, quotes.text, min, 0.56",            // 5/11 = 0.455 | 10/16 = 0.625 | quotes15: 11/16 = 0.688
        "real:huffpost:working, quotes.speaker, min, 0.88",         // 5/5 = 1.000 | 9/10 = 0.900
        "real:huffpost:working, quotes.precision, min, 0.78",       // 5/6 = 0.833 | 9/12 = 0.750 | quotes15: 10/12 = 0.833
        "real:huffpost:working, false-alerts, max, 0.02",           // 5/64 = 0.078 | 7/129 = 0.054 | frames: 1/129 = 0.008
        // blind half: figures only, its misses are never read
        "real:huffpost:blind, attack.precision, min, 0.69",         // 10/15 = 0.667 | 20/33 = 0.606 | frames: 18/25 = 0.720
        "real:huffpost:blind, attack.recall, min, 0.80",            // 10/12 = 0.833 | 20/22 = 0.909 | frames: 18/22 = 0.818
        "real:huffpost:blind, diplomacy.precision, min, 0.70",      // 8/13 = 0.615 | 22/30 = 0.733 | frames: 24/33 = 0.727 | model: 25/34 = 0.735
        "real:huffpost:blind, diplomacy.recall, min, 0.75",         // 8/13 = 0.615 | 22/32 = 0.688 | frames: 24/32 = 0.750 | model: 25/32 = 0.781
        "real:huffpost:blind, macro-f1, min, 0.74",                 // 0.678 | 0.718 | frames: 0.752 | model: 0.762
        "real:huffpost:blind, killed.count, min, 0.90",             // 93/103 = 0.903 | 187/203 = 0.921 | frames: 188/203 = 0.926
        "real:huffpost:blind, injured.count, min, 0.97",            // 102/103 = 0.990 | 201/203 = 0.990
        "real:huffpost:blind, quotes.text, min, 0.60",              // 5/11 = 0.455 | 11/20 = 0.550 | quotes15: 13/20 = 0.650
        "real:huffpost:blind, quotes.speaker, min, 0.98",           // 5/5 = 1.000 | 11/11 = 1.000
        "real:huffpost:blind, quotes.precision, min, 0.72",         // 5/6 = 0.833 | 11/15 = 0.733 | quotes15: 13/17 = 0.765
        "real:huffpost:blind, false-alerts, max, 0.05",             // 4/68 = 0.059 | 8/134 = 0.060 | frames: 5/134 = 0.037
        // Wikinews wn-0001..0300 (quotes15 tuned on the working half of wn-0001..0150 only): working, then blind
        // quote15c (session 12): relative "which X describes as", one clause's quotes, documents as sources, …
        // quote15d (session 13): speaker names, sources, back-references, organisations and documents, fragments
        "real:wikinews:working, quotes.text, min, 0.89",            // 150/212 = 0.708 | quote16: 162/212 = 0.764 | real15: 164/212 = 0.774 | quote15c: 176/212 = 0.830 | quote15d: 192/212 = 0.906
        "real:wikinews:working, quotes.speaker, min, 0.97",         // 139/150 = 0.927 | quote16: 151/162 = 0.932 | real15: 153/164 = 0.933 | quote15c: 166/176 = 0.943 | quote15d: 189/192 = 0.984
        "real:wikinews:working, quotes.precision, min, 0.95",       // 139/152 = 0.914 | quote16: 151/164 = 0.921 | real15: 153/166 = 0.922 | quote15c: 166/178 = 0.933 | quote15d: 189/195 = 0.969
        "real:wikinews:working, killed.count, min, 0.88",           // 138/151 = 0.914
        "real:wikinews:working, injured.count, min, 0.96",          // 149/151 = 0.987
        "real:wikinews:working, false-alerts, max, 0.04",           // 3/145 = 0.021
        "real:wikinews:blind, quotes.text, min, 0.54",              // 116/223 = 0.520 | quote16: 121/223 = 0.543 | quote15c: 124/223 = 0.556
        "real:wikinews:blind, quotes.speaker, min, 0.84",           // 101/116 = 0.871 | quote16: 105/121 = 0.868 | quote15c: 108/124 = 0.871
        "real:wikinews:blind, quotes.precision, min, 0.82",         // 101/118 = 0.856 | quote16: 105/123 = 0.854 | quote15c: 108/126 = 0.857
        "real:wikinews:blind, killed.count, min, 0.84",             // 130/149 = 0.872
        "real:wikinews:blind, injured.count, min, 0.89",            // 137/149 = 0.919
        "real:wikinews:blind, false-alerts, max, 0.03",             // 1/137 = 0.007
    })
    void realTextFigureHoldsItsLimit(String report, String name, String bound, double limit) {
        TargetCheck.check(report(report), name, bound, limit);
    }
}
