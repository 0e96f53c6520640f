package newsalert.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import newsalert.analysis.Assessor;
import newsalert.config.ConfigException;
import newsalert.config.NewsalertConfig;
import newsalert.feed.Discovery;
import newsalert.event.Event;
import newsalert.event.EventGrouper;
import newsalert.event.EventId;
import newsalert.event.EventSettings;
import newsalert.event.EventText;
import newsalert.json.EventJson;
import newsalert.json.StoryJson;
import newsalert.pipeline.AlertDecision;
import newsalert.pipeline.AlertDecisions;
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
 *
 * <p>All stories of one invocation are grouped into events ({@link EventGrouper}, offered in published
 * order, stories without a date last): {@code --json} adds each story's {@code event} id, and
 * {@code --events} prints one entry per event instead of one per story.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Read feeds once and print the alerts a chat would receive. Stores nothing.",
                "Inputs: feed files, directories of feed files (searched recursively; names starting with a dot are"
                        + " skipped), or http(s) URLs."},
        footer = {"", "Examples:",
                "  newsalert scan ../shared/corpus/seed/kyiv-strike.rss",
                "  newsalert scan --all https://feeds.bbci.co.uk/news/world/rss.xml",
                "  newsalert scan --explain feed.xml",
                "  newsalert scan --json feeds/ | jq 'select(.alert)'",
                "  newsalert scan --events feeds/",
                "  newsalert scan --events --explain feeds/",
                "  newsalert scan --events --json feeds/ | jq 'select(.outlets > 1)'"})
