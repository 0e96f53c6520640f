package newsalert.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.event.EventGrouper;
import newsalert.feed.FeedParser;
import newsalert.story.Assessment;
import newsalert.story.Story;

/**
 * The thread CPU time of event grouping alone over a folder of feed files (typically {@code PipelineBench --dump}),
 * so that two builds of the grouper can be set side by side on the storing thread's largest cost without the
 * fetching, parsing and store around it. Not a test and not JMH; run it with the jar under test first on the class
 * path: {@code java -Xmx3g -cp NEWSALERT_JAR:target/benchmarks.jar newsalert.bench.GroupingReplay DIR ROUNDS}.
 *
 * <p>Reads every file of DIR (sorted by name) as a feed with the default parser, assesses each story with the
 * default analysis (untimed), sorts the stories by published time (undated first) as {@code scan} offers them,
 * then, ROUNDS times, offers them all to a fresh {@link EventGrouper} with default settings and prints the round's
 * CPU seconds of this thread, the events made, and a hash of every offer's event id (the same in every build that
 * groups alike).
 */
public final class GroupingReplay {
    private GroupingReplay() {
    }

    /**
     * @param args a folder of feed files, then the number of timed rounds
     * @throws Exception when a file cannot be read or parsed
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        FeedParser parser = new FeedParser();
        Assessor assessor = Assessor.create(AnalysisSettings.defaults());
        Instant seen = Instant.parse("2026-12-01T00:00:00Z");
        List<Story> stories = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                stories.addAll(parser.parse(Files.readAllBytes(f), "application/rss+xml", f.toUri().toString(), seen)
                        .stories());
            }
        }
        stories.sort(Comparator.comparing(s -> s.published() == null ? Instant.EPOCH : s.published()));
        List<Assessment> assessments = new ArrayList<>(stories.size());
        for (Story s : stories) {
            assessments.add(assessor.assess(s));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            EventGrouper grouper = new EventGrouper();
            long hash = 0;
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < stories.size(); i++) {
                hash = hash * 31 + grouper.offer(stories.get(i), assessments.get(i)).id().hashCode();
            }
            long t1 = mx.getCurrentThreadCpuTime();
            System.out.printf("round %d: %d stories, %d events, CPU %.3f s, ids hash %x%n", r, stories.size(),
                    grouper.size(), (t1 - t0) / 1e9, hash);
        }
    }
}
