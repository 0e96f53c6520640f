package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scores the six hand-made items of {@code tiny-labels.jsonl} against the canned answers of
 * {@code tiny-outputs.jsonl}; every expected count below is worked out by hand from those two files.
 */
class DevEvaluatorTest {
    private static EvalReport report;

    @BeforeAll
    static void evaluate() {
        List<LabeledItem> items = LabeledReader.read(EvalFixtures.path("tiny-labels.jsonl"));
        report = DevEvaluator.evaluate("tiny", items, EvalFixtures.canned("tiny-outputs.jsonl"));
    }

    @ParameterizedTest(name = "{0} = {1}/{2}")
    @CsvSource({
        // attack: TP t1 t2, FP t3 t5, FN t6
        "attack.precision, 2, 4",
        "attack.recall, 2, 3",
        // diplomacy: TP t3, FN t2
        "diplomacy.precision, 1, 1",
        "diplomacy.recall, 1, 2",
        // killed: t2 at_least 3 vs 4 and t3 none vs exact 0 wrong
        "killed.count, 4, 6",
        "killed.qualifier, 5, 6",
        "killed.qualifier-when-count-right, 2, 2",
        // injured: t1 count right (10) but at_least vs exact
        "injured.count, 6, 6",
        "injured.qualifier, 5, 6",
        "injured.qualifier-when-count-right, 1, 2",
        "missing.count, 6, 6",
        "missing.qualifier-when-count-right, 0, 0",
        // six labelled quotes, t6's two not emitted; t4's speaker "Ruiz" is wrong
        "quotes.text, 4, 6",
        "quotes.speaker, 3, 4",
        // six emitted: t3 "nothing", t4 wrong speaker, t5 "move along" are wrong
        "quotes.precision, 3, 6",
        // negatives t4 and t5; t5 alerted
        "false-alerts, 1, 2",
    })
    void ratiosMatchTheHandCount(String name, int count, int total) {
        Ratio r = report.ratio(name);
        assertThat(r.count()).isEqualTo(count);
        assertThat(r.total()).isEqualTo(total);
        if (!name.equals("false-alerts")) {
            assertThat(r.misses()).hasSize(total - count);
        }
    }

    @Test
    void f1AndMacroF1FollowFromPrecisionAndRecall() {
        assertThat(report.score("attack.f1")).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(report.score("diplomacy.f1")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.score("macro-f1")).isCloseTo(13.0 / 21, within(1e-12));
        assertThat(report.ratio("attack.precision").value()).isEqualTo(0.5);
    }

    @Test
    void missesNameTheItemAndBothAnswers() {
        assertThat(report.ratio("attack.recall").misses())
                .containsExactly(new Miss("t6", "[attack]", "[]"));
        assertThat(report.ratio("attack.precision").misses()).extracting(Miss::id).containsExactly("t3", "t5");
        assertThat(report.ratio("killed.count").misses()).containsExactly(
                new Miss("t2", "at_least 3", "at_least 4"), new Miss("t3", "none", "exact 0"));
        assertThat(report.ratio("injured.qualifier").misses())
                .containsExactly(new Miss("t1", "at_least 10", "exact 10"));
        assertThat(report.ratio("quotes.speaker").misses())
                .containsExactly(new Miss("t4", "Ana Ruiz: Nobody saw it coming,", "Ruiz"));
        assertThat(report.ratio("quotes.text").misses()).containsExactly(
                new Miss("t6", "first part,", "not found"), new Miss("t6", "second part", "not found"));
        assertThat(report.ratio("quotes.precision").misses()).containsExactly(
                new Miss("t3", "no labelled quote", "Lee O'Brien: nothing"),
                new Miss("t4", "Ana Ruiz", "Ruiz: Nobody saw it coming"),
                new Miss("t5", "no labelled quote", "Police: move along"));
        assertThat(report.ratio("false-alerts").misses()).containsExactly(
                new Miss("t5", "no alert", "alert [attack] severity 50: Striker fires late winner"));
    }

    @Test
    void aQuoteEmittedTwiceIsPairedOnceAndTheDuplicateIsWrong() {
        LabeledItem item = LabeledReader.parse("{\"id\":\"d1\",\"title\":\"t\",\"body\":\"b\",\"topics\":[],"
                + "\"casualties\":{},\"quotes\":[{\"speaker\":\"Kim Lee\",\"role\":null,\"text\":\"Go on.\"}]}");
        var quote = new newsalert.story.Quote("Kim Lee", null, "Go on");
        EvalReport r = DevEvaluator.evaluate("dup", List.of(item), s -> new newsalert.story.Assessment(
                java.util.Set.of(), 0, List.of(), null, List.of(quote, quote), false));
        assertThat(r.ratio("quotes.text").count()).isEqualTo(1);
        assertThat(r.ratio("quotes.precision").count()).isEqualTo(1);
        assertThat(r.ratio("quotes.precision").total()).isEqualTo(2);
    }

    @ParameterizedTest(name = "f1({0}, {1}) = {2}")
    @CsvSource({"1.0, 1.0, 1.0", "0.5, 1.0, 0.6666666666666666", "0.0, 0.0, 0.0", "0.0, 1.0, 0.0"})
    void f1IsTheHarmonicMean(double p, double r, double f1) {
        assertThat(DevEvaluator.f1(p, r)).isCloseTo(f1, within(1e-12));
    }
}
