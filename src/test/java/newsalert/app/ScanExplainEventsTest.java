package newsalert.app;

import static newsalert.app.ScanCommandTest.lines;
import static newsalert.app.ScanCommandTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code scan --events --explain} on {@code src/test/resources/explain/}: three outlets report a night-time
 * drone strike on a Kharkiv apartment block (Northern Wire 01:50 and Harbour Post 03:05, 3 killed; Eastern
 * Times 15:20, "death toll rises to five"), and Harbour Post reports a drone strike on Odesa port at 02:40
 * quoting the same air force spokesman.
 */
class ScanExplainEventsTest {
    private static String dir() {
        try {
            return Path.of(ScanExplainEventsTest.class.getResource("/explain/northern-wire.xml").toURI()).getParent()
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> explainLines(String out) {
        return out.lines().filter(l -> l.startsWith("  + ")).toList();
    }

    @Test
    void textExplainsEachStoryUnderItsEvent() {
        ScanCommandTest.Result r = scan("--events", "--explain", dir());
        assertThat(r.code()).isZero();
        List<String> lines = explainLines(r.out());
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("  + Northern Wire 03-02 01:50: started the event: no event in the 48 h"
                + " window shares a place or name with it");
        assertThat(lines.get(1)).startsWith("  + Harbour Post 03-02 03:05: joined: wording ")
                .contains("(needed 0.15: 0.20 base at 1.3 h, -0.05 same or rising toll)", "(needed 0.10)",
                        "places shared: kharkiv", "names shared: oleh, syniehubov", "same kind attack");
        assertThat(lines.get(2)).startsWith("  + Eastern Times 03-02 15:20: joined: wording ")
                .contains("0.20 base, +0.01 for 13.5 h later, -0.05 same or rising toll", "places shared: kharkiv",
                        "update wording");
        assertThat(lines.get(3)).startsWith("  + Harbour Post 03-02 02:40: started the event; closest of 1 candidate, e-")
                .endsWith("refused: different place (odesa vs kharkiv)");
        // the explanation follows the event's story lines, before the empty line that ends the entry
        assertThat(r.out()).contains("https://easterntimes.example.test/et-kharkiv-2\n" + lines.get(0) + "\n");
        assertThat(r.out()).contains(lines.get(2) + "\n\n[EVENT]");
    }

    @Test
    void withoutExplainTheTextHasNoExplanationLines() {
        ScanCommandTest.Result r = scan("--events", dir());
        assertThat(explainLines(r.out())).isEmpty();
        assertThat(r.out()).contains("3 (Northern Wire 03-02 01:50), 3 (Harbour Post 03-02 03:05),"
                + " 5 (Eastern Times 03-02 15:20)");
    }

    @Test
    void jsonGetsAnExplainArrayOnlyWithExplain() throws Exception {
        List<JsonNode> plain = lines(scan("--events", "--json", dir()).out());
        List<JsonNode> explained = lines(scan("--events", "--json", "--explain", dir()).out());
        assertThat(plain).hasSize(2);
        assertThat(explained).hasSize(2);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(plain.get(i).has("explain")).isFalse();
            JsonNode copy = explained.get(i).deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("explain");
            assertThat(copy).isEqualTo(plain.get(i));
            assertThat(explained.get(i).fieldNames()).toIterable().last().isEqualTo("explain");
        }
        JsonNode kharkiv = explained.get(0).get("explain");
        assertThat(kharkiv).hasSize(3);
        assertThat(kharkiv.get(0).get("story").asText()).isEqualTo("nw-kharkiv-1");
        assertThat(kharkiv.get(0).get("decision").asText()).isEqualTo("started");
        assertThat(kharkiv.get(1).get("story").asText()).isEqualTo("hp-kharkiv-1");
        assertThat(kharkiv.get(1).get("decision").asText()).isEqualTo("joined");
        assertThat(kharkiv.get(1).get("reason").asText()).startsWith("Harbour Post 03-02 03:05: joined: wording ")
                .contains("places shared: kharkiv");
        assertThat(kharkiv.get(2).get("story").asText()).isEqualTo("et-kharkiv-2");
        assertThat(kharkiv.get(2).get("decision").asText()).isEqualTo("joined");
        JsonNode odesa = explained.get(1).get("explain");
        assertThat(odesa).hasSize(1);
        assertThat(odesa.get(0).get("story").asText()).isEqualTo("hp-odesa-1");
        assertThat(odesa.get(0).get("decision").asText()).isEqualTo("started");
        assertThat(odesa.get(0).get("reason").asText())
                .endsWith("refused: different place (odesa vs kharkiv)");
        // the JSON reason is the text line, without its "  + " marker
        List<String> text = explainLines(scan("--events", "--explain", dir()).out());
        assertThat(kharkiv.get(1).get("reason").asText()).isEqualTo(text.get(1).substring(4));
    }
}
