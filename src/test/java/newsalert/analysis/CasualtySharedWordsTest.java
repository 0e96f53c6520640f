package newsalert.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The casualty tokenizer gives the same tokens whether or not it may reuse the lexicon tokenizer's
 * word strings, and it does reuse them for plain ASCII words.
 */
class CasualtySharedWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Missile strike kills 12 in Kharkiv | At least 12 people were killed and 30 wounded, officials said.
            Blast at U.S. base | The 19th victim died at 3am; Russia's army denied it.
            ΟΔΟΣ ΣΕΙΣΜΟΣ kills 4 | Four were killed in Αθήνα's centre. Officials in İzmir said 2 died.
            Car bomb—dozens hurt | Dozens were HURT in the attack, the ministry’s spokesman said.
            '' | ''
            Title only: 5 dead | ''
            """)
    void sharedWordsGiveTheSameTokens(String title, String body) {
        List<CasualtyTokenizer.Token> plain = CasualtyTokenizer.tokenize(title, body);
        List<CasualtyTokenizer.Token> shared = CasualtyTokenizer.tokenize(title, body,
                Tokenizer.tokenizeWithOffsets(title), Tokenizer.tokenizeWithOffsets(body));
        assertThat(shared).isEqualTo(plain);
    }

    @Test
    void reusesTheLexiconStringForAnAsciiWord() {
        String body = "Twelve soldiers were Killed near the border.";
        Tokenizer.Tokens words = Tokenizer.tokenizeWithOffsets(body);
        List<CasualtyTokenizer.Token> tokens = CasualtyTokenizer.tokenize("", body, Tokenizer.Tokens.EMPTY, words);
        CasualtyTokenizer.Token killed = tokens.stream().filter(t -> t.is("killed")).findFirst().orElseThrow();
        assertThat(killed.text()).isSameAs(words.words()[3]);
        assertThat(killed.from()).isEqualTo(1 + body.indexOf("Killed"));
    }

    @Test
    void extractorGivesTheSameCountsWithSharedWords() {
        String title = "Car bomb kills 7 in market";
        String body = "A car bomb killed seven people and wounded 23 others at a busy market on Friday, police said.";
        CasualtyExtractor x = new CasualtyExtractor();
        var shared = x.extract(title, body, Tokenizer.tokenizeWithOffsets(title), Tokenizer.tokenizeWithOffsets(body));
        assertThat(shared).isEqualTo(x.extract(title, body));
        assertThat(shared.killed().min()).isEqualTo(7);
        assertThat(shared.injured().min()).isEqualTo(23);
    }
}
