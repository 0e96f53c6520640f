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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import newsalert.analysis.Assessor;
import newsalert.config.ConfigException;
import newsalert.config.NewsalertConfig;
import newsalert.feed.Discovery;
import newsalert.feed.FeedDiscovery;
import newsalert.event.Event;
import newsalert.event.EventSettings;
import newsalert.event.EventText;
import newsalert.json.EventJson;
import newsalert.json.StoryJson;
import newsalert.pipeline.AlertDecision;
import newsalert.pipeline.EventTracker;
import newsalert.pipeline.ReadResult;
import newsalert.pipeline.ScanReads;
import newsalert.platform.console.AlertText;
import newsalert.story.Assessment;
import newsalert.store.StoreException;
import newsalert.story.Story;
import newsalert.subscription.place.PlaceFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scan <file|directory|URL>...}: reads feeds once, assesses every entry and prints the alerts
 * a chat would receive. Stores nothing. Exit code 0 when at least one input was read, 1 otherwise.
 *
 * <p>It is {@code run}'s pipeline, in three passes that keep its memory independent of the number of inputs
 * (the event memory aside): every input is read and its stories written to a temporary file ({@link ScanSpill});
 * the stories of all inputs are then offered in published order (undated ones last) to the same decision and
 * store step as a poll ({@link ScanReads}: {@code FeedDecision} → {@code FeedWrite} → {@code NewsStore.apply}),
 * each run of consecutive stories of one input as one read, over a temporary store ({@link ScanStore}), with
 * the same settings ({@code poll.max-age}, {@code events.window}, {@code events.min-outlets},
 * {@code analysis.alert-severity}); what each story prints is kept in the file and copied out in input order.
 * {@code --json} adds each story's {@code event} id, and {@code --events} prints one entry per event instead of
 * one per story. With {@code events.min-outlets} above 1, a story is an alert only when its event has been told
 * by that many distinct sources, counting the stories published up to it.
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
                    + " count and quote was read from; also print each story with a topic that run would not alert"
                    + " now, with the reason (too old for poll.max-age counted from the scan's time, joined an"
                    + " alerted event, below analysis.alert-severity, held by events.min-outlets) -- [ALERT] stays"
                    + " the story's own verdict; with --events, why each story started or joined its event")
    boolean explain;

    @Option(names = "--events",
            description = "group the stories of all inputs into events and print one entry per event (with"
                    + " --json: one JSON object per event); alert events only unless --all")
    boolean events;

    @Option(names = "--config", paramLabel = "FILE",
            description = "config file for analysis and fetch settings (default: config/newsalert.yml when present,"
                    + " else built-in defaults)")
    Path config;

    /** The most stories held in memory at once by the last {@link #call}, besides the event memory (for tests). */
    int peakEntriesHeld;
    /** The stories the event memory held at the end of the last {@link #call} (a bound check for tests). */
    int eventStoriesHeld;

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
        EventTracker tracker = new EventTracker(grouping, cfg.events().minOutlets(), events && explain);
        Tally tally = new Tally();
        Expanded expanded = expand(inputs, err);
        tally.failed += expanded.failed();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (ScanStore temp = ScanStore.create(tmp); ScanSpill spill = ScanSpill.create(tmp)) {
            // pass 1: read every input, its stories to the spill
            List<String> titles = new ArrayList<>();
            for (String location : expanded.locations()) {
                readOne(reader, location, spill, titles, tally, err);
            }
            // pass 2: run's decision path over the stories in published order, a read per run of one input's
            ScanReads reads = new ScanReads(temp.store(), assessor::assess, cfg.poll().maxAge(), tracker,
                    cfg.analysis().alertSeverity());
            decide(reads, spill, titles, tally);
            // pass 3: what each story prints, in input order
            if (!events) {
                for (int p = 0; p < spill.size(); p++) {
                    out.print(spill.text(p));
                }
            }
        } catch (StoreException e) {
            out.flush();
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        } catch (UncheckedIOException e) {
            out.flush();
            err.println("error: scan could not use its temporary file in " + tmp + " (" + e.getCause().getMessage()
                    + "); free some disk space there, or point java.io.tmpdir elsewhere with -Djava.io.tmpdir=DIR");
            err.flush();
            return 1;
        }
        int eventCount = 0;
        for (Event e : tracker.events()) {
            eventCount++;
            boolean alert = tally.alertEvents.contains(e.id().value());
            if (!events) {
                continue;
            }
            if (json) {
                ObjectNode o = EventJson.toJson(e, alert);
                out.println(StoryJson.toLine(explain ? EventJson.putExplain(o, tracker.explanations(e)) : o));
            } else if (alert || all) {
                out.print(EventText.render(e, alert, tracker.explanations(e)));
            }
        }
        eventStoriesHeld = tracker.storiesHeld();
        out.flush();
        err.printf("%d input(s) read, %d failed; %d stories, %d alerts, %d events%n", tally.read, tally.failed,
                tally.stories, tally.alerts, eventCount);
        err.flush();
        return tally.read > 0 ? 0 : 1;
    }

    /** The counts of one invocation, and the events that hold an alert. */
    private static final class Tally {
        int read;
        int failed;
        int stories;
        int alerts;
        final Set<String> alertEvents = new HashSet<>();
    }

    /** Reads one input and writes its stories to the spill; a failure or an empty feed is one line on stderr. */
    private void readOne(SourceReader reader, String location, ScanSpill spill, List<String> titles, Tally tally,
                         PrintWriter err) {
        ReadResult result = read(reader, location, err);
        if (result instanceof ReadResult.Failed f) {
            err.println("error: " + location + ": " + f.reason());
            err.flush();
            tally.failed++;
            return;
        }
        if (!(result instanceof ReadResult.Read r)) {
            return;
        }
        tally.read++;
        if (r.warning() != null) {
            err.println("warning: " + location + ": " + r.warning());
            err.flush();
        }
        if (r.stories().isEmpty()) {
            err.println("warning: " + location + ": read, but no items: the "
                    + (SourceReader.isUrl(location) ? "feed" : "file") + " may be truncated, or the feed is empty");
            err.flush();
        }
        peakEntriesHeld = Math.max(peakEntriesHeld, r.stories().size());
        int input = titles.size();
        titles.add(r.title());
        for (Story story : r.stories()) {
            spill.add(input, story);
        }
    }

    /**
     * Offers the spilled stories to {@code run}'s decision path in published order (undated last, as the poller
     * stamps them with the poll time), each run of consecutive stories of one input as one read of that input's
     * feed (every input under a key of its own: a file given twice is decided twice), and keeps what each story
     * prints.
     */
    private void decide(ScanReads reads, ScanSpill spill, List<String> titles, Tally tally) {
        Instant now = Clock.systemUTC().instant();
        int[] order = spill.publishedOrder();
        int from = 0;
        while (from < order.length) {
            int input = spill.input(order[from]);
            int to = from + 1;
            while (to < order.length && spill.input(order[to]) == input) {
                to++;
            }
            List<Story> stories = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                stories.add(spill.story(order[k]));
            }
            peakEntriesHeld = Math.max(peakEntriesHeld, stories.size());
            List<ScanReads.Entry> decided = reads.record("scan:" + input, new ReadResult.Read(titles.get(input),
                    stories, null, null), now);
            for (int k = from; k < to; k++) {
                spill.setText(order[k], text(decided.get(k - from), tally));
            }
            from = to;
        }
    }

    /** @return what the story prints (empty for nothing), counting it */
    private String text(ScanReads.Entry e, Tally tally) {
        tally.stories++;
        // with events.min-outlets above 1, a story whose event has too few outlets yet is not an alert
        Assessment a = e.alert() == e.assessment().alert() ? e.assessment() : notAlert(e.assessment());
        if (a.alert()) {
            tally.alerts++;
            tally.alertEvents.add(e.event());
        }
        if (events) {
            return "";
        }
        AlertDecision held = explain ? e.held() : null;
        String nl = System.lineSeparator();
        if (json) {
            ObjectNode o = StoryJson.toJson(e.story(), a, false).put("event", e.event());
            Set<String> countries = PlaceFinder.standard().countriesIn(e.story().title() + "\n" + e.story().body());
            if (!countries.isEmpty()) { // issue 18: ISO codes of the places named, absent when none
                countries.forEach(o.putArray("countries")::add);
            }
            if (held != null) { // only with --explain: what run would decide, as the text form says it
                o.putObject("decision").put("kind", held.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .put("reason", held.reason());
            }
            return StoryJson.toLine(o) + nl;
        }
        if (!(a.alert() || all || held != null)) {
            return "";
        }
        StringBuilder sb = new StringBuilder(AlertText.render(e.story(), a));
        if (explain) {
            sb.append(AlertText.explain(a));
            if (held != null) {
                sb.append("  run would not alert it: ").append(held.reason()).append(nl);
            }
        }
        return sb.append(nl).toString();
    }

    private static Assessment notAlert(Assessment a) {
        return new Assessment(a.topics(), a.severity(), a.reasons(), a.casualties(), a.quotes(), false,
                a.language());
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
                yield new ReadResult.Read(d.feed().title(), d.feed().stories(), d.etag(), d.lastModified(),
                        d.feed().warning());
            }
            case SEVERAL -> {
                int listed = Math.min(d.candidates().size(), FeedDiscovery.MAX_CANDIDATES);
                StringBuilder list = new StringBuilder("a web page offering " + d.candidates().size()
                        + " feeds; scan one of them" + (listed < d.candidates().size() ? " (the first " + listed
                        + " below)" : "") + ":");
                d.candidates().subList(0, listed).forEach(c -> list.append("\n  ").append(c.url())
                        .append(c.title().isBlank() ? "" : " (" + c.title() + ")"));
                yield new ReadResult.Failed(list.toString());
            }
            case NONE -> new ReadResult.Failed(d.problem());
        };
    }
}
