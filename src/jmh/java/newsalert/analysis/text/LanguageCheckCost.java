package newsalert.analysis.text;

import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import newsalert.bench.BenchStories;
import newsalert.story.Story;

/**
 * What {@link LanguageDetector} adds to {@link Assessor#assess} on English stories: the thread CPU time of the
 * plain-English check on tokens already made (as {@code assess} calls it), beside {@code assess} itself, in one
 * JVM, the two alternating round by round. In this package because the check on tokens is package-private. Run:
 * {@code java -Xms512m -Xmx512m -cp target/benchmarks.jar newsalert.analysis.text.LanguageCheckCost}.
 *
 * <p>Prints the best round of each in µs of CPU time a story (10 warm-up rounds, then at least 30 more and 10 s).
 * With the argument {@code load} it prints instead what the first story that needs OpenNLP's model costs: the
 * thread CPU time and wall time of reading the model, and the heap it keeps (after a GC).
 */
public final class LanguageCheckCost {
    private static Object sink;

    private LanguageCheckCost() {
    }

    /** @param args none, or {@code load} */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("load")) {
            load();
            return;
        }
        List<Story> stories = BenchStories.load();
        Tokenizer.Lexed[][] lexed = new Tokenizer.Lexed[stories.size()][];
        for (int i = 0; i < stories.size(); i++) {
            lexed[i] = new Tokenizer.Lexed[] {Tokenizer.lex(stories.get(i).title()), Tokenizer.lex(stories.get(i).body())};
        }
        Assessor assessor = Assessor.create(AnalysisSettings.defaults());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double check = Double.MAX_VALUE;
        double assess = Double.MAX_VALUE;
        long end = System.nanoTime() + 10_000_000_000L;
        for (int r = 0; r < 40 || System.nanoTime() < end; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int p = 0; p < 200; p++) {
                for (int i = 0; i < stories.size(); i++) {
                    Story s = stories.get(i);
                    sink = LanguageDetector.detect(s.title(), s.body(), lexed[i][0], lexed[i][1]);
                }
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int p = 0; p < 20; p++) {
                for (Story s : stories) {
                    sink = assessor.assess(s);
                }
            }
            long t2 = mx.getCurrentThreadCpuTime();
            if (r >= 10) {
                check = Math.min(check, (t1 - t0) / 1000.0 / (200 * stories.size()));
                assess = Math.min(assess, (t2 - t1) / 1000.0 / (20 * stories.size()));
            }
        }
        System.out.printf("plain-English check: CPU µs/story best %.3f; assess best %.2f; the check is %.1f %% of assess%n",
                check, assess, 100 * check / assess);
    }

    private static void load() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // the word lists and the vocabulary first (plain English: no model), so that only the model is timed
        LanguageDetector.detect("The talks of the leaders and the envoys", "");
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        long cpu = mx.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        String found = LanguageDetector.detect("Drei Tote bei Explosion in einer Lagerhalle am Stadtrand", "");
        cpu = mx.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        System.gc();
        heap = memory.getHeapMemoryUsage().getUsed() - heap;
        System.out.printf("first story needing the model (%s): CPU %.0f ms, wall %.0f ms, heap kept +%.1f MB%n",
                found, cpu / 1e6, wall / 1e6, heap / 1048576.0);
    }
}