public final class ScanCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScanCommand.class);
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
                    + " count and quote was read from; also print each story with a topic that run would not alert,"
                    + " with the reason (too old for poll.max-age, joined an alerted event, below"
                    + " analysis.alert-severity, held by events.min-outlets); with --events, why each story started"
                    + " or joined its event")
    boolean explain;

    @Option(names = "--events",
            description = "group the stories of all inputs into events and print one entry per event (with"
                    + " --json: one JSON object per event); alert events only unless --all")
    boolean events;

    @Option(names = "--config", paramLabel = "FILE",
            description = "config file for analysis and fetch settings (default: config/newsalert.yml when present,"
                    + " else built-in defaults)")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Assessor assessor;
        SourceReader reader;
        EventSettings grouping;
        NewsalertConfig cfg;
        Path file = config;
        if (file == null && Files.isRegularFile(RunCommand.DEFAULT_CONFIG)) {
            file = RunCommand.DEFAULT_CONFIG; // like run and status
            LOG.info("using config file {} (give --config FILE for another)", file);
        }
        try {
            Wiring wiring = Wiring.load(file);
            assessor = wiring.assessor();
            reader = wiring.sourceReader();
            cfg = wiring.config();
            grouping = EventSettings.defaults().withWindow(cfg.events().window());
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        int read = 0;
        int failed = 0;
        List<Story> stories = new ArrayList<>();
        List<Assessment> assessments = new ArrayList<>();
        Expanded expanded = expand(inputs, err);
        failed += expanded.failed();
        for (String location : expanded.locations()) {
            ReadResult result = read(reader, location, err);
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
            if (r.stories().isEmpty()) {
                err.println("warning: " + location + ": read, but no items: the "
                        + (SourceReader.isUrl(location) ? "feed" : "file") + " may be truncated, or the feed is empty");
                err.flush();
            }
            for (Story story : r.stories()) {
                stories.add(story);
                assessments.add(assessor.assess(story));
            }
        }
        EventGrouper grouper = group(stories, assessments, grouping, events && explain);
        // what run would decide for each story with a topic that does not alert, shown under it with --explain
        Map<Integer, AlertDecision> held = explain && !events ? AlertDecisions.replay(stories, assessments, grouping,
                cfg.events().minOutlets(), cfg.poll().maxAge(), cfg.analysis().alertSeverity(),
                Clock.systemUTC().instant()) : Map.of();
        int alerts = 0;
        Set<EventId> alertEvents = new HashSet<>();
        for (int i = 0; i < stories.size(); i++) {
            Story story = stories.get(i);
            Assessment a = assessments.get(i);
            EventId event = grouper.eventOf(story.id()).orElseThrow();
            if (a.alert()) {
                alerts++;
                alertEvents.add(event);
            }
            if (events) {
                continue;
            }
            if (json) {
                ObjectNode o = StoryJson.toJson(story, a, false).put("event", event.value());
                if (held.containsKey(i)) { // only with --explain: what run would decide, as the text form says it
                    AlertDecision d = held.get(i);
                    o.putObject("decision").put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT))
                            .put("reason", d.reason());
                }
                out.println(StoryJson.toLine(o));
            } else if (a.alert() || all || held.containsKey(i)) {
                out.print(AlertText.render(story, a));
                if (explain) {
                    out.print(AlertText.explain(a));
                    if (held.containsKey(i)) {
                        out.println("  run would not alert it: " + held.get(i).reason());
                    }
                }
                out.println();
            }
        }
        int eventCount = 0;
        for (Event e : grouper.events()) {
            eventCount++;
            boolean alert = alertEvents.contains(e.id());
            if (!events) {
                continue;
            }
            if (json) {
                ObjectNode o = EventJson.toJson(e, alert);
                out.println(StoryJson.toLine(explain ? EventJson.putExplain(o, grouper.explanations(e)) : o));
            } else if (alert || all) {
                out.print(EventText.render(e, alert, grouper.explanations(e)));
            }
        }
        out.flush();
        err.printf("%d input(s) read, %d failed; %d stories, %d alerts, %d events%n", read, failed, stories.size(),
                alerts, eventCount);
        err.flush();
        return read > 0 ? 0 : 1;
    }

    /**
     * Groups in published order (stable; undated stories last), within {@code events.window} of the config. A story id met twice (the same entry in
     * two inputs) revises its first telling, as the grouper does.
     */
    private static EventGrouper group(List<Story> stories, List<Assessment> assessments, EventSettings settings,
                                      boolean explain) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> stories.get(i).published(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        EventGrouper grouper = new EventGrouper(settings, explain);
        for (int i : order) {
            grouper.add(stories.get(i), assessments.get(i));
        }
        return grouper;
    }

    /**
     * @param locations the files and URLs to read
     * @param failed    inputs already failed while expanding (an empty or unlistable directory)
     */
    private record Expanded(List<String> locations, int failed) {
    }

    /** Replaces each directory by its feed files; a directory with none counts as a failed input. */
    private static Expanded expand(List<String> inputs, PrintWriter err) {
        List<String> out = new ArrayList<>();
        int failed = 0;
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
                    failed++;
                    continue;
                }
                if (found.isEmpty()) {
                    err.println("error: " + in + ": no feed files in this directory");
                    failed++;
                }
                out.addAll(found);
            } else {
                out.add(in);
            }
        }
        return new Expanded(out, failed);
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

    /**
     * Reads a file, or an http(s) address with discovery: a web page is read through the feed it links to (a
     * note on stderr says which); a page offering several feeds fails with their list.
     */
    private static ReadResult read(SourceReader reader, String location, PrintWriter err) {
        Instant now = Clock.systemUTC().instant();
        if (!SourceReader.isUrl(location)) {
            return reader.read(location, null, null, now);
        }
        Discovery d = reader.discover(location, now);
        return switch (d.kind()) {
            case FEED, FOUND -> {
                if (d.kind() == Discovery.Kind.FOUND) {
                    err.println("note: " + location + " is a web page; reading its feed " + d.feedUrl());
                }
                yield new ReadResult.Read(d.feed().title(), d.feed().stories(), d.etag(), d.lastModified());
            }
            case SEVERAL -> {
                StringBuilder list = new StringBuilder("a web page offering " + d.candidates().size()
                        + " feeds; scan one of them:");
                d.candidates().forEach(c -> list.append("\n  ").append(c.url())
                        .append(c.title().isBlank() ? "" : " (" + c.title() + ")"));
                yield new ReadResult.Failed(list.toString());
            }
            case NONE -> new ReadResult.Failed(d.problem());
        };
    }
}
