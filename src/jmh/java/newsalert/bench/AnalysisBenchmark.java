package newsalert.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.analysis.casualty.CasualtyExtractor;
import newsalert.analysis.topic.LexiconLoader;
import newsalert.analysis.quote.QuoteExtractor;
import newsalert.analysis.topic.TopicClassifier;
import newsalert.story.Casualties;
import newsalert.story.Story;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the analysis on one thread, in stories per second.
 *
 * <p>Each invocation runs over all {@value #STORIES} benchmark stories ({@link BenchStories}) once, and
 * {@link OperationsPerInvocation} makes JMH count each story as one operation, so {@code ops/s} is
 * stories per second and, with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per
 * story (averaged over the set).
 *
 * <ul>
 *   <li>{@link #assess}: the whole {@link Assessor#assess(Story)} (casualties, quotes, topics, severity,
 *       reasons) — the figure to compare with the goal of 20,000 stories/s per core;</li>
 *   <li>{@link #casualties}: {@link CasualtyExtractor#extract(String, String)} on title and body;</li>
 *   <li>{@link #quotes}: {@link QuoteExtractor#extract(String)} on the body;</li>
 *   <li>{@link #topics}: {@link TopicClassifier#classify(String, String, Casualties)} on title and body,
 *       given the casualties computed once in setup (so it excludes the extraction).</li>
 * </ul>
 * The three parts add up to roughly {@code assess}; the remainder is severity scoring and the result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class AnalysisBenchmark {
    /** Number of stories in the benchmark set; checked against the resource in {@link #setUp()}. */
    static final int STORIES = 20;

    private Story[] stories;
    private Casualties[] casualtiesOf;
    private Assessor assessor;
    private CasualtyExtractor casualtyExtractor;
    private QuoteExtractor quoteExtractor;
    private TopicClassifier topicClassifier;

    /**
     * Loads the stories and builds the analysers with the embedded default lexicon.
     *
     * @throws IllegalStateException when the story file does not hold exactly {@value #STORIES} stories
     */
    @Setup
    public void setUp() {
        List<Story> loaded = BenchStories.load();
        if (loaded.size() != STORIES) {
            throw new IllegalStateException("expected " + STORIES + " stories in " + BenchStories.RESOURCE
                    + " but found " + loaded.size() + "; update AnalysisBenchmark.STORIES");
        }
        stories = loaded.toArray(Story[]::new);
        assessor = Assessor.create(AnalysisSettings.defaults());
        casualtyExtractor = new CasualtyExtractor();
        quoteExtractor = new QuoteExtractor();
        topicClassifier = new TopicClassifier(LexiconLoader.loadDefault());
        casualtiesOf = new Casualties[STORIES];
        for (int i = 0; i < STORIES; i++) {
            casualtiesOf[i] = casualtyExtractor.extract(stories[i].title(), stories[i].body());
        }
    }

    /** @param bh sink for the assessments */
    @Benchmark
    @OperationsPerInvocation(STORIES)
    public void assess(Blackhole bh) {
        for (Story s : stories) {
            bh.consume(assessor.assess(s));
        }
    }

    /** @param bh sink for the casualty counts */
    @Benchmark
    @OperationsPerInvocation(STORIES)
    public void casualties(Blackhole bh) {
        for (Story s : stories) {
            bh.consume(casualtyExtractor.extract(s.title(), s.body()));
        }
    }

    /** @param bh sink for the quote lists */
    @Benchmark
    @OperationsPerInvocation(STORIES)
    public void quotes(Blackhole bh) {
        for (Story s : stories) {
            bh.consume(quoteExtractor.extract(s.body()));
        }
    }

    /** @param bh sink for the classifications */
    @Benchmark
    @OperationsPerInvocation(STORIES)
    public void topics(Blackhole bh) {
        for (int i = 0; i < STORIES; i++) {
            bh.consume(topicClassifier.classify(stories[i].title(), stories[i].body(), casualtiesOf[i]));
        }
    }
}
