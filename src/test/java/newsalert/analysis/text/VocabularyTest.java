package newsalert.analysis.text;

import newsalert.analysis.casualty.CasualtyBits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Vocabulary}: shared strings for known words, looked up straight from the text. */
class VocabularyTest {
    private final Vocabulary small = new Vocabulary(new LinkedHashSet<>(List.of("killed", "strike", "no", "café", "19th")));

    @ParameterizedTest(name = "[{index}] \"{0}\" [{1},{2}) -> {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Three were killed.       | 11 | 17 | killed
            KILLED in the strike     | 0  | 6  | killed
            A missile Strike hit     | 10 | 16 | strike
            NO ONE was hurt          | 0  | 2  | no
            at the Café Central      | 7  | 11 | café
            on the 19th floor        | 7  | 11 | 19th
            the killer was caught    | 4  | 10 | null
            a kill count             | 2  | 6  | null
            CAFÉ owners              | 0  | 4  | null
            """)
    void findsTheLowerCasedRange(String text, int from, int to, String expected) {
        assertThat(small.find(text, from, to)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] chars \"{0}\" [{1},{2}) -> {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            three were killed.  | 11 | 17 | killed
            the café was hit    | 4  | 8  | café
            KILLED              | 0  | 6  | null
            the killer          | 4  | 10 | null
            """)
    void findsLowerCaseCharacters(String text, int from, int to, String expected) {
        assertThat(small.find(text.toCharArray(), from, to)).isEqualTo(expected);
    }

    @Test
    void returnsTheSharedInstance() {
        String a = small.find("Killed", 0, 6);
        String b = small.find("two killed", 4, 10);
        assertThat(a).isEqualTo("killed").isSameAs(b);
    }

    @Test
    void defaultTableHoldsTheWordsOfTheEmbeddedLists() {
        // "killed" (casualty words), "said" (quote words) and "airstrike" (lexicon) are in the resources
        assertThat(Vocabulary.DEFAULT.find("killed said airstrike", 0, 6)).isEqualTo("killed");
        assertThat(Vocabulary.DEFAULT.find("killed said airstrike", 7, 11)).isEqualTo("said");
        assertThat(Vocabulary.DEFAULT.find("killed said airstrike", 12, 21)).isEqualTo("airstrike");
        // suffix groups of the lexicon are expanded: "airstrike{,s}", "bomb{,s,ing,ings,ed}"
        assertThat(Vocabulary.DEFAULT.find("airstrikes", 0, 10)).isEqualTo("airstrikes");
        assertThat(Vocabulary.DEFAULT.find("Bombings", 0, 8)).isEqualTo("bombings");
        assertThat(Vocabulary.DEFAULT.size()).isGreaterThan(1000);
    }

    @Test
    void tokenizerReusesTheSharedWordsAndCutsTheRest() {
        Tokenizer.Tokens t = Tokenizer.tokenizeWithOffsets("Militants KILLED 12 villagers in Zorvak");
        assertThat(t.words()).containsExactly("militants", "killed", "12", "villagers", "in", "zorvak");
        assertThat(t.words()[1]).isSameAs(Vocabulary.DEFAULT.find("killed", 0, 6));
        assertThat(Vocabulary.DEFAULT.find("zorvak", 0, 6)).isNull();
    }

    @ParameterizedTest(name = "[{index}] id of \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            killed | 0
            strike | 1
            no     | 2
            café   | 3
            19th   | 4
            Strike | 1
            killer | -1
            ''     | -1
            """)
    void idsFollowTheOrderTheWordsWereGiven(String word, int expected) {
        assertThat(small.id(word)).isEqualTo(expected);
        if (expected >= 0) {
            assertThat(small.word(expected)).isSameAs(small.find(word, 0, word.length()));
            assertThat(small.findId(word.toLowerCase(java.util.Locale.ROOT).toCharArray(), 0, word.length()))
                    .isEqualTo(expected);
        }
    }

    @Test
    void lexGivesEachTokenItsId() {
        Tokenizer.Lexed lexed = Tokenizer.lex("Militants KILLED 12 villagers in Zorvak");
        Tokenizer.Tokens plain = Tokenizer.tokenizeWithOffsets("Militants KILLED 12 villagers in Zorvak");
        assertThat(lexed.tokens().words()).containsExactly(plain.words());
        assertThat(lexed.tokens().starts()).containsExactly(plain.starts());
        assertThat(lexed.tokens().ends()).containsExactly(plain.ends());
        String[] words = lexed.tokens().words();
        int[] ids = lexed.ids();
        assertThat(ids).hasSize(6);
        assertThat(ids[5]).isEqualTo(-1); // zorvak is in no list
        for (int k = 0; k < words.length; k++) {
            assertThat(ids[k]).isEqualTo(Vocabulary.DEFAULT.id(words[k]));
            if (ids[k] >= 0) {
                assertThat(words[k]).isSameAs(Vocabulary.DEFAULT.word(ids[k]));
            }
        }
        assertThat(Tokenizer.lex("").ids()).isEmpty();
        assertThat(Tokenizer.lex(null).tokens().length()).isZero();
    }

    @Test
    void everyVocabularyWordHasTheSameCasualtyBitsByIdAndByString() {
        for (int id = 0; id < Vocabulary.DEFAULT.size(); id++) {
            String w = Vocabulary.DEFAULT.word(id);
            assertThat(CasualtyBits.of(id, w)).as(w).isEqualTo(CasualtyBits.of(w));
        }
        // a word the vocabulary lacks is looked up among the listed words without an id
        assertThat(CasualtyBits.of(-1, "zorvak")).isZero();
        for (String w : List.of("seventeen", "a.m", "war's", "zorvak")) {
            assertThat(Vocabulary.DEFAULT.id(w)).as(w).isNegative();
            assertThat(CasualtyBits.of(-1, w)).as(w).isEqualTo(CasualtyBits.of(w));
        }
        assertThat(CasualtyBits.of(-1, "seventeen")).isNotZero();
        assertThat(CasualtyBits.of(Vocabulary.DEFAULT.id("killed"), "killed")).isNotZero();
    }
}
