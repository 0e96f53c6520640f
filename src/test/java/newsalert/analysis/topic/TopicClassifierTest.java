package newsalert.analysis.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

public class TopicClassifierTest {
    static final String FIXTURE = "/analysis/topics/topics.csv";
    static final TopicClassifier CLASSIFIER = new TopicClassifier(LexiconLoader.loadDefault());

    public static Set<Topic> parseExpected(String expected) {
        Set<Topic> out = EnumSet.noneOf(Topic.class);
        if (!expected.equals("none")) {
            for (String t : expected.split("\\+")) {
                out.add(Topic.fromWireName(t));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @CsvFileSource(resources = FIXTURE, numLinesToSkip = 1)
    void fixtureRowGetsExpectedTopics(String expected, String group, String title, String body) {
        Classification c = CLASSIFIER.classify(title, body);
        assertThat(c.topics()).as("reasons %s", c.reasons()).isEqualTo(parseExpected(expected));
    }

    @Test
    void fixtureHasEnoughRowsAndHardNegatives() throws IOException {
        List<String[]> rows = readFixture();
        long negatives = rows.stream().filter(r -> r[0].equals("none")).count();
        long both = rows.stream().filter(r -> r[0].equals("attack+diplomacy")).count();
        int correct = 0;
        for (String[] r : rows) {
            if (CLASSIFIER.classify(r[2], r[3]).topics().equals(parseExpected(r[0]))) {
                correct++;
            }
        }
        System.out.printf("topic fixtures: %d/%d correct (%d hard negatives, %d both)%n",
                correct, rows.size(), negatives, both);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(120);
        assertThat(negatives).isGreaterThanOrEqualTo(50);
        assertThat(both).isGreaterThanOrEqualTo(8);
        assertThat(correct).isEqualTo(rows.size());
    }

    @Test
    void titleHitsWeighMoreThanBodyHits() {
        TopicScore inTitle = CLASSIFIER.classify("Summit in Geneva", "Delegates arrived.").score(Topic.DIPLOMACY);
        TopicScore inBody = CLASSIFIER.classify("Meeting ends", "Summit in Geneva.").score(Topic.DIPLOMACY);
        assertThat(inTitle.core()).isEqualTo(8.0);
        assertThat(inBody.core()).isEqualTo(4.0);
        assertThat(inTitle.inTitle()).isTrue();
        assertThat(inBody.inTitle()).isFalse();
        assertThat(inTitle.assigned()).isTrue();
        assertThat(inBody.assigned()).isFalse();
    }

    @Test
    void casualtiesAloneNeverMakeAnAttack() {
        Casualties thirty = new Casualties(CasualtyCount.exact(30), CasualtyCount.exact(200), null);
        Classification quake = CLASSIFIER.classify("Earthquake kills 30 in Turkey",
                "The earthquake killed 30 people and injured 200, officials said.", thirty);
        Classification bus = CLASSIFIER.classify("Bus crash kills 12",
                "A bus crashed into a ravine, killing 12 people.", new Casualties(CasualtyCount.exact(12), null, null));
        assertThat(quake.topics()).isEmpty();
        assertThat(bus.topics()).isEmpty();
        assertThat(quake.score(Topic.ATTACK).core()).isZero();
    }

    @Test
    void casualtiesHelpAWeakAttackThatHasAnAttackerTerm() {
        String title = "Market day ends in grief";
        String body = "Three soldiers died after the bombing near the army base.";
        Classification without = CLASSIFIER.classify(title, body);
        Classification with = CLASSIFIER.classify(title, body, new Casualties(CasualtyCount.exact(3), null, null));
        assertThat(without.topics()).isEmpty();
        assertThat(with.topics()).containsExactly(Topic.ATTACK);
        assertThat(with.score(Topic.ATTACK).score() - without.score(Topic.ATTACK).score()).isEqualTo(2.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Suicide bombers hit checkpoint         | attack: "suicide bombers"
            Air-strikes pound rebel town           | attack: "air strikes"
            Airstrikes pound rebel town            | attack: "airstrikes"
            Town shelled overnight by artillery    | attack: "shelled"
            Leaders hold summits on trade          | diplomacy: "summits"
            Envoys meet in Doha                    | diplomacy: "envoys"
            Ceasefire holds in the south           | diplomacy: "ceasefire"
            """)
    void inflectedFormsMatchAndAreReported(String title, String reason) {
        assertThat(CLASSIFIER.classify(title, "").reasons()).contains(reason + " in \"" + title + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Star recovering after heart attack          | negated: "heart attack"
            Surfer hurt in shark attack                 | negated: "shark attack"
            Dockers go on strike                        | negated: "go on strike"
            Union calls strike action                   | negated: "strike action"
            Attack on Titan tops charts                 | negated: "attack on titan"
            Merger talks collapse                       | negated: "merger talks"
            """)
    void negationsHideTheTermsTheyOverlap(String title, String reason) {
        Classification c = CLASSIFIER.classify(title, "");
        assertThat(c.reasons()).contains(reason + " in \"" + title + "\"");
        assertThat(c.score(Topic.ATTACK).core()).isZero();
        assertThat(c.score(Topic.DIPLOMACY).core()).isZero();
        assertThat(c.topics()).isEmpty();
    }

    @Test
    void sportContextOutweighsAnAttackWord() {
        Classification c = CLASSIFIER.classify("Attack wins it for United",
                "United's attack scored three goals in the second half of the league match.");
        assertThat(c.score(Topic.ATTACK).core()).isEqualTo(5.0);
        String sentence = "United's attack scored three goals in the second half of the league match.";
        assertThat(c.reasons()).contains("attack context: \"goals\" in \"" + sentence + "\"",
                "attack context: \"league\" in \"" + sentence + "\"");
        assertThat(c.topics()).isEmpty();
    }

    static List<String[]> readFixture() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = TopicClassifierTest.class.getResourceAsStream(FIXTURE)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(splitRow(lines[i]));
                }
            }
        }
        return rows;
    }

    /** Splits {@code a,b,"c","d"}: the fixture quotes only the last two fields and has no inner quotes. */
    private static String[] splitRow(String line) {
        String[] head = line.split(",", 3);
        String rest = head[2];
        int mid = rest.indexOf("\",\"");
        return new String[] {head[0], head[1], rest.substring(1, mid), rest.substring(mid + 3, rest.length() - 1)};
    }
}
