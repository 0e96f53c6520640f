package newsalert.analysis.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import newsalert.analysis.text.Tokenizer;
import org.junit.jupiter.api.Test;

/**
 * {@link TopicModel#match(Tokenizer.Lexed, Tokenizer.Lexed)} finds a story's features by the tokens' vocabulary ids
 * (issue 15 item 7): it must give exactly the features {@link TopicModel#features} names, for the shipped model and
 * for a model with words the vocabulary lacks.
 */
class TopicModelMatchByIdTest {

    /** @return the names of the features {@code ids} stands for */
    private static List<String> names(TopicModel m, int[] ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            out.add(m.featureName(id));
        }
        return out;
    }

    /** @return the features {@link TopicModel#features} names that the model has, sorted as ids sort (by name) */
    private static List<String> expected(TopicModel m, String title, String body) {
        TreeSet<String> known = new TreeSet<>();
        for (int id = 0; id < m.size(); id++) {
            known.add(m.featureName(id));
        }
        TreeSet<String> out = new TreeSet<>(TopicModel.features(Tokenizer.tokenize(title), Tokenizer.tokenize(body)));
        out.retainAll(known);
        return new ArrayList<>(out);
    }

    private static void assertSame(TopicModel m, String title, String body) {
        Tokenizer.Lexed t = Tokenizer.lex(title);
        Tokenizer.Lexed b = Tokenizer.lex(body);
        int[] byId = m.match(t, b);
        int[] byString = m.match(t.tokens().words(), b.tokens().words());
        assertThat(byId).as(title + " / " + body).isEqualTo(byString);
        assertThat(names(m, byId)).as(title + " / " + body).isEqualTo(expected(m, title, body));
    }

    @Test
    void theShippedModelsWordsAllHaveVocabularyIds() {
        assertThat(TopicModel.shipped().allWordsHaveIds()).isTrue();
    }

    @Test
    void invented2000StoriesOfTheModelsOwnWordsMatchAlike() throws IOException {
        TopicModel m = TopicModel.shipped();
        List<String> words = new ArrayList<>(modelWords());
        words.addAll(List.of("the", "of", "and", "12", "3rd", "2026", "zqxv", "Kyiv's", "İstanbul", "ISTANBUL",
                "Ｋｉｌｌｅｄ", "caf\u00e9", "—", ",", "."));
        Random r = new Random(15_7);
        for (int k = 0; k < 2000; k++) {
            assertSame(m, sentence(r, words, 2 + r.nextInt(12)), sentence(r, words, r.nextInt(120)));
        }
    }

    @Test
    void aModelWithWordsTheVocabularyLacksStillFindsThem() {
        TopicModel m = new TopicModel(Map.of("w:zqxv", new double[] {1.0, 0}, "p:zqxv|killed", new double[] {0.5, 0},
                "t:blorp", new double[] {0, 0.3}, "w:#", new double[] {0.2, 0}, "p:killed|#", new double[] {0.1, 0}));
        assertThat(m.allWordsHaveIds()).isFalse();
        assertSame(m, "Blorp zqxv killed 12", "Zqxv killed 40 and the blorp");
        assertThat(names(m, m.match(Tokenizer.lex("Blorp zqxv killed 12"), Tokenizer.lex(""))))
                .containsExactly("p:zqxv|killed", "t:blorp", "w:zqxv"); // "#" is a stop word of topic-model.yml
    }

    @Test
    void emptyTextsMatchNothing() {
        TopicModel m = TopicModel.shipped();
        assertThat(m.match(Tokenizer.lex(""), Tokenizer.lex(null))).isEmpty();
        assertThat(m.match(Tokenizer.Lexed.EMPTY, Tokenizer.Lexed.EMPTY)).isEmpty();
    }

    private static String sentence(Random r, List<String> words, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = words.get(r.nextInt(words.size()));
            sb.append(r.nextInt(8) == 0 ? w.toUpperCase(java.util.Locale.ROOT) : w).append(' ');
        }
        return sb.toString();
    }

    /** @return the words of the shipped model's features */
    private static TreeSet<String> modelWords() throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (InputStream in = TopicModel.class.getClassLoader().getResourceAsStream(TopicModel.RESOURCE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t");
                if (f.length == 3 && f[1].length() > 2 && f[1].charAt(1) == ':') {
                    out.addAll(Arrays.asList(f[1].substring(2).split("\\|")));
                }
            }
        }
        return out;
    }
}
