package newsalert.analysis.topic;

import newsalert.analysis.text.Tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexiconTest {

    static final String SMALL = """
            titleWeight: 3.0
            topics:
              attack:
                threshold: 4
                minEvidence: 1
                terms:
                  "catapult{,s,ed}": 2
              diplomacy:
                threshold: 4
                terms:
                  "parley": 2
                support:
                  "{king,queen}": 1
                supportCap: 1
                context:
                  "tournament": 5
            negations:
              - "parley game"
            severity:
              attackBase: 30
              diplomacyBase: 20
              strengthPerPoint: 1
              strengthCap: 10
              titleBonus: 5
              notableBonus: 0
              bothBonus: 0
              killedBase: 10
              killedPerDecade: 10
              killedCap: 30
              injuredBase: 2
              injuredPerDecade: 2
              injuredCap: 6
              casualtyAttackBoost: 1
            """;

    @Test
    void braceGroupsExpandToEveryCombination() {
        assertThat(LexiconLoader.expand("{air,drone} strike{,s}"))
                .containsExactly("air strike", "air strikes", "drone strike", "drone strikes");
        assertThat(LexiconLoader.expand("bomb{,s,ing}")).containsExactly("bomb", "bombs", "bombing");
        assertThat(LexiconLoader.expand("summit")).containsExactly("summit");
        assertThatThrownBy(() -> LexiconLoader.expand("bomb{s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Russia’s AIR-strike, 19 dead.    | russia air strike 19 dead
            Kyiv's mayor said                | kyiv mayor said
            U.S. envoy                       | u s envoy
            '  '                             | '(none)'
            """)
    void tokenizerLowerCasesSplitsAndDropsPossessiveS(String text, String expected) {
        String[] tokens = Tokenizer.tokenize(text);
        assertThat(tokens.length == 0 ? "(none)" : String.join(" ", tokens)).isEqualTo(expected);
    }

    @Test
    void defaultLexiconLoadsWithThresholdsAndManyPhrases() {
        Lexicon lex = LexiconLoader.loadDefault();
        assertThat(lex.titleWeight()).isEqualTo(2.0);
        assertThat(lex.rules(Topic.ATTACK).threshold()).isEqualTo(6.0);
        assertThat(lex.rules(Topic.DIPLOMACY).threshold()).isEqualTo(6.0);
        assertThat(lex.severity().attackBase()).isEqualTo(27.0);
        assertThat(lex.phraseCount()).isGreaterThan(1000);
        assertThat(lex.source()).isEqualTo("classpath:newsalert/lexicon.yml");
    }

    @Test
    void lexiconFileReplacesTheDefault(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lex.yml");
        Files.writeString(file, SMALL);
        Lexicon lex = LexiconLoader.load(file);
        TopicClassifier c = new TopicClassifier(lex);

        Classification parley = c.classify("King calls parley", "The queen agreed.");
        assertThat(parley.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(parley.score(Topic.DIPLOMACY).score()).isEqualTo(7.0); // 2 x 3 (title) + support capped at 1
        assertThat(c.classify("Parley at chess tournament", "").topics()).isEmpty();
        assertThat(c.classify("Parley game", "").reasons()).containsExactly("negated: \"parley game\" in \"Parley game\"");
        assertThat(c.classify("Castle catapulted", "").topics()).containsExactly(Topic.ATTACK);
        assertThat(c.classify("Missile strike on Kyiv", "").topics()).isEmpty();
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> LexiconLoader.load(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lexicon file not found")
                .hasMessageContaining("nope.yml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed yaml   | 'topics: [unclosed'                                           | invalid lexicon
            no severity      | 'topics: {}'                                                   | 'topics' and 'severity' are required
            unknown topic    | 'topics: {weather: {threshold: 1, terms: {rain: 1}}}\nseverity: {}' | unknown topic 'weather'
            missing topic    | 'topics: {attack: {threshold: 1, terms: {raid: 1}}}\nseverity: {}'  | topic 'diplomacy' missing
            no terms         | 'topics: {attack: {threshold: 1}}\nseverity: {}'              | needs a threshold and at least one term
            unknown key      | 'colour: blue\ntopics: {}\nseverity: {}'                       | invalid lexicon
            role not a term  | 'topics: {attack: {threshold: 1, terms: {raid: 1}}, diplomacy: {threshold: 1, terms: {envoy: 1}, roles: [envoys]}}\nseverity: {}' | lists "envoys" under roles but not under terms
            fact not a term  | 'topics: {attack: {threshold: 1, terms: {raid: 1}, facts: [raids]}, diplomacy: {threshold: 1, terms: {envoy: 1}}}\nseverity: {}' | lists "raids" under facts but not under terms
            """)
    void invalidFilesAreRejectedWithTheReason(String name, String yaml, String message, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> LexiconLoader.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("bad.yml");
    }
}
