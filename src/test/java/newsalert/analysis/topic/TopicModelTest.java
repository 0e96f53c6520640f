package newsalert.analysis.topic;

import newsalert.analysis.text.Tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;

/** {@link TopicModel}: its features, its arithmetic, its explanations and the shipped resource. */
class TopicModelTest {
    private static final int A = Topic.ATTACK.ordinal();
    private static final int D = Topic.DIPLOMACY.ordinal();

    private static double[] w(double attack, double diplomacy) {
        double[] w = new double[Topic.values().length];
        w[A] = attack;
        w[D] = diplomacy;
        return w;
    }

    @Test
    void featuresAreWordsPairsAndTitleWordsWithoutFunctionWordsOrNumbers() {
        List<String> f = TopicModel.features(Tokenizer.tokenize("Gunmen kill 12"),
                Tokenizer.tokenize("Police said the gunmen fled."));
        // "12" reads "#", which is a stop word like "said" and "the"; a pair joins the words around them
        assertThat(f).containsExactly("w:gunmen", "t:gunmen", "w:kill", "t:kill", "p:gunmen|kill", "w:police",
                "p:police|gunmen", "w:fled", "p:gunmen|fled");
    }

    @Test
    void featuresReadOnlyTheLeadOfALongBody() {
        String[] body = new String[TopicModel.BODY_TOKENS + 5];
        for (int i = 0; i < body.length; i++) {
            body[i] = "word" + (char) ('a' + i % 26) + (char) ('a' + i / 26);
        }
        List<String> f = TopicModel.features(new String[0], body);
        assertThat(f).contains("w:" + body[TopicModel.BODY_TOKENS - 1])
                .doesNotContain("w:" + body[TopicModel.BODY_TOKENS]);
    }

    @Test
    void probabilityIsTheLogisticOfBiasPlusPresentWeights() {
        TopicModel m = new TopicModel(Map.of(TopicModel.BIAS, w(-1.0, -2.0), "w:killed", w(1.5, -0.5),
                "p:shot|dead", w(0.8, 0), "w:talks", w(-0.3, 2.5)));
        TopicModel.Score s = m.score(Topic.ATTACK, List.of("w:killed", "p:shot|dead", "w:unknown"));
        assertThat(s.probability()).isCloseTo(1 / (1 + Math.exp(-1.3)), within(1e-9));
        assertThat(s.strongest()).containsExactly("\"killed\" +1.50", "\"shot dead\" +0.80");
        TopicModel.Score d = m.score(Topic.DIPLOMACY, List.of("w:killed", "p:shot|dead"));
        assertThat(d.probability()).isCloseTo(1 / (1 + Math.exp(2.5)), within(1e-9));
        assertThat(d.strongest()).containsExactly("\"killed\" -0.50");
    }

    @Test
    void atMostThreeStrongestFeaturesAreNamed() {
        TopicModel m = new TopicModel(Map.of("w:a", w(0.1, 0), "w:b", w(0.4, 0), "t:c", w(0.3, 0),
                "w:d", w(0.2, 0)));
        assertThat(m.score(Topic.ATTACK, List.of("w:a", "w:b", "t:c", "w:d")).strongest())
                .containsExactly("\"b\" +0.40", "\"c\" (title) +0.30", "\"d\" +0.20");
    }

    @Test
    void matchFindsTheSameFeaturesAsTheirNames() {
        TopicModel m = TopicModel.shipped();
        String[][] texts = {
                {"Suicide bomber kills 20 at crowded market", "Militants detonated explosives, killing 20 people."},
                {"Foreign ministers hold talks", "The envoy said the summit would discuss sanctions and a peace deal."},
                {"", "Police said the gunmen fled the scene after the attack on the checkpoint."},
                {"Bakery wins prize", ""},
        };
        for (String[] t : texts) {
            String[] title = Tokenizer.tokenize(t[0]);
            String[] body = Tokenizer.tokenize(t[1]);
            int[] ids = m.match(title, body);
            List<String> names = TopicModel.features(title, body);
            for (Topic topic : Topic.values()) {
                assertThat(m.probability(topic, ids)).as(t[0])
                        .isCloseTo(m.score(topic, names).probability(), within(1e-12));
                assertThat(m.score(topic, ids).strongest()).isEqualTo(m.score(topic, names).strongest());
            }
        }
    }

    @Test
    void anEmptyModelIsUndecided() {
        TopicModel m = new TopicModel(Map.of());
        assertThat(m.score(Topic.ATTACK, List.of("w:killed")).probability()).isEqualTo(0.5);
        assertThat(m.match(new String[] {"killed"}, new String[0])).isEmpty();
        assertThat(m.size()).isZero();
    }

