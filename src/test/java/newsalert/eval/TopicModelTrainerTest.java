package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TopicModelTrainer}: the same input gives the same weights, and blind items never reach it. */
class TopicModelTrainerTest {
    private static final Path DEV = Path.of("src", "test", "resources", "eval", "dev.jsonl");
    private static final Path CORPUS = Path.of("src", "test", "resources", "eval", "fixtures", "real", "corpus");

    @Test
    void trainingTwiceGivesTheSameWeights() throws Exception {
        List<TopicModelTrainer.Sample> samples = TopicModelTrainer.devSamples(DEV).subList(0, 120);
        Map<String, double[]> first = TopicModelTrainer.train(samples, 1.0, 2);
        Map<String, double[]> second = TopicModelTrainer.train(samples, 1.0, 2);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((k, v) -> assertThat(second.get(k)).as(k).containsExactly(v));
        assertThat(first).containsKey(newsalert.analysis.topic.TopicModel.BIAS);
    }

    @Test
    void wordsOfAttackItemsLeanTowardsAttack() throws Exception {
        Map<String, double[]> w = TopicModelTrainer.train(TopicModelTrainer.devSamples(DEV), 1.0, 2);
        assertThat(w.get("w:killed")[Topic.ATTACK.ordinal()]).isPositive();
        assertThat(w.get("w:talks")[Topic.DIPLOMACY.ordinal()]).isPositive();
    }

    @Test
    void freshLabelsRefuseABlindItem(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("fresh.jsonl");
        // hp-0005 is in the working half (SHA-256 starts 0xd8), hp-0001 in the blind half (0x41)
        Files.writeString(fresh, "{\"id\":\"hp-0005\",\"topics\":[],\"ambiguous\":false}\n"
                + "{\"id\":\"hp-0001\",\"topics\":[\"attack\"],\"ambiguous\":false}\n");
        assertThatThrownBy(() -> TopicModelTrainer.freshSamples(fresh, CORPUS))
                .isInstanceOf(EvalInputException.class)
                .hasMessageContaining("fresh.jsonl:2: hp-0001 is in the blind half");
    }

    @Test
    void freshLabelsJoinTheirTextAndSkipAmbiguousItems(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("fresh.jsonl");
        Files.writeString(fresh, "{\"id\":\"hp-0005\",\"topics\":[],\"ambiguous\":false}\n"
                + "{\"id\":\"hp-0007\",\"topics\":[\"attack\"],\"ambiguous\":true}\n");
        List<TopicModelTrainer.Sample> s = TopicModelTrainer.freshSamples(fresh, CORPUS);
        assertThat(s).extracting(TopicModelTrainer.Sample::id).containsExactly("hp-0005");
        assertThat(s.get(0).features()).contains("t:bakery");
    }
}
