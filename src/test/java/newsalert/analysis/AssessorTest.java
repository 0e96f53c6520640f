package newsalert.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newsalert.analysis.topic.TopicClassifierTest;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import newsalert.testing.Corpus;

class AssessorTest {
    static final Path SEED = Corpus.path("seed/kyiv-strike-article.txt");
    static final Assessor ASSESSOR = Assessor.create(AnalysisSettings.defaults());

    static Story story(String title, String body) {
        return new Story("id-1", "test", title, null, null, body);
    }

    @Test
    void defaultsUseTheEmbeddedLexiconAndLevel40() {
        AnalysisSettings d = AnalysisSettings.defaults();
        assertThat(d.lexiconFile()).isNull();
        assertThat(d.alertSeverity()).isEqualTo(40);
        assertThatThrownBy(() -> new AnalysisSettings(null, 101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alertSeverity");
    }

    @Test
    void seedArticleIsAttackAndDiplomacyAndAlerts() throws IOException {
        assumeTrue(Files.isRegularFile(SEED), Corpus.skipMessage(SEED));
        List<String> lines = Files.readAllLines(SEED, StandardCharsets.UTF_8);
        String title = lines.get(0);
        String body = String.join("\n\n", lines.subList(1, lines.size()));
        assertThat(title).isEqualTo(
                "What happened in Russia’s latest deadly attack on Kyiv and why are European leaders outraged?");
        Assessment a = ASSESSOR.assess(story(title, body));
        assertThat(a.topics()).containsExactlyInAnyOrder(Topic.ATTACK, Topic.DIPLOMACY);
        assertThat(a.alert()).isTrue();
        assertThat(a.severity()).isGreaterThanOrEqualTo(60);
        assertThat(a.reasons()).contains(
                "attack: \"attack\" in \"" + title + "\"",
                "diplomacy: \"peace talks\" in \"…furious reactions across Europe and fueling accusations that Moscow"
                        + " is undermining peace talks.\"");
        List<String> terms = a.reasons().stream().filter(r -> r.startsWith("attack:") || r.startsWith("diplomacy:"))
                .toList();
        assertThat(terms).hasSizeBetween(6, 8).allMatch(r -> r.contains("\" in \""));
        assertThat(terms.stream().filter(r -> r.startsWith("attack:"))).hasSizeBetween(3, 5);
        assertThat(terms.stream().filter(r -> r.startsWith("diplomacy:"))).hasSize(5);
        assertThat(a.reasons()).endsWith("killed 19", "injured at least 48");
    }

    @Test
    void clearAttackAlertsWithReasons() {
        Assessment a = ASSESSOR.assess(story("Russian missile strike on Dnipro kills 9",
                "A Russian missile hit a residential building in Dnipro overnight, killing nine people, officials said."));
        assertThat(a.topics()).containsExactly(Topic.ATTACK);
        assertThat(a.alert()).isTrue();
        assertThat(a.reasons()).startsWith("attack: \"missile strike\" in \"Russian missile strike on Dnipro kills 9\"");
    }

    /** Many feeds carry only a headline: a clear one must alert, a weak or off-topic one must not. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Israel strikes Iran nuclear sites              | attack    | 47 | true
            Israel launches strikes on Iran                | attack    | 41 | true
            Russia strikes Ukraine's energy grid overnight | attack    | 49 | true
            Trump and Putin hold summit in Alaska          | diplomacy | 50 | true
            Blast in Kabul mosque kills 10                 | attack    | 71 | true
            Iran shoots down U.S. drone                    | attack    | 45 | true
            Tanker explosion kills 40 in Nigeria           | none      | 0  | false
            Kane strikes twice as Tottenham beat Villa     | none      | 0  | false
            """)
    void titleOnlyHeadlines(String title, String topic, int severity, boolean alert) {
        Assessment a = ASSESSOR.assess(story(title, ""));
        assertThat(a.topics()).as("reasons %s", a.reasons())
                .isEqualTo(TopicClassifierTest.parseExpected(topic));
        assertThat(a.severity()).isEqualTo(severity);
        assertThat(a.alert()).isEqualTo(alert);
    }

    @Test
    void followUpStoryDoesNotTakeTheEarlierToll() {
        Assessment a = ASSESSOR.assess(story(
                "New Zealand Launches 'Buyback' Program For Semi-Automatic Weapons After Mosque Attacks",
                "New Zealand began a buyback of semi-automatic weapons on Saturday, months after the attacks on"
                        + " two mosques that killed 51 people."));
        assertThat(a.casualties().killed()).isNull();
        // the title's attack term sits in an after-clause of a buyback story; the body's alone is too weak
        assertThat(a.topics()).isEmpty();
        assertThat(a.severity()).isEqualTo(0);
        assertThat(a.alert()).isFalse();
        assertThat(a.reasons()).contains(
                "attack set aside (background): \"attacks\" in \"New Zealand Launches 'Buyback' Program For Semi-Automatic"
                        + " Weapons After Mosque Attacks\"");
    }

    @Test
    void plainAmbassadorsMeetingIsStillAlertWorthy() {
        Assessment a = ASSESSOR.assess(story("Ambassadors of India and Pakistan meet in Geneva",
                "The ambassadors of India and Pakistan met in Geneva on Tuesday for their first direct diplomatic "
                        + "contact in two years, foreign ministry officials said."));
        assertThat(a.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(a.severity()).isGreaterThanOrEqualTo(40);
        assertThat(a.alert()).isTrue();
    }

    @Test
    void oneWeakBodyTermStaysBelowTheThreshold() {
        Assessment a = ASSESSOR.assess(story("City council approves school budget",
                "The council approved the budget on Monday. Ministers from the region attended, and talks on "
                        + "the new ring road will continue next year, the government said."));
        assertThat(a.reasons()).containsExactly("diplomacy: \"talks\" in \"…from the region attended, and talks on the new"
                + " ring road will continue next year, the…\"", "attack context: \"budget\" in \"City council approves"
                + " school budget\"", "diplomacy not counted: score 4.0 is below its threshold 6.0");
        assertThat(a.severity()).isLessThan(40);
        assertThat(a.alert()).isFalse();
    }

    @Test
    void heartAttackIsNoAlertAndSaysWhy() {
        Assessment a = ASSESSOR.assess(story("Singer recovering after heart attack",
                "The singer suffered a heart attack on stage, his spokesman said."));
        assertThat(a.topics()).isEmpty();
        assertThat(a.severity()).isZero();
        assertThat(a.alert()).isFalse();
        assertThat(a.reasons()).containsExactly("negated: \"heart attack\" in \"Singer recovering after heart attack\"");
    }

    @Test
    void alertLevelComesFromSettings() {
        Story s = story("G7 leaders open summit in Italy",
                "Leaders of the Group of Seven opened a three-day summit, with Ukraine and China on the agenda.");
        Assessment strict = Assessor.create(new AnalysisSettings(null, 100)).assess(s);
        Assessment lax = Assessor.create(new AnalysisSettings(null, 0)).assess(s);
        assertThat(strict.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(strict.alert()).isFalse();
        assertThat(lax.alert()).isTrue();
        assertThat(lax.severity()).isEqualTo(strict.severity());
        Assessment noTopic = Assessor.create(new AnalysisSettings(null, 0)).assess(story("Weather", "Sunny."));
        assertThat(noTopic.alert()).isFalse();
    }

    @Test
    void missingLexiconFileFailsCreateClearly(@TempDir Path dir) {
        Path missing = dir.resolve("custom-lexicon.yml");
        assertThatThrownBy(() -> Assessor.create(new AnalysisSettings(missing, 40)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lexicon file not found")
                .hasMessageContaining("custom-lexicon.yml");
    }

    @Test
    void invalidLexiconFileFailsCreateClearly(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "topics: [oops");
        assertThatThrownBy(() -> Assessor.create(new AnalysisSettings(bad, 40)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid lexicon")
                .hasMessageContaining("bad.yml");
    }
}
