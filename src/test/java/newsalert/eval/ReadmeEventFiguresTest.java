package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.event.EventSettings;
import org.junit.jupiter.api.Test;

/**
 * README's event-grouping table states each set's size and figures; they are what
 * {@code eval --events FILE} prints now, so they cannot drift from the sets and rules (issue 16: README said
 * 162 stories / 52 events after the set had grown to 172 / 56).
 */
class ReadmeEventFiguresTest {
    /** {@code | `events.jsonl` (172 stories, 56 events; …) | 213/213 = 1.000 | 213/213 = 1.000 |} */
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([\\w.-]+\\.jsonl)` \\((\\d+) stories, (\\d+) events;[^|]*\\| (\\d+)/(\\d+) = [\\d.]+ \\| (\\d+)/(\\d+) = [\\d.]+ \\|$",
            Pattern.MULTILINE);

    @Test
    void readmeEventFiguresAreWhatEvalPrints() throws IOException, URISyntaxException {
        Matcher m = ROW.matcher(Files.readString(Path.of("README.md")));
        Assessor assessor = Assessor.create(AnalysisSettings.defaults());
        List<String> sets = new ArrayList<>();
        while (m.find()) {
            String file = m.group(1);
            sets.add(file);
            List<EventItem> items = EventSetReader.read(EventTargetsTest.resource("/eval/" + file));
            EvalReport r = EventEvaluator.evaluate("events", items, assessor::assess, EventSettings.defaults());
            Ratio precision = r.ratio("events.precision");
            Ratio recall = r.ratio("events.recall");
            var events = new HashSet<String>();
            items.forEach(i -> events.add(i.event()));
            assertThat(List.of(items.size(), events.size(), precision.count(), precision.total(), recall.count(),
                    recall.total()))
                    .as("README's row for %s; the figures come from: java -jar target/newsalert.jar eval --events"
                            + " src/test/resources/eval/%s", file, file)
                    .containsExactly(Integer.valueOf(m.group(2)), Integer.valueOf(m.group(3)),
                            Integer.valueOf(m.group(4)), Integer.valueOf(m.group(5)), Integer.valueOf(m.group(6)),
                            Integer.valueOf(m.group(7)));
        }
        assertThat(sets).containsExactly("events.jsonl", "events-holdout.jsonl");
    }
}
