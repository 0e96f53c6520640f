package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code eval} through the command line, with the real analysis over the small fixtures. */
class EvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result eval(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "eval";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Result(code, out.toString(), err.toString());
    }

    static String fixture(String name) {
        try {
            return Path.of(EvalCommandTest.class.getResource("/eval/fixtures/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jsonHoldsEveryMeasureWithTotalsFromTheLabels() throws Exception {
        Result r = eval("--json", fixture("tiny-labels.jsonl"));
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        JsonNode dev = JSON.readTree(r.out()).get("dev");
        assertThat(dev.get("items").asInt()).isEqualTo(6);
        assertThat(dev.get("files")).extracting(JsonNode::asText).containsExactly(fixture("tiny-labels.jsonl"));
        JsonNode ratios = dev.get("ratios");
        assertThat(ratios.get("attack.recall").get("total").asInt()).isEqualTo(3);
        assertThat(ratios.get("diplomacy.recall").get("total").asInt()).isEqualTo(2);
        assertThat(ratios.get("killed.count").get("total").asInt()).isEqualTo(6);
        assertThat(ratios.get("quotes.text").get("total").asInt()).isEqualTo(6);
        assertThat(ratios.get("false-alerts").get("total").asInt()).isEqualTo(2);
        assertThat(ratios.fieldNames()).toIterable().contains("injured.qualifier-when-count-right",
                "missing.qualifier", "quotes.speaker", "quotes.precision", "attack.precision");
        assertThat(dev.get("scores").fieldNames()).toIterable()
                .containsExactly("attack.f1", "diplomacy.f1", "macro-f1");
        JsonNode killed = ratios.get("killed.count");
        assertThat(killed.get("value").asDouble())
                .isEqualTo(killed.get("count").asDouble() / killed.get("total").asDouble());
    }

    @Test
    void textListsEachMeasureAndCutsTheMisses() {
        Result r = eval("--misses", "0", fixture("tiny-labels.jsonl"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("== tiny-labels.jsonl (6 items) ==\n")
                .containsPattern("(?m)^killed\\.count +\\d/6 +\\d\\.\\d{3}$")
                .containsPattern("(?m)^quotes\\.text +\\d/6 +\\d\\.\\d{3}$")
                .containsPattern("(?m)^macro-f1 +\\d\\.\\d{3}$")
                .doesNotContain("expected:");
    }

    @Test
    void missesAllShowsEveryMissAndTwoFilesArePooled() throws Exception {
        Path copy = dir.resolve("more.jsonl");
        String tiny = Files.readString(Path.of(fixture("tiny-labels.jsonl")));
        Files.writeString(copy, tiny.replace("\"id\": \"t", "\"id\": \"u"));
        Result r = eval("--json", "--misses", "all", fixture("tiny-labels.jsonl"), copy.toString());
        JsonNode ratios = JSON.readTree(r.out()).get("dev").get("ratios");
        assertThat(JSON.readTree(r.out()).get("dev").get("items").asInt()).isEqualTo(12);
        assertThat(JSON.readTree(r.out()).get("dev").get("files")).extracting(JsonNode::asText)
                .containsExactly(fixture("tiny-labels.jsonl"), copy.toString());
        for (JsonNode ratio : ratios) {
            assertThat(ratio.get("misses").size()).isEqualTo(ratio.get("missCount").asInt());
        }
        assertThat(eval("--misses", "0", fixture("tiny-labels.jsonl"), copy.toString()).out())
                .startsWith("== tiny-labels.jsonl + more.jsonl (12 items) ==\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-qualifier.jsonl|:2: killed.qualifier 'roughly' is not one of exact, at_least, more_than, about, range",
        "bad-json.jsonl|:2: not valid JSON: unexpected end of input (an object must close on its line)",
    })
    void badLineGivesExitOneAndOneLineThatPointsToTheFormats(String name, String message) {
        Result r = eval(fixture(name));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: " + fixture(name) + message
                + "; file formats: README.md, section \"eval\"\n");
    }

    @Test
    void unreadableFilesSaySoWithoutTheFormatPointer() throws Exception {
        Path adir = Files.createDirectory(dir.resolve("adir"));
        for (String option : new String[] {"--wikipedia", "--ag-news", "--events"}) {
            Result r = eval(option, adir.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("error: " + adir + ": is a directory, not a file\n");
        }
        Path binary = dir.resolve("binary.jsonl");
        Files.write(binary, new byte[] {'{', '"', (byte) 0x89, 'P', 'N', 'G'});
        Result r = eval(binary.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + binary + ":1: not UTF-8 text (byte 3 of the file is 0x89);"
                + " save it as UTF-8\n");
    }

    @Test
    void aLabelledFileWithAByteOrderMarkGivesTheSameFigures() throws Exception {
        Path bom = dir.resolve("tiny-bom.jsonl");
        byte[] tiny = Files.readAllBytes(Path.of(fixture("tiny-labels.jsonl")));
        byte[] withMark = new byte[tiny.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(tiny, 0, withMark, 3, tiny.length);
        Files.write(bom, withMark);
        Result plain = eval("--json", "--misses", "all", fixture("tiny-labels.jsonl"));
        Result marked = eval("--json", "--misses", "all", bom.toString());
        assertThat(marked.code()).isZero();
        assertThat(JSON.readTree(marked.out()).get("dev").get("ratios"))
                .isEqualTo(JSON.readTree(plain.out()).get("dev").get("ratios"));
    }

    @Test
    void missingFilesAreNamed() {
        Path missing = dir.resolve("nope.jsonl");
        assertThat(eval(missing.toString()).err()).isEqualTo("error: " + missing + ": cannot read: no such file\n");
        Result w = eval("--wikipedia", missing.toString());
        assertThat(w.code()).isEqualTo(1);
        assertThat(w.err()).isEqualTo("error: " + missing + ": cannot read: no such file\n");
        assertThat(eval("--ag-news", missing.toString()).code()).isEqualTo(1);
    }

    @Test
    void realFormatFilesAreReadThroughTheirOptions() throws Exception {
        Result r = eval("--json", "--wikipedia", fixture("wikipedia-mini.jsonl"), "--ag-news", fixture("ag-mini.csv"));
        assertThat(r.code()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.fieldNames()).toIterable().containsExactly("wikipedia", "ag-news");
        assertThat(root.get("wikipedia").get("ratios").get("killed.stated").get("total").asInt()).isEqualTo(3);
        assertThat(root.get("ag-news").get("ratios").get("false-alerts").get("total").asInt()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--misses|-1",
        "--misses|some",
    })
    void badMissesIsAUsageError(String option, String value) {
        Result r = eval(option, value, fixture("tiny-labels.jsonl"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--misses must be a number (0 or more) or 'all'");
    }

    @Test
    void noInputIsAUsageError() {
        Result r = eval();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("give at least one labelled file, --wikipedia, --ag-news, --events or --real");
    }

    @Test
    void badConfigIsOneLine() throws Exception {
        Path cfg = dir.resolve("bad.yml");
        Files.writeString(cfg, "analysis:\n  lexicon: " + dir.resolve("no-lexicon.yml") + "\n");
        Result r = eval("--config", cfg.toString(), fixture("tiny-labels.jsonl"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().satisfies(l -> assertThat(l).startsWith("error: "));
    }

    @Test
    void eventsGivesPairwisePrecisionAndRecall() throws Exception {
        String set = Path.of(EvalCommandTest.class.getResource("/eval/events-holdout.jsonl").toURI()).toString();
        Result text = eval("--events", set);
        assertThat(text.code()).isZero();
        assertThat(text.out()).startsWith("== events (30 items) ==\n").contains("events.precision").contains("events.recall")
                .contains("events.labelled                      12\n")
                .containsPattern("events\\.found +[0-9]+\n")
                .containsPattern("events\\.f1 +[01]\\.[0-9]{3}\n");
        JsonNode json = JSON.readTree(eval("--json", "--events", set).out()).get("events");
        assertThat(json.get("items").asInt()).isEqualTo(30);
        assertThat(json.get("scores").get("events.labelled").isIntegralNumber()).isTrue();
        assertThat(json.get("scores").get("events.f1").isFloatingPointNumber()).isTrue();
        assertThat(json.get("ratios").get("events.recall").get("total").asInt()).isEqualTo(29);
        assertThat(json.get("ratios").get("events.recall").has("misses")).isTrue();
    }
}
