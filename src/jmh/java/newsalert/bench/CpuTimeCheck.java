package newsalert.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.analysis.casualty.CasualtyExtractor;
import newsalert.analysis.text.LanguageDetector;
import newsalert.story.Story;

/**
 * A second opinion beside JMH on a machine shared with other jobs: the <em>thread CPU time</em> one
 * story takes, so time the thread spends waiting for a core is not counted (cache and core sharing
 * still are). Not a JMH benchmark; run it from the benchmark jar:
 * {@code java -Xms512m -Xmx512m -cp target/benchmarks.jar newsalert.bench.CpuTimeCheck assess}.
 *
 * <p>Rule: runs over the {@link BenchStories} for 14 s of warm-up, then 15 rounds of 100 passes, and
 * prints the best and the mean round in µs of CPU time per story, and the stories/s the best round
 * gives. The argument is {@code assess} ({@link Assessor#assess}), {@code quotes}, {@code topics} or {@code casualties}
 * ({@link CasualtyExtractor#extract(String, String)}), {@code language} ({@link LanguageDetector#detect} on title and
 * body: the plain-English check alone on these stories) or {@code language-headline} (the same on the title
 * alone, too short for that check: each call runs OpenNLP's model), {@code tokenize}
 * ({@link newsalert.analysis.text.Tokenizer#lex} of title and body), {@code model-match} (the topic model's
 * feature look-up alone over tokens read beforehand). {@code model-cost} times {@code assess} with the
 * shipped topic model and without it ({@link newsalert.analysis.topic.TopicModelRule#OFF}, no model), rounds alternating
 * in one JVM after the same warm-up for both, and prints both and their ratio.
 */
public final class CpuTimeCheck {
    private static Object sink;

    private CpuTimeCheck() {
    }

    /** @param args {@code assess}, {@code casualties}, {@code quotes}, {@code topics}, {@code language}, {@code language-headline}
     *             or {@code tokenize} */
    public static void main(String[] args) {
        String mode = args.length == 0 ? "assess" : args[0];
        List<Story> stories = BenchStories.load();
        if (mode.equals("model-cost")) {
            modelCost(stories);
            return;
        }
        Assessor assessor = Assessor.create(AnalysisSettings.defaults());
        CasualtyExtractor casualties = new CasualtyExtractor();
        newsalert.analysis.quote.QuoteExtractor quotes = new newsalert.analysis.quote.QuoteExtractor();
        newsalert.analysis.topic.TopicClassifier topics =
                new newsalert.analysis.topic.TopicClassifier(newsalert.analysis.topic.LexiconLoader.loadDefault());
        java.util.function.Consumer<Story> part = switch (mode) {
            case "quotes" -> s -> sink = quotes.extract(s.body());
            case "topics" -> s -> sink = topics.classify(s.title(), s.body());
            case "casualties" -> s -> sink = casualties.extract(s.title(), s.body());
            case "language" -> s -> sink = LanguageDetector.detect(s.title(), s.body());
            case "language-headline" -> s -> sink = LanguageDetector.detect(s.title(), "");
            case "tokenize" -> s -> {
                sink = newsalert.analysis.text.Tokenizer.lex(s.title());
                sink = newsalert.analysis.text.Tokenizer.lex(s.body());
            };
            case "model-match" -> matchPart(stories);
            default -> s -> sink = assessor.assess(s);
        };
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + 14_000_000_000L;
        while (System.nanoTime() < end) {
            run(stories, part, 200);
        }
        double best = Double.MAX_VALUE;
        double sum = 0;
        int rounds = 15;
        int passes = 100;
        for (int r = 0; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            run(stories, part, passes);
            double us = (mx.getCurrentThreadCpuTime() - t0) / 1000.0 / (passes * stories.size());
            best = Math.min(best, us);
            sum += us;
        }
        System.out.printf("%s: CPU µs/story best %.2f, mean %.2f; best = %.0f stories/s%n",
                mode, best, sum / rounds, 1e6 / best);
    }

    /**
     * {@code model-match}: the shipped topic model's feature look-up alone ({@code TopicModel.match} as the topic
     * classifier calls it), over tokens read once beforehand.
     */
    private static java.util.function.Consumer<Story> matchPart(List<Story> stories) {
        newsalert.analysis.topic.TopicModel model = newsalert.analysis.topic.TopicModel.shipped();
        java.util.Map<Story, newsalert.analysis.text.Tokenizer.Lexed[]> lexed = new java.util.IdentityHashMap<>();
        for (Story s : stories) {
            lexed.put(s, new newsalert.analysis.text.Tokenizer.Lexed[] {
                newsalert.analysis.text.Tokenizer.lex(s.title()), newsalert.analysis.text.Tokenizer.lex(s.body())});
        }
        return s -> {
            newsalert.analysis.text.Tokenizer.Lexed[] t = lexed.get(s);
            sink = model.match(t[0], t[1]);
        };
    }

    /** Interleaved rounds of {@code assess} with and without the topic model (see the class comment). */
    private static void modelCost(List<Story> stories) {
        Assessor with = Assessor.create(AnalysisSettings.defaults());
        Assessor without = Assessor.create(AnalysisSettings.defaults(), null,
                newsalert.analysis.topic.TopicModelRule.OFF);
        java.util.function.Consumer<Story> a = s -> sink = with.assess(s);
        java.util.function.Consumer<Story> b = s -> sink = without.assess(s);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + 14_000_000_000L;
        while (System.nanoTime() < end) {
            run(stories, a, 100);
            run(stories, b, 100);
        }
        double bestA = Double.MAX_VALUE;
        double bestB = Double.MAX_VALUE;
        for (int r = 0; r < 15; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            run(stories, a, 100);
            long t1 = mx.getCurrentThreadCpuTime();
            run(stories, b, 100);
            long t2 = mx.getCurrentThreadCpuTime();
            bestA = Math.min(bestA, (t1 - t0) / 1000.0 / (100 * stories.size()));
            bestB = Math.min(bestB, (t2 - t1) / 1000.0 / (100 * stories.size()));
        }
        System.out.printf("assess with the topic model: best %.2f CPU µs/story (%.0f stories/s); without: %.2f"
                + " (%.0f stories/s); ratio %.3f%n", bestA, 1e6 / bestA, bestB, 1e6 / bestB, bestA / bestB);
    }

    private static void run(List<Story> stories, java.util.function.Consumer<Story> part, int passes) {
        for (int k = 0; k < passes; k++) {
            for (Story s : stories) {
                part.accept(s);
            }
        }
    }
}