    @Test
    void theShippedModelLoadsSmallAndLeansTheRightWay() {
        TopicModel m = TopicModel.shipped();
        assertThat(m.size()).isBetween(1_000, 50_000);
        List<String> attack = TopicModel.features(Tokenizer.tokenize("Suicide bomber kills 20 at crowded market"),
                Tokenizer.tokenize("Militants detonated explosives, killing 20 people and wounding dozens."));
        List<String> diplomacy = TopicModel.features(
                Tokenizer.tokenize("Foreign ministers hold talks on new sanctions"),
                Tokenizer.tokenize("The envoy said the summit would discuss a peace deal."));
        List<String> neither = TopicModel.features(Tokenizer.tokenize("Team wins the cup final"),
                Tokenizer.tokenize("The striker scored twice in the second half."));
        assertThat(m.score(Topic.ATTACK, attack).probability()).isGreaterThan(0.8);
        assertThat(m.score(Topic.DIPLOMACY, diplomacy).probability()).isGreaterThan(0.8);
        assertThat(m.score(Topic.ATTACK, neither).probability()).isLessThan(0.2);
        assertThat(m.score(Topic.DIPLOMACY, neither).probability()).isLessThan(0.2);
    }

    @Test
    void theShippedResourceStaysUnderFiveMegabytes() throws Exception {
        try (var in = TopicModel.class.getClassLoader().getResourceAsStream(TopicModel.RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes().length).isLessThan(5_000_000);
        }
    }

    @Test
    void theRuleAddsAndVetoesWithItsReasons() {
        TopicModelRule rule = new TopicModelRule(Map.of(Topic.ATTACK, 0.8, Topic.DIPLOMACY, 2.0),
                Map.of(Topic.ATTACK, 0.05, Topic.DIPLOMACY, -1.0));
        List<String> reasons = new ArrayList<>();
        TopicModel.Score high = new TopicModel.Score(0.93, List.of("\"killed\" +1.42"));
        TopicModel.Score low = new TopicModel.Score(0.03, List.of("\"trial\" -1.10"));
        TopicModel.Score middle = new TopicModel.Score(0.5, List.of());
        assertThat(rule.decide(Topic.ATTACK, false, true, 0.93, () -> high, reasons)).isTrue();
        assertThat(rule.decide(Topic.ATTACK, true, true, 0.03, () -> low, reasons)).isFalse();
        assertThat(rule.decide(Topic.ATTACK, true, true, 0.5, () -> middle, reasons)).isTrue();
        assertThat(rule.decide(Topic.ATTACK, false, true, 0.5, () -> middle, reasons)).isFalse();
        assertThat(rule.decide(Topic.DIPLOMACY, false, true, 0.93, () -> high, reasons)).isFalse();
        assertThat(rule.decide(Topic.DIPLOMACY, true, true, 0.03, () -> low, reasons)).isTrue();
        assertThat(rule.decide(Topic.ATTACK, false, false, 0.99, () -> high, reasons)).isFalse();
        assertThat(reasons).containsExactly("attack (model): probability 0.93 — \"killed\" +1.42",
                "attack set aside (model): probability 0.03 — \"trial\" -1.10");
    }

    @Test
    void theShippedThresholdsAreProbabilitiesOrOff() {
        TopicModelRule rule = TopicModelRule.shipped();
        for (Topic t : Topic.values()) {
            assertThat(rule.add().get(t)).isGreaterThanOrEqualTo(0.5);
            assertThat(rule.veto().get(t)).isLessThan(0.5);
        }
    }

    @Test
    void aClassifierWithoutAModelGivesTheRulesAlone() {
        Lexicon lexicon = LexiconLoader.loadDefault();
        TopicModel sure = new TopicModel(Map.of(TopicModel.BIAS, w(10, 10)));
        String title = "Bakers hold their yearly bread fair";
        assertThat(new TopicClassifier(lexicon, null, TopicModelRule.of(0.5, -1)).classify(title, "").topics())
                .isEmpty();
        Classification withModel = new TopicClassifier(lexicon, sure, TopicModelRule.of(0.9, -1)).classify(title, "");
        assertThat(withModel.topics()).containsExactlyInAnyOrder(Topic.ATTACK, Topic.DIPLOMACY);
        assertThat(withModel.reasons()).contains("attack (model): probability 1.00", "diplomacy (model): probability 1.00");
        assertThat(new TopicClassifier(lexicon, sure, TopicModelRule.OFF).classify(title, "").topics()).isEmpty();
    }
}
