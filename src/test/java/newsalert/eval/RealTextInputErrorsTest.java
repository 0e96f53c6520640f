package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import newsalert.story.Assessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code eval --real} refuses, with the file, line and reason, on the made-up corpus of the fixtures. */
class RealTextInputErrorsTest {
    private static final Path CORPUS = RealTextEvaluatorTest.CORPUS;

    @TempDir
    Path dir;

    private List<EvalReport> run() {
        return RealTextEvaluator.evaluate(dir, CORPUS,
                s -> new Assessment(Set.of(), 0, List.of(), null, List.of(), false));
    }

    private Path write(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        // hp-0005's body has 66 characters; hp-0002's quote sits at 1..32
        "{\"id\":\"hp-0005\",\"topics\":[],\"casualties\":{},\"quotes\":[{\"speaker\":\"A\",\"role\":null,\"start\":10,\"end\":500}],\"ambiguous\":false}"
            + "|quote 1 (start 10, end 500) is outside the body (66 characters; start must be below end)",
        "{\"id\":\"hp-0002\",\"topics\":[],\"casualties\":{},\"quotes\":[{\"speaker\":\"A\",\"role\":null,\"start\":0,\"end\":31}],\"ambiguous\":false}"
            + "|quote 1 (start 0, end 31) does not match the body: no quotation mark before start"
            + " (the span reads '“We have agreed to keep talking'; offsets count UTF-16 units)",
        "{\"id\":\"hp-0002\",\"topics\":[],\"casualties\":{},\"quotes\":[{\"speaker\":\"A\",\"role\":null,\"start\":1,\"end\":20}],\"ambiguous\":false}"
            + "|quote 1 (start 1, end 20) does not match the body: no quotation mark after end"
            + " (the span reads 'We have agreed to k'; offsets count UTF-16 units)",
        "{\"id\":\"hp-0002\",\"topics\":[],\"casualties\":{},\"quotes\":[{\"speaker\":\"A\",\"role\":null,\"start\":1,\"end\":32,\"text\":\"x\"}],\"ambiguous\":false}"
            + "|unknown key 'text' in a quote (known keys: speaker, role, start, end)",
        "{\"id\":\"hp-0005\",\"topics\":[],\"casualties\":{},\"quotes\":[],\"ambigous\":false}"
            + "|unknown key 'ambigous' (known keys: id, topics, casualties, quotes, ambiguous, tags)",
        "{\"id\":\"hp-0005\",\"topics\":[],\"casualties\":{},\"quotes\":[]}|'ambiguous' must be true or false",
        "{\"id\":\"hp-0005\",\"id\":\"hp-0007\",\"topics\":[],\"casualties\":{},\"quotes\":[],\"ambiguous\":false}"
            + "|key 'id' appears twice in one object",
        "{\"id\":\"hp-0005\",\"topics\":[],\"casualties\":{\"killed\":{\"min\":1,\"max\":null,\"qualifier\":\"roughly\"}},\"quotes\":[],\"ambiguous\":false}"
            + "|killed.qualifier 'roughly' is not one of exact, at_least, more_than, about, range",
        "{\"id\":\"ag-0001\",\"topics\":[],\"casualties\":{},\"quotes\":[],\"ambiguous\":false}"
            + "|id 'ag-0001' names no corpus (ids start with hp- or wn-)",
    })
    void aBadLineIsRefusedWithItsFileAndLine(String line, String message) throws Exception {
        Path f = write("labels.jsonl",
                "{\"id\":\"hp-0001\",\"topics\":[\"attack\"],\"casualties\":{},\"quotes\":[],\"ambiguous\":false}", line);
        assertThatThrownBy(this::run).isInstanceOf(EvalInputException.class).hasMessage(f + ":2: " + message)
                .satisfies(e -> assertThat(((EvalInputException) e).aboutFormat()).isTrue());
    }

    @Test
    void anIdMissingFromTheCorpusNamesTheCorpusFile() throws Exception {
        Path f = write("labels.jsonl", "{\"id\":\"hp-0999\",\"topics\":[],\"casualties\":{},\"quotes\":[],\"ambiguous\":false}");
        assertThatThrownBy(this::run).isInstanceOf(EvalInputException.class)
                .hasMessage(f + ":1: id hp-0999 is not in " + CORPUS.resolve("huffpost_dev.jsonl"));
    }

    @Test
    void anIdLabelledInTwoFilesIsRefused() throws Exception {
        String line = "{\"id\":\"hp-0005\",\"topics\":[],\"casualties\":{},\"quotes\":[],\"ambiguous\":false}";
        Path a = write("a.jsonl", line);
        Path b = write("b.jsonl", line);
        assertThatThrownBy(this::run).isInstanceOf(EvalInputException.class)
                .hasMessage(b + ": id hp-0005 is labelled again (first in " + a + "); label each item once");
    }

    @Test
    void aFolderWithoutLabelFilesOrWithoutCorpusIsNamed() throws Exception {
        write("notes.txt", "not labels");
        assertThatThrownBy(this::run).isInstanceOf(EvalInputException.class)
                .hasMessage(dir + ": no *.jsonl label files in this folder");
        write("a.jsonl", "{\"id\":\"hp-0005\",\"topics\":[],\"casualties\":{},\"quotes\":[],\"ambiguous\":false}");
        Path absent = dir.resolve("no-corpus");
        assertThatThrownBy(() -> RealTextEvaluator.evaluate(dir, absent, s -> null))
                .isInstanceOf(EvalInputException.class)
                .hasMessageStartingWith(absent + ": corpus folder not found; the real-text labels hold ids only");
        assertThatThrownBy(() -> RealTextEvaluator.evaluate(dir.resolve("a.jsonl"), CORPUS, s -> null))
                .isInstanceOf(EvalInputException.class)
                .hasMessage(dir.resolve("a.jsonl") + ": is a file; --real takes the folder of *.jsonl label files"
                        + " (give the folder, or put labelled files in the dev format before --real)");
        assertThatThrownBy(() -> RealTextEvaluator.evaluate(dir.resolve("nope"), CORPUS, s -> null))
                .isInstanceOf(EvalInputException.class)
                .hasMessageStartingWith(dir.resolve("nope") + ": label folder not found");
    }
}
