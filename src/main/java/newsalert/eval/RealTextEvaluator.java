package newsalert.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import newsalert.story.Assessment;
import newsalert.story.Story;

/**
 * Scores the analysis on real published text: reads every {@code *.jsonl} label file of a folder (ids and
 * labels only, see {@link RealLabelReader}), joins each label with its title and body in the corpus folder
 * ({@link RealCorpus}), and reports the dev-set measures ({@link DevEvaluator}) per source and half, named
 * {@code real:<source>:<half>} ({@code real:huffpost:working}, {@code real:huffpost:blind},
 * {@code real:wikinews:working}, {@code real:wikinews:blind}; a source and half without labels gives no
 * report). Items labelled {@code ambiguous} are left out of the topic measures and {@code false-alerts}.
 * The blind half's reports carry no misses: only the working half's misses are ever read.
 */
public final class RealTextEvaluator {
    /** The half whose misses may be read when improving the rules. */
    public static final String WORKING = "working";
    /** The half whose misses are never shown, so its figures measure text the rules were not tuned on. */
    public static final String BLIND = "blind";

    private RealTextEvaluator() {
    }

    /**
     * @param labels the label folder (e.g. {@code src/test/resources/eval/real})
     * @param corpus the corpus folder (e.g. {@code ../shared/corpus/news})
     * @param assess the analysis under test
     * @return the reports, sources in the order huffpost, wikinews, each working then blind
     * @throws EvalInputException when a folder is missing, the label folder has no {@code *.jsonl} file, a
     *                            label line is bad ({@code "<file>:<line>: …"}), or an id is labelled in two
     *                            files
     */
    public static List<EvalReport> evaluate(Path labels, Path corpus, Function<Story, Assessment> assess) {
        List<Path> files = labelFiles(labels);
        RealCorpus text = new RealCorpus(corpus);
        Map<String, Path> seen = new HashMap<>();
        Map<String, List<RealLabelReader.RealItem>> groups = new HashMap<>();
        for (Path file : files) {
            for (RealLabelReader.RealItem r : RealLabelReader.read(file, text)) {
                Path first = seen.putIfAbsent(r.item().id(), file);
                if (first != null) {
                    throw new EvalInputException(file + ": id " + r.item().id() + " is labelled again (first in "
                            + first + "); label each item once", true);
                }
                groups.computeIfAbsent(name(r.source(), r.blind() ? BLIND : WORKING), k -> new ArrayList<>()).add(r);
            }
        }
        List<EvalReport> reports = new ArrayList<>();
        for (String source : RealCorpus.sourceNames()) {
            for (String half : List.of(WORKING, BLIND)) {
                List<RealLabelReader.RealItem> group = groups.get(name(source, half));
                if (group == null) {
                    continue;
                }
                List<String> inDoubt = group.stream().filter(RealLabelReader.RealItem::ambiguous)
                        .map(r -> r.item().id()).toList();
                EvalReport report = DevEvaluator.evaluate(name(source, half),
                        group.stream().map(RealLabelReader.RealItem::item).toList(), assess,
                        item -> !inDoubt.contains(item.id()));
                reports.add(half.equals(BLIND) ? report.withoutMisses() : report);
            }
        }
        return reports;
    }

    /**
     * @param report a report of {@link #evaluate}
     * @return true when it is a blind half's
     */
    public static boolean blind(EvalReport report) {
        return report.name().startsWith("real:") && report.name().endsWith(":" + BLIND);
    }

    private static String name(String source, String half) {
        return "real:" + source + ":" + half;
    }

    private static List<Path> labelFiles(Path dir) {
        if (Files.isRegularFile(dir)) {
            throw new EvalInputException(dir + ": is a file; --real takes the folder of *.jsonl label files (give"
                    + " the folder, or put labelled files in the dev format before --real)");
        }
        if (!Files.isDirectory(dir)) {
            throw new EvalInputException(dir + ": label folder not found (give --real DIR, the folder holding the"
                    + " real-text *.jsonl label files)");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new EvalInputException(dir + ": no *.jsonl label files in this folder");
            }
            return files;
        } catch (IOException e) {
            throw new EvalInputException(dir + ": cannot list the folder: "
                    + (e.getMessage() == null ? "input/output error" : e.getMessage()));
        }
    }
}
