package newsalert.analysis.text;

import newsalert.analysis.topic.LexiconLoader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PhraseIndex#scan(String[], int[], PhraseIndex.Listener)}: looking the tokens up by their
 * {@link Vocabulary} ids finds exactly the matches the string look-up finds, blanked words included.
 */
class PhraseIndexIdsTest {
    private static final PhraseIndex INDEX = LexiconLoader.loadDefault().index();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            A Russian missile strike on Kyiv killed 12 people, officials said.                | missile strike
            Envoys met in Geneva for ceasefire talks as the two sides agreed to swap 390 prisoners. | ceasefire talks
            The striker scored twice before the Zorvak fans stormed the pitch.              | ''
            Suicide bomber kills 9 at a checkpoint near Qandahar                             | bomber
            The two sides exchanged 390 prisoners of war at the border on Sunday.            | exchanged 0 prisoners of war
            Kyiv and Moscow traded captives while peace talks stalled in Istanbul.           | peace talks
            """)
    void idsGiveTheSameMatchesAsStrings(String text, String expectedPhrase) {
        Tokenizer.Lexed lexed = Tokenizer.lex(text);
        String[] words = lexed.tokens().words();
        List<String> byString = matches(words, null);
        List<String> byId = matches(words, lexed.ids());
        assertThat(byId).isEqualTo(byString);
        if (!expectedPhrase.isEmpty()) {
            assertThat(byId).anyMatch(m -> m.contains(expectedPhrase));
        }
        // blanking the first half (as work titles are) keeps the two look-ups in step
        String[] blanked = words.clone();
        int[] ids = lexed.ids().clone();
        for (int k = 0; k < words.length / 2; k++) {
            blanked[k] = "";
            ids[k] = -1;
        }
        assertThat(matches(blanked, ids)).isEqualTo(matches(blanked, null));
    }

    private static List<String> matches(String[] words, int[] ids) {
        List<String> out = new ArrayList<>();
        INDEX.scan(words, ids, (e, start) -> out.add(e.kind() + " " + e.text() + " @" + start));
        return out;
    }
}
