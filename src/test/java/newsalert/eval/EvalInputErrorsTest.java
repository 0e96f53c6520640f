package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact messages for files that cannot be read or break the JSON Lines rules, for each kind of eval input. */
class EvalInputErrorsTest {
    /** A valid labelled line: 205 bytes of UTF-8. */
    static final String GOOD = "{\"id\": \"a1\", \"title\": \"Shelling hits market\", \"body\": \"Shelling killed two"
            + " people.\", \"topics\": [\"attack\"], \"casualties\": {\"killed\": {\"min\": 2, \"max\": null,"
            + " \"qualifier\": \"exact\"}}, \"quotes\": [], \"tags\": []}";
    static final String EVENT = "{\"id\": \"e1\", \"event\": \"x\", \"source\": \"Wire\", \"published\":"
            + " \"2026-03-02T01:50:00Z\", \"title\": \"T\", \"body\": \"B\"}";
    static final String WIKI = "{\"Year\": \"2021\", \"Dead\": \"3\", \"Injured\": \"0\", \"Description\":"
            + " \"Gunmen killed three guards.\"}";
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    Path write(String name, byte[]... parts) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, concat(parts));
        return f;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            unclosed object on line 3 | ^{"id": "a3", "title": ^ | 3: not valid JSON: unexpected end of input (an object must close on its line)
            unclosed string           | ^{"id": "a3^            | 3: not valid JSON: unexpected end of input (an object must close on its line)
            text after the object     | ^{"id": "a3"} trailing^  | 3: text after the object at column 14: 'trailing' (one object per line)
            second object on a line   | ^{"id": "a3"}{"id": "a4"}^ | 3: text after the object at column 13: '{"id": "a4"}' (one object per line)
            duplicate key             | ^{"id": "a3", "id": "a4"}^ | 3: key 'id' appears twice in one object
            duplicate nested key      | ^{"id": "a3", "casualties": {"killed": {"min": 1, "min": 2}}}^ | 3: key 'min' appears twice in one object
            unexpected character      | ^{"id": "a3"; "title": "T"}^ | 3: not valid JSON: unexpected character ';' at column 12
            bare word                 | ^{"id": a3}^              | 3: not valid JSON: unknown word 'a3' at column 8 (text must be in double quotes)
            an array                  | ^["a3"]^                  | 3: not a JSON object (each line holds one {...} object)
            misspelt key              | ^{"id": "a3", "casualites": {}}^ | 3: unknown key 'casualites' (known keys: id, title, body, topics, casualties, quotes, tags)
            """)
    void aBadLabelledLineIsNamedInPlainWords(String what, String line, String message) throws Exception {
        Path f = write("labels.jsonl", utf8(GOOD + "\n" + GOOD.replace("a1", "a2") + "\n" + line + "\n"));
        assertThatThrownBy(() -> LabeledReader.read(f)).isInstanceOf(EvalInputException.class)
                .hasMessage(f + ":" + message)
                .satisfies(e -> assertThat(((EvalInputException) e).aboutFormat()).isTrue());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            ^"quotes": []^     | ^"quotes": [{"speeker": "Ann Lee", "role": null, "text": "Go"}]^ | unknown key 'speeker' in a quote (known keys: speaker, role, text)
            ^"min": 2^         | ^"minimum": 2^ | unknown key 'minimum' in killed (known keys: min, max, qualifier)
            ^"killed"^         | ^"dead"^       | unknown casualty key 'dead' (known keys: killed, injured, missing)
            ^{"min": 2, "max": null, "qualifier": "exact"}^ | ^2^ | killed must be an object {min, max, qualifier}
            """)
    void unknownKeysInsideAnItemAreNamedWithTheKnownOnes(String from, String to, String message) throws Exception {
        Path f = write("labels.jsonl", utf8(GOOD.replace(from, to) + "\n"));
        assertThatThrownBy(() -> LabeledReader.read(f)).hasMessage(f + ":1: " + message);
    }

    @Test
    void notUtf8NamesTheLineAndTheByte() throws Exception {
        Path f = write("binary.jsonl", utf8(GOOD + "\n{\"id\": \"a"), new byte[] {(byte) 0xFF, 'x'}, utf8("\"}\n"));
        assertThatThrownBy(() -> LabeledReader.read(f)).isInstanceOf(EvalInputException.class)
                .hasMessage(f + ":2: not UTF-8 text (byte 216 of the file is 0xFF); save it as UTF-8")
                .satisfies(e -> assertThat(((EvalInputException) e).aboutFormat()).isFalse());
    }

    @Test
    void aFileCutInsideACharacterIsNotUtf8() throws Exception {
        Path f = write("cut.jsonl", utf8(GOOD + "\n"), new byte[] {(byte) 0xE2, (byte) 0x80});
        assertThatThrownBy(() -> LabeledReader.read(f))
                .hasMessage(f + ":2: not UTF-8 text (byte 207 of the file is 0xE2); save it as UTF-8");
    }

    @Test
    void aDirectoryIsNotAFileForEveryReader() throws Exception {
        Path d = Files.createDirectory(dir.resolve("adir"));
        String message = d + ": is a directory, not a file";
        assertThatThrownBy(() -> LabeledReader.read(d)).hasMessage(message);
        assertThatThrownBy(() -> EventSetReader.read(d)).hasMessage(message);
        assertThatThrownBy(() -> WikipediaEvaluator.evaluate(d, EvalFixtures.byBody(Map.of()))).hasMessage(message);
        assertThatThrownBy(() -> AgNewsEvaluator.evaluate(d, EvalFixtures.byBody(Map.of()))).hasMessage(message);
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkippedByEveryReader() throws Exception {
        assertThat(LabeledReader.read(write("bom.jsonl", BOM, utf8(GOOD + "\r\n"))))
                .extracting(LabeledItem::id).containsExactly("a1");
        assertThat(EventSetReader.read(write("bom-events.jsonl", BOM, utf8(EVENT + "\n"))))
                .extracting(i -> i.story().id()).containsExactly("e1");
        EvalReport w = WikipediaEvaluator.evaluate(write("bom-wiki.jsonl", BOM, utf8(WIKI + "\n")),
                EvalFixtures.byBody(Map.of()));
        assertThat(w.items()).isEqualTo(1);
        assertThat(w.ratio("killed.all").total()).isEqualTo(1);
        EvalReport ag = AgNewsEvaluator.evaluate(write("bom-ag.csv", BOM, utf8("\"3\",\"Shares climb\",\"Stocks rose.\"\n")),
                EvalFixtures.byBody(Map.of()));
        assertThat(ag.items()).isEqualTo(1);
        assertThat(ag.ratio("false-alerts.business").total()).isEqualTo(1);
    }

    @Test
    void aByteOrderMarkAloneIsAnEmptyFile() throws Exception {
        Path f = write("only-bom.jsonl", BOM, utf8("\n"));
        assertThatThrownBy(() -> LabeledReader.read(f)).hasMessage(f + ": no labelled items");
    }

    @Test
    void aByteOrderMarkLaterInTheFileIsStillAnError() throws Exception {
        Path f = write("bom2.jsonl", utf8(GOOD + "\n"), BOM, utf8(GOOD.replace("a1", "a2") + "\n"));
        assertThatThrownBy(() -> LabeledReader.read(f))
                .hasMessage(f + ":2: not valid JSON: unexpected character U+FEFF at column 1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            trailing text   | ^{"id": "e2"} {}^ | 2: text after the object at column 14: '{}' (one object per line)
            duplicate key   | ^{"id": "e2", "body": "B", "body": "C"}^ | 2: key 'body' appears twice in one object
            misspelt key    | ^{"id": "e2", "titel": "T"}^ | 2: unknown key 'titel' (known keys: id, event, source, published, title, body, link, tags)
            unclosed object | ^{"id": "e2",^ | 2: not valid JSON: unexpected end of input (an object must close on its line)
            """)
    void badEventLinesAreNamedInPlainWords(String what, String line, String message) throws Exception {
        Path f = write("events.jsonl", utf8(EVENT + "\n" + line + "\n"));
        assertThatThrownBy(() -> EventSetReader.read(f)).hasMessage(f + ":" + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            trailing text   | ^{"Dead": "1"},^ | 2: text after the object at column 14: ',' (one object per line)
            duplicate key   | ^{"Dead": "1", "Dead": "2"}^ | 2: key 'Dead' appears twice in one object
            not an object   | ^"Dead"^ | 2: not a JSON object (each line holds one {...} object)
            unclosed object | ^{"Dead": "1"^ | 2: not valid JSON: unexpected end of input (an object must close on its line)
            missing field   | ^{"Dead": "1", "Injured": "0"}^ | 2: 'Description' must be a string
            """)
    void badWikipediaRowsAreNamedInPlainWords(String what, String line, String message) throws Exception {
        Path f = write("wiki.jsonl", utf8(WIKI + "\n" + line + "\n"));
        assertThatThrownBy(() -> WikipediaEvaluator.evaluate(f, EvalFixtures.byBody(Map.of())))
                .isInstanceOf(EvalInputException.class).hasMessage(f + ":" + message)
                .satisfies(e -> assertThat(((EvalInputException) e).aboutFormat()).isTrue());
    }

    @Test
    void extraWikipediaFieldsAreIgnored() throws Exception {
        Path f = write("wiki.jsonl", utf8(WIKI.replace("{", "{\"Country\": \"Freedonia\", \"Notes\": \"\", ") + "\n"));
        assertThat(WikipediaEvaluator.evaluate(f, EvalFixtures.byBody(Map.of())).items()).isEqualTo(1);
    }

    @Test
    void notUtf8RealDataIsNamedToo() throws Exception {
        Path wiki = write("wiki.jsonl", utf8(WIKI + "\n"), new byte[] {'{', (byte) 0xC3, '(', '}', '\n'});
        assertThatThrownBy(() -> WikipediaEvaluator.evaluate(wiki, EvalFixtures.byBody(Map.of())))
                .hasMessage(wiki + ":2: not UTF-8 text (byte 94 of the file is 0xC3); save it as UTF-8");
        Path ag = write("ag.csv", utf8("\"3\",\"Caf"), new byte[] {(byte) 0xE9}, utf8(" opens\",\"x\"\n"));
        assertThatThrownBy(() -> AgNewsEvaluator.evaluate(ag, EvalFixtures.byBody(Map.of())))
                .hasMessage(ag + ":1: not UTF-8 text (byte 9 of the file is 0xE9); save it as UTF-8");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            ^"2","a","b","c"^ | 2: expected 3 fields, found 4
            ^"2","a"^         | 2: expected 3 fields, found 2
            ^"2";"a";"b"^     | 2: expected a comma after field 1
            """)
    void badAgNewsRowsAreNamed(String row, String message) throws Exception {
        Path f = write("ag.csv", utf8("\"3\",\"Shares climb\",\"Stocks rose.\"\n" + row + "\n"));
        assertThatThrownBy(() -> AgNewsEvaluator.evaluate(f, EvalFixtures.byBody(Map.of())))
                .hasMessage(f + ":" + message);
    }
}
