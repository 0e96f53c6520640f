package newsalert.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import newsalert.analysis.Assessor;
import newsalert.config.ConfigException;
import newsalert.eval.AgNewsEvaluator;
import newsalert.eval.DevEvaluator;
import newsalert.eval.EvalInputException;
import newsalert.eval.EvalReport;
import newsalert.eval.EventEvaluator;
import newsalert.eval.EventSetReader;
import newsalert.event.EventSettings;
import newsalert.eval.LabeledItem;
import newsalert.eval.LabeledReader;
import newsalert.eval.RealTextEvaluator;
import newsalert.eval.ReportPrinter;
import newsalert.eval.WikipediaEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eval <labeled.jsonl>... [--wikipedia FILE] [--ag-news FILE] [--events FILE]... [--real [DIR]
 * [--corpus DIR] [--half working|blind|both]] [--misses N|all] [--json]}: runs the analysis over labelled
 * data and prints the figures per measure with the misses;
 * {@code --events} groups a labelled set into events and scores the grouping by story pairs
 * ({@link EventEvaluator}); {@code --real} scores the real-text labels per source and half
 * ({@link RealTextEvaluator}), showing misses of the working half only ({@code --half blind} with
 * {@code --misses} is refused as bad usage). Several labelled
 * files are pooled into one report keyed {@code dev} in JSON (which also lists them under {@code files})
 * and headed by the files' names in text. Exit 0 when every file was read, 1 with a one-line error naming
 * the file (and line) otherwise (a format error ends with a pointer to README's {@code eval} section), 2 for
 * bad usage.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure the analysis on labelled items: topic precision/recall/F1, casualty counts and"
                + " qualifiers, quote text/speaker/precision, false alerts.",
                "Labelled format: src/test/resources/eval/README.md."},
        footer = {"", "Examples:",
                "  newsalert eval src/test/resources/eval/dev.jsonl",
                "  newsalert eval --misses all --wikipedia incidents.jsonl",
                "  newsalert eval --events src/test/resources/eval/events.jsonl",
                "  newsalert eval --real --half working --misses all",
                "  newsalert eval --json --ag-news ../shared/corpus/news/ag_news_test.csv | jq ."})
public final class EvalCommand implements Callable<Integer> {
    /** Appended to an error about a file's format (not to a missing or unreadable file). */
    static final String FORMAT_HINT = "; file formats: README.md, section \"eval\"";
    /** The real-text label folder {@code --real} reads when given no folder. */
    static final String DEFAULT_REAL = "src/test/resources/eval/real";
    /** The corpus folder {@code --real} joins labels with. */
    static final String DEFAULT_CORPUS = "../shared/corpus/news";
    /** Printed under a text report that holds a blind half. */
    static final String BLIND_NOTE = "The blind half's misses are not shown: they are never read, so its figures"
            + " keep measuring text the rules were not tuned on.";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "LABELED", description = "labelled JSON Lines file(s)")
    List<Path> labelled = new ArrayList<>();

    @Option(names = "--wikipedia", paramLabel = "FILE",
            description = "Wikipedia incident list (JSON Lines with Dead/Injured/Description)")
    Path wikipedia;

    @Option(names = "--ag-news", paramLabel = "FILE", description = "AG News test CSV (false alerts off World)")
    Path agNews;

    @Option(names = "--events", paramLabel = "FILE",
            description = "labelled grouping set (JSON Lines with id, event, source, published, title, body):"
                    + " pairwise precision and recall of event grouping; repeatable, one report per file")
    List<Path> events = new ArrayList<>();

    @Option(names = "--real", paramLabel = "DIR", arity = "0..1", fallbackValue = DEFAULT_REAL,
            description = "real-text label folder (every *.jsonl in it; ids and labels only, joined with the text in"
                    + " --corpus): the measures per source and half (default folder " + DEFAULT_REAL + ")")
    Path real;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = DEFAULT_CORPUS,
            description = "folder holding huffpost_dev.jsonl and wikinews_dev.jsonl for --real"
                    + " (default ${DEFAULT-VALUE})")
    Path corpus;

    @Option(names = "--half", paramLabel = "working|blind|both", defaultValue = "both",
            description = "which half of the real-text labels to report with --real (default ${DEFAULT-VALUE});"
                    + " misses are shown for the working half only")
    String half;

    @Option(names = "--misses", paramLabel = "N|all", defaultValue = "10",
            description = "misses shown per measure: a number or 'all' (default ${DEFAULT-VALUE})")
    String misses;

    @Option(names = "--json", description = "print one JSON object with all figures")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE",
            description = "config file for the analysis settings (default: built-in defaults)")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (labelled.isEmpty() && wikipedia == null && agNews == null && events.isEmpty() && real == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give at least one labelled file, --wikipedia, --ag-news, --events or --real");
        }
        int max = maxMisses();
        checkHalf(max);
        try {
            Assessor assessor = Wiring.load(config).assessor();
            List<EvalReport> reports = new ArrayList<>();
            if (!labelled.isEmpty()) {
                List<LabeledItem> items = new ArrayList<>();
                labelled.forEach(f -> items.addAll(LabeledReader.read(f)));
                reports.add(DevEvaluator.evaluate("dev", items, assessor::assess)
                        .withFiles(labelled.stream().map(Path::toString).toList()));
            }
            if (wikipedia != null) {
                reports.add(WikipediaEvaluator.evaluate(wikipedia, assessor::assess));
            }
            if (agNews != null) {
                reports.add(AgNewsEvaluator.evaluate(agNews, assessor::assess));
            }
            if (real != null) {
                RealTextEvaluator.evaluate(real, corpus, assessor::assess).stream()
                        .filter(r -> half.equals("both") || r.name().endsWith(":" + half))
                        .forEach(reports::add);
            }
            for (Path file : events) {
                String name = events.size() == 1 ? "events" : "events:" + file.getFileName();
                reports.add(EventEvaluator.evaluate(name, EventSetReader.read(file), assessor::assess,
                        EventSettings.defaults()));
            }
            out.print(json ? ReportPrinter.json(reports, max) + System.lineSeparator()
                    : ReportPrinter.text(reports, max));
            if (!json && max > 0 && reports.stream().anyMatch(RealTextEvaluator::blind)) {
                out.println(BLIND_NOTE);
            }
            out.flush();
            return 0;
        } catch (EvalInputException e) {
            err.println("error: " + e.getMessage() + (e.aboutFormat() ? FORMAT_HINT : ""));
            err.flush();
            return 1;
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private void checkHalf(int max) {
        if (!List.of("working", "blind", "both").contains(half)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--half must be working, blind or both: '" + half + "'");
        }
        boolean halfGiven = spec.commandLine().getParseResult().hasMatchedOption("--half");
        if (halfGiven && real == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--half applies to --real only; add --real [DIR]");
        }
        if (half.equals("blind") && max > 0 && spec.commandLine().getParseResult().hasMatchedOption("--misses")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "the blind half's misses are never shown: reading them would tune the rules to it, and its"
                            + " figures would no longer measure unseen text; use --half working to read misses");
        }
    }

    private int maxMisses() {
        if ("all".equalsIgnoreCase(misses.trim())) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(misses.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "--misses must be a number (0 or more) or 'all': '" + misses + "'");
    }
}
