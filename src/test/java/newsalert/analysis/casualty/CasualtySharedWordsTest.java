package newsalert.analysis.casualty;

import newsalert.analysis.text.Tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Missile strike kills 12 in Kharkiv | At least 12 people were killed and 30 wounded, officials said.
            Blast at U.S. base | The 19th victim died at 3am; Russia's army denied it.
            ΟΔΟΣ ΣΕΙΣΜΟΣ kills 4 | Four were killed in Αθήνα's centre. Officials in İzmir said 2 died.
            Car bomb—dozens hurt | Dozens were HURT in the attack, the ministry’s spokesman said.
            Σεισμός: 3 killed | ΣΟΦΙΑ said 3 were killed in İstanbul's old town; Ωmega fighters were KILLED too.
            Café blast | The café owner, José, said 2 were killed at 3am near the 19th-century église.
            "" | ""
            Title only: 5 dead | ""
            U.S.-led strike at 3 a.m. | The strike, at 3 a.m. on Monday, killed 5,000? No: 1.5 km away, 2,500 people didn't flee.
            Gov't says 19th-century fort hit | The fort's 12th wall fell; 3am blast, 4pm toll 1,20 wounded, 7.5m damage.
            Hard\\nwrap | Officials said\\n  nine people were killed\\nToday 4 more died.'s fault x's Y'z z'
            İİİ ab c | İİİ ab c: İzmir's 3 dead, ab 2 hurt
            Rebels' base | Rebels' drones' fire killed 'four'. Mr. O'Neill's aide: 'no one'. End.
            """)
    void sharedWordsGiveTheSameTokens(String rawTitle, String rawBody) {
        String title = rawTitle.replace("\\n", "\n");
        String body = rawBody.replace("\\n", "\n");
        List<CasualtyTokenizer.Token> plain = CasualtyTokenizer.tokenize(title, body);
        List<CasualtyTokenizer.Token> shared = CasualtyTokenizer.tokenize(title, body,
                Tokenizer.lex(title), Tokenizer.lex(body));
        assertThat(shared).isEqualTo(plain);
    }

    /** Every item of the development and held-out sets gives the same casualty tokens both ways. */
    @Test
    void sharedWordsGiveTheSameTokensOnTheEvalSets() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int items = 0;
        for (String set : List.of("/eval/dev.jsonl", "/eval/holdout.jsonl")) {
            Path file = Path.of(CasualtySharedWordsTest.class.getResource(set).toURI());
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode item = json.readTree(line);
                String title = item.path("title").asText("");
                String body = item.path("body").asText("");
                assertThat(CasualtyTokenizer.tokenize(title, body, Tokenizer.lex(title), Tokenizer.lex(body)))
                        .as(item.path("id").asText())
                        .isEqualTo(CasualtyTokenizer.tokenize(title, body));
                items++;
            }
        }
        assertThat(items).isGreaterThanOrEqualTo(300);
    }

    @Test
    void reusesTheLexiconStringForAnAsciiWord() {
        String body = "Twelve soldiers were Killed near the border.";
        Tokenizer.Lexed words = Tokenizer.lex(body);
        List<CasualtyTokenizer.Token> tokens = CasualtyTokenizer.tokenize("", body, Tokenizer.Lexed.EMPTY, words);
        CasualtyTokenizer.Token killed = tokens.stream().filter(t -> t.is("killed")).findFirst().orElseThrow();
        assertThat(killed.text()).isSameAs(words.tokens().words()[3]);
        assertThat(killed.bits()).isNotZero().isEqualTo(CasualtyBits.of("killed"));
        assertThat(killed.from()).isEqualTo(1 + body.indexOf("Killed"));
    }

    @Test
    void extractorGivesTheSameCountsWithSharedWords() {
        String title = "Car bomb kills 7 in market";
        String body = "A car bomb killed seven people and wounded 23 others at a busy market on Friday, police said.";
        CasualtyExtractor x = new CasualtyExtractor();
        var shared = x.extract(title, body, Tokenizer.lex(title), Tokenizer.lex(body));
        assertThat(shared).isEqualTo(x.extract(title, body));
        assertThat(shared.killed().min()).isEqualTo(7);
        assertThat(shared.injured().min()).isEqualTo(23);
    }

    /**
     * With the lexicon tokens given, the zero patterns are skipped when no token is "no", "nobody",
     * "none" or "without"; the counts and their evidence stay those of the plain extraction.
     */
    @ParameterizedTest(name = "[{index}] {0} / {1} -> killed {2}, injured {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Drone hits depot; no one hurt         | Officials said the fire was out by noon.                                  | 0    | 0
            Drone hits fuel depot                 | Nobody was hurt when the drone hit the depot.\\nCrews worked all night.    | 0    | 0
            Rocket lands in field                 | The rocket hit open ground.\\nThere were no casualties, police said.       | 0    | null
            Raid on village                       | Troops left without causing casualties.\\nThe village was calm.            | 0    | null
            Gunmen attack checkpoint              | Two soldiers were killed and none were injured, the army said.            | 2    | 0
            Blast in NO-ONE's land                | NO ONE was killed in the blast, officials said.                           | 0    | null
            Shelling in the east                  | Three people were killed and nine wounded. Nothing else was reported.     | 3    | 9
            Casino one                            | Casino one reopened on Monday after the storm.                            | null | null
            """)
    void zeroStatementsAreFoundWithOrWithoutSharedWords(String title, String body, Integer killed, Integer injured) {
        String b = body.replace("\\n", "\n");
        CasualtyExtractor x = new CasualtyExtractor();
        var shared = x.extract(title, b, Tokenizer.lex(title), Tokenizer.lex(b));
        var plain = x.extract(title, b);
        assertThat(shared).isEqualTo(plain);
        assertThat(shared.killed() == null ? null : shared.killed().min()).isEqualTo(killed);
        assertThat(shared.injured() == null ? null : shared.injured().min()).isEqualTo(injured);
        if (plain.killed() != null) {
            assertThat(shared.killed().evidence()).isEqualTo(plain.killed().evidence());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            No one was hurt                        | true
            Police said nobody died                | true
            None of the crew were injured          | true
            They left without casualties           | true
            Casino one and economy class seats     | false
            Nothing was reported                   | false
            No-one was killed                      | true
            There were no serious injuries         | true
            no other deaths or injuries            | true
            No military target was near            | false
            without any warning at all             | false
            without causing any casualties         | true
            no sign of any of the victims          | false
            """)
    void zeroTestLooksForTheWholeWords(String text, boolean expected) {
        assertThat(CasualtyZeroes.mayFind(Tokenizer.tokenizeWithOffsets(text))).isEqualTo(expected);
        assertThat(CasualtyZeroes.mayFind(Tokenizer.lex(text))).isEqualTo(expected);
        assertThat(CasualtyZeroes.mayFind(Tokenizer.lex(text.toUpperCase(java.util.Locale.ROOT)))).isEqualTo(expected);
    }
}
