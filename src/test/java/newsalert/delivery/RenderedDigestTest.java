package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored form of a rendered digest: parts with line breaks, spaces and digits survive; damage reads as none. */
class RenderedDigestTest {
    @Test
    void partsLoudnessAndMentionSurviveTheRoundTrip() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("html", "<b>Digest: 2 alerts</b>\n• one 12\n• two");
        parts.put("plain", "");
        parts.put("note", "ends with a break 7\n");
        RenderedDigest d = new RenderedDigest(true, "<@&42>", parts);

        RenderedDigest back = RenderedDigest.decode(d.encode()).orElseThrow();

        assertThat(back).isEqualTo(d);
        assertThat(back.parts().keySet()).containsExactly("html", "plain", "note");
        assertThat(RenderedDigest.decode(new RenderedDigest(false, null, Map.of("a", "b")).encode()).orElseThrow()
                .mention()).isNull();
    }

    @Test
    void textThatIsNotARenderedDigestReadsAsNone() {
        String good = new RenderedDigest(false, null, Map.of("html", "<b>x</b>")).encode();
        assertThat(RenderedDigest.decode(null)).isEmpty();
        assertThat(RenderedDigest.decode("<b>Digest</b>")).isEmpty();
        assertThat(RenderedDigest.decode(good.substring(0, good.length() - 2))).isEmpty();
        assertThat(RenderedDigest.decode("digest/1\npart.html x\nabc")).isEmpty();
    }
}
