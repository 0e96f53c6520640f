package newsalert.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import org.junit.jupiter.api.Test;

/**
 * Speed and worst-case input. The target is well under 50 µs for a 2 KB story on a quiet machine;
 * the assertion is looser (the build machine is shared) and the measured figure is printed.
 */
class CasualtySpeedTest {
    private static final String PARAGRAPH = "A Russian missile and drone attack on the capital overnight killed "
            + "at least 19 people, including four children, and wounded 48 others, officials said on Thursday. "
            + "The strike hit a nine-storey building at 3 am, and rescuers pulled 12 people from the rubble. "
            + "Russia launched 87 drones and four missiles; the air force said it shot down 80 of them. ";

    private final CasualtyExtractor extractor = new CasualtyExtractor();

    @Test
    void twoKilobyteStoryIsFast() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 2048) {
            sb.append(PARAGRAPH).append('\n');
        }
        String body = sb.toString();
        Casualties c = null;
        for (int i = 0; i < 20_000; i++) {
            c = extractor.extract("Strike on Kyiv kills 19", body);
        }
        int runs = 10_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            c = extractor.extract("Strike on Kyiv kills 19", body);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / runs;
        System.out.printf(Locale.ROOT, "casualty extraction: %.1f µs per %d-char story%n", micros, body.length());
        assertThat(c.killed()).isEqualTo(CasualtyCount.of(19, newsalert.story.Qualifier.AT_LEAST));
        assertThat(micros).isLessThan(1000.0);
    }

    @Test
    void hostileInputStaysLinear() {
        String[] pieces = {"1, ", "no one no one was ", "at least at least ", "twenty-", "- - ", "of the of the ",
            "killed killed ", "including including "};
        for (String piece : pieces) {
            String text = piece.repeat(20_000);
            long start = System.nanoTime();
            extractor.extract(text, text);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(Locale.ROOT, "hostile '%s' x 20000: %d ms%n", piece, millis);
            assertThat(millis).as("'%s' x 20000", piece).isLessThan(2_000);
        }
    }
}
