package newsalert.analysis.casualty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Zero statements are matched over a lower case that keeps offsets: a dotted capital İ before them moves nothing. */
class CasualtyZeroesOffsetTest {

    @Test
    void offsetAfterDottedCapitalsIsTheSameAsAfterPlainOnes() {
        String dotted = "İSTANBUL, İZMİR, İZMİT: a bomb exploded and no one was hurt.";
        String plain = "ISTANBUL, IZMIR, IZMIT: a bomb exploded and no one was hurt.";
        List<CasualtyMention> a = CasualtyZeroes.find(dotted, true, 10);
        List<CasualtyMention> b = CasualtyZeroes.find(plain, true, 10);
        assertThat(a).isNotEmpty().hasSameSizeAs(b);
        for (int k = 0; k < a.size(); k++) {
            assertThat(a.get(k).offset()).isEqualTo(b.get(k).offset());
            assertThat(a.get(k).category()).isEqualTo(b.get(k).category());
            assertThat(a.get(k).count().min()).isZero();
        }
        assertThat(a.get(0).offset()).isBetween(10 + dotted.indexOf("no one"), 10 + dotted.indexOf("hurt"));
    }
}
