package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code eval --real} through the command line, with the real analysis over the made-up real-text fixtures. */
class EvalRealCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LABELS = EvalCommandTest.fixture("real/labels");
    private static final String CORPUS = EvalCommandTest.fixture("real/corpus");

    @Test
    void jsonHasOneReportPerSourceAndHalfAndTheBlindOnesListNoMisses() throws Exception {
        EvalCommandTest.Result r = EvalCommandTest.eval("--json", "--misses", "all", "--real", LABELS, "--corpus", CORPUS);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.fieldNames()).toIterable().containsExactly("real:huffpost:working", "real:huffpost:blind",
                "real:wikinews:working", "real:wikinews:blind");
        assertThat(root.get("real:huffpost:working").get("items").asInt()).isEqualTo(3);
        // hp-0011 is labelled ambiguous: out of the topic measures, in the casualty ones
        assertThat(root.get("real:huffpost:working").get("ratios").get("diplomacy.recall").get("total").asInt()).isZero();
        assertThat(root.get("real:huffpost:working").get("ratios").get("killed.count").get("total").asInt()).isEqualTo(3);
        assertThat(root.get("real:huffpost:blind").get("ratios").get("diplomacy.recall").get("total").asInt()).isEqualTo(1);
        for (String blind : new String[] {"real:huffpost:blind", "real:wikinews:blind"}) {
            root.get(blind).get("ratios").forEach(ratio -> assertThat(ratio.get("misses")).isEmpty());
        }
    }

    @Test
    void textShowsTheWorkingMissesOnlyAndSaysWhy() {
        EvalCommandTest.Result r = EvalCommandTest.eval("--misses", "all", "--real", LABELS, "--corpus", CORPUS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("== real:huffpost:working (3 items) ==", "== real:huffpost:blind (2 items) ==",
                "== real:wikinews:working (1 items) ==", "== real:wikinews:blind (1 items) ==")
                .contains(EvalCommand.BLIND_NOTE);
        String blindPart = r.out().substring(r.out().indexOf("== real:huffpost:blind"),
                r.out().indexOf("== real:wikinews:working"));
        assertThat(blindPart).doesNotContain("expected:");
        assertThat(r.out().substring(r.out().indexOf("== real:wikinews:blind"))).doesNotContain("expected:");
    }

    @Test
    void halfWorkingReportsOnlyTheWorkingHalf() {
        EvalCommandTest.Result r = EvalCommandTest.eval("--misses", "0", "--half", "working", "--real", LABELS,
                "--corpus", CORPUS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("== real:huffpost:working", "== real:wikinews:working")
                .doesNotContain(":blind").doesNotContain(EvalCommand.BLIND_NOTE);
    }

    @Test
    void askingForTheBlindHalfsMissesIsRefusedWithTheReason() {
        EvalCommandTest.Result r = EvalCommandTest.eval("--half", "blind", "--misses", "5", "--real", LABELS,
                "--corpus", CORPUS);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the blind half's misses are never shown: reading them would tune the rules"
                + " to it, and its figures would no longer measure unseen text; use --half working to read misses");
        EvalCommandTest.Result figures = EvalCommandTest.eval("--half", "blind", "--real", LABELS, "--corpus", CORPUS);
        assertThat(figures.code()).as(figures.err()).isZero();
        assertThat(figures.out()).contains("== real:huffpost:blind (2 items) ==").doesNotContain("working")
                .doesNotContain("expected:");
    }

    @Test
    void anAbsentCorpusIsOneLineWithExitOne() {
        EvalCommandTest.Result r = EvalCommandTest.eval("--real", LABELS, "--corpus", "no/such/corpus");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly("error: no/such/corpus: corpus folder not found; the real-text"
                + " labels hold ids only and are joined with its text (give --corpus DIR, the folder holding"
                + " huffpost_dev.jsonl and wikinews_dev.jsonl)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void halfWithoutRealOrWithAnUnknownValueIsBadUsage() {
        EvalCommandTest.Result r = EvalCommandTest.eval("--half", "working", EvalCommandTest.fixture("tiny-labels.jsonl"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--half applies to --real only; add --real [DIR]");
        r = EvalCommandTest.eval("--half", "odd", "--real", LABELS, "--corpus", CORPUS);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--half must be working, blind or both: 'odd'");
    }
}
