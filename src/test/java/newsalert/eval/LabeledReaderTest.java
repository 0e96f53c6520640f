package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import newsalert.story.CasualtyCount;
import newsalert.story.Quote;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabeledReaderTest {
    @Test
    void readsEveryFieldOfTheFixture() {
        List<LabeledItem> items = LabeledReader.read(EvalFixtures.path("tiny-labels.jsonl"));
        assertThat(items).extracting(LabeledItem::id).containsExactly("t1", "t2", "t3", "t4", "t5", "t6");
        LabeledItem t1 = items.get(0);
        assertThat(t1.title()).isEqualTo("Mortar fire kills five in border town");
        assertThat(t1.topics()).containsExactly(Topic.ATTACK);
        assertThat(t1.casualties().killed()).isEqualTo(CasualtyCount.exact(5));
        assertThat(t1.casualties().injured()).isEqualTo(CasualtyCount.of(10, newsalert.story.Qualifier.AT_LEAST));
        assertThat(t1.casualties().missing()).isNull();
        assertThat(t1.quotes()).containsExactly(new Quote("Mark Doe", null, "We are shocked,"));
        assertThat(items.get(5).casualties().killed()).isEqualTo(CasualtyCount.range(20, 25));
        assertThat(items.get(2).quotes().get(0).speaker()).isEqualTo("Lee O’Brien");
        assertThat(t1.story().body()).startsWith("Mortar rounds hit a border town");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-json.jsonl|bad-json.jsonl:2: not valid JSON: unexpected end of input (an object must close on its line)",
        "bad-qualifier.jsonl|bad-qualifier.jsonl:2: killed.qualifier 'roughly' is not one of exact, at_least,"
                + " more_than, about, range",
        "bad-topic.jsonl|bad-topic.jsonl:1: unknown topic 'sport'",
        "duplicate-id.jsonl|duplicate-id.jsonl:3: duplicate id t5",
        "missing-body.jsonl|missing-body.jsonl:1: 'body' must be a string",
    })
    void aBadLineIsNamedWithItsNumber(String fixture, String message) {
        assertThatThrownBy(() -> LabeledReader.read(EvalFixtures.path(fixture)))
                .isInstanceOf(EvalInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> LabeledReader.read(java.nio.file.Path.of("no-such-dir", "x.jsonl")))
                .isInstanceOf(EvalInputException.class)
                .hasMessage(java.nio.file.Path.of("no-such-dir", "x.jsonl") + ": cannot read: no such file");
    }

    @Test
    void rangeNeedsMaxAndOthersMustNotHaveIt() {
        assertThatThrownBy(() -> LabeledReader.parse("{\"id\":\"r\",\"title\":\"\",\"body\":\"\",\"topics\":[],"
                + "\"casualties\":{\"killed\":{\"min\":3,\"max\":5,\"qualifier\":\"exact\"}},\"quotes\":[]}"))
                .hasMessage("killed.max is set exactly when the qualifier is range");
    }
}
