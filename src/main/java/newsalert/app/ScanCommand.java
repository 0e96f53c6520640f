package newsalert.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import newsalert.analysis.Assessor;
import newsalert.config.ConfigException;
import newsalert.json.StoryJson;
import newsalert.pipeline.ReadResult;
import newsalert.platform.console.AlertText;
import newsalert.story.Assessment;
import newsalert.story.Story;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scan <file|directory|URL>...}: reads feeds once, assesses every entry and prints the alerts
 * a chat would receive. Stores nothing. Exit code 0 when at least one input was read, 1 otherwise.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Read feeds once and print the alerts a chat would receive. Stores nothing.",
                "Inputs: feed files, directories of feed files (searched recursively; names starting with a dot are"
                        + " skipped), or http(s) URLs."},
        footer = {"", "Examples:",
                "  newsalert scan ../shared/corpus/seed/kyiv-strike.rss",
                "  newsalert scan --all https://feeds.bbci.co.uk/news/world/rss.xml",
                "  newsalert scan --explain feed.xml",
                "  newsalert scan --json feeds/ | jq 'select(.alert)'"})
public final class ScanCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "feed file, directory or http(s) URL")
    List<String> inputs;

    @Option(names = "--all", description = "also print stories that are not alerts")
    boolean all;

    @Option(names = "--json", description = "print one JSON object per story (JSON Lines) instead of text")
    boolean json;

    @Option(names = "--explain",
            description = "with each printed story, show why: matched terms and rules, and the sentence each"
                    + " count and quote was read from")
    boolean explain;

    @Option(names = "--config", paramLabel = "FILE",
            description = "config file for analysis and fetch settings (default: built-in defaults)")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Assessor assessor;
        SourceReader reader;
        try {
            Wiring wiring = Wiring.load(config);
            assessor = wiring.assessor();
            reader = wiring.sourceReader();
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        int read = 0;
        int failed = 0;
        int stories = 0;
        int alerts = 0;
        for (String location : expand(inputs, err)) {
            ReadResult result = reader.read(location, null, null, Clock.systemUTC().instant());
            if (result instanceof ReadResult.Failed f) {
                err.println("error: " + location + ": " + f.reason());
                err.flush();
                failed++;
                continue;
            }
            if (!(result instanceof ReadResult.Read r)) {
                continue;
            }
            read++;
            for (Story story : r.stories()) {
                Assessment a = assessor.assess(story);
                stories++;
                if (a.alert()) {
                    alerts++;
                }
                if (json) {
                    out.println(StoryJson.toLine(StoryJson.toJson(story, a, false)));
                } else if (a.alert() || all) {
                    out.print(AlertText.render(story, a));
                    if (explain) {
                        out.print(AlertText.explain(a));
                    }
                    out.println();
                }
            }
            out.flush();
        }
        err.printf("%d input(s) read, %d failed; %d stories, %d alerts%n", read, failed, stories, alerts);
        err.flush();
        return read > 0 ? 0 : 1;
    }

    private static List<String> expand(List<String> inputs, PrintWriter err) {
        List<String> out = new ArrayList<>();
        for (String in : inputs) {
            if (SourceReader.isUrl(in)) {
                out.add(in);
                continue;
            }
            Path p = Path.of(in);
            if (Files.isDirectory(p)) {
                List<String> found = new ArrayList<>();
                try (Stream<Path> files = Files.walk(p)) {
                    files.filter(f -> !hidden(p, f)).filter(Files::isRegularFile)
                            .map(Path::toString).sorted().forEach(found::add);
                } catch (IOException | UncheckedIOException e) {
                    err.println("error: " + in + ": cannot list directory: " + e.getMessage());
                }
                if (found.isEmpty()) {
                    err.println("error: " + in + ": no feed files in this directory");
                }
                out.addAll(found);
            } else {
                out.add(in);
            }
        }
        return out;
    }

    /** Files and folders whose name starts with a dot (.git, .DS_Store…) below the given root are skipped. */
    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
