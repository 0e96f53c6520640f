package newsalert.analysis.casualty;

import newsalert.analysis.text.WordLists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import newsalert.analysis.casualty.CasualtyTokenizer.Token;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CasualtyBitsTest {
    /** Each bit against the list it stands for: every word of the list has it, no other listed word does. */
    @ParameterizedTest
    @CsvSource({
        "1, killed", "2, injured", "4, missing", "8, kill_verbs", "16, injure_verbs", "32, manner", "64, aux",
        "128, not_victims", "256, perpetrators", "512, after_block", "1024, of_whole_determiners",
        "2048, before_block", "4096, subgroup", "8192, paren_open", "16384, toll_link", "32768, time_words",
        "65536, conflict", "131072, toll_update", "262144, stop", "524288, object_start",
        "1048576, of_determiners", "2097152, clause_end", "4194304, verb_aux", "8388608, forces",
        "16777216, participle_ok", "33554432, vague", "67108864, claimed", "536870912, article_not_one",
        "1073741824, context_determiners", "2147483648, year_ok",
    })
    void bitMatchesItsList(long bit, String key) {
        Set<String> list = WordLists.CASUALTY.set(key);
        Set<String> every = new HashSet<>(list);
        for (String other : List.of("killed", "injured", "stop", "aux", "not_victims", "verb_aux", "conflict")) {
            every.addAll(WordLists.CASUALTY.set(other));
        }
        every.addAll(NumberPhrase.STARTERS);
        for (String w : every) {
            assertThat((CasualtyBits.of(w) & bit) != 0).as("%s in %s", w, key).isEqualTo(list.contains(w));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "killed, 1, 0", "dozens, 134217728, 268435456", "seven, 402653184, 0", "between, 134217728, 268435456",
        "pizza, 0, -1", "'', 0, -1",
        "a, 4294967296, 8589934592", "an, 4294967296, 8589934592", "and, 0, 12884901888",
        "lost, 8589934592, 4294967296", "losing, 8589934592, 4294967296", "treated, 8589934592, 4294967296",
        "lose, 0, 12884901888",
    })
    void numberStartersAndUnknownWords(String word, long has, long lacks) {
        long bits = CasualtyBits.of(word);
        assertThat(bits & has).isEqualTo(has);
        assertThat(bits & lacks).isZero();
    }

    /** The tokens carry the bits of their text, and an index outside the tokens is in no list. */
    @ParameterizedTest
    @CsvSource({
        "'Three people were killed', 3, 1",
        "'Gunmen shot dead two guards', 1, 32",
        "'At least 12 were wounded', 4, 2",
    })
    void tokensCarryTheirBits(String text, int index, long bit) {
        List<Token> t = CasualtyTokenizer.tokenize(text, "");
        assertThat(CasualtyBits.has(t, index, bit)).isTrue();
        assertThat(CasualtyBits.has(t, -1, -1L)).isFalse();
        assertThat(CasualtyBits.has(t, t.size(), -1L)).isFalse();
        for (Token tok : t) {
            assertThat(tok.bits()).as(tok.text()).isEqualTo(CasualtyBits.of(tok.text()));
        }
    }
}
