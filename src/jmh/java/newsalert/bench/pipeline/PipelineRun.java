package newsalert.bench.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One run of the pipeline benchmark: feed server up, config written, bot started, cycles driven and
 * measured, table printed.
 *
 * <p>How cycles are kept whole: the bot polls a feed again one {@code poll.interval} after it stored it, so
 * in a long cycle the feeds stored last would not be due when the next cycle starts. When every feed of a
 * cycle is done, the bot is frozen (SIGSTOP) for the interval + 2 s while the server switches to the next
 * cycle's documents, then thawed (SIGCONT): every feed is then due in its next cycle. Frozen time is left
 * out of the latencies; CPU time does not run while frozen.
 */
public final class PipelineRun {
    /**
     * The run's settings; see {@code newsalert.bench.PipelineBench --help}.
     *
     * @param store            the store the bots share, or null for each bot's default SQLite file
     * @param embeddedPostgres start an embedded PostgreSQL for the run and use it as the store
     * @param instances        how many {@code run} processes share the store and the feeds
     */
    public record Settings(int feeds, int items, int cycles, int alertEvery, int interval, Path jar,
                           List<String> jvm, Path configExtra, Path work, boolean keep, int serverThreads,
                           int cycleTimeout, BenchStore store, boolean embeddedPostgres, int instances) {
        /** The single-instance settings of issue 13: each bot on its default SQLite store. */
        public Settings(int feeds, int items, int cycles, int alertEvery, int interval, Path jar,
                        List<String> jvm, Path configExtra, Path work, boolean keep, int serverThreads,
                        int cycleTimeout) {
            this(feeds, items, cycles, alertEvery, interval, jar, jvm, configExtra, work, keep, serverThreads,
                    cycleTimeout, null, false, 1);
        }

        /** @return true when the run prints the shared-store tables (a store was named, or several bots) */
        boolean shared() {
            return store != null || embeddedPostgres || instances > 1;
        }
    }

    private final Settings s;
    private final PrintStream out;
    private BenchStore.Embedded postgres;

    /**
     * @param settings the run's settings
     * @param out      where progress and the table go
     */
    public PipelineRun(Settings settings, PrintStream out) {
        this.s = settings;
        this.out = out;
    }

    /** @return the exit code: 0 when every cycle completed */
    public int run() throws IOException, InterruptedException {
        Path dir = s.work() != null ? Files.createDirectories(s.work()) : Files.createTempDirectory("newsalert-bench");
        try (FeedServer server = new FeedServer(s.serverThreads())) {
            BenchStore store = s.store();
            if (s.embeddedPostgres()) {
                postgres = BenchStore.Embedded.start();
                store = postgres.store();
            }
            FeedPlan plan = new FeedPlan(s.feeds(), s.items(), s.alertEvery(), s.cycles(), server.base());
            server.plan(plan, s.cycles());
            server.soon(s.interval() * 500L);
            Path config = BenchConfig.write(dir, plan, s.interval(), s.configExtra(), store);
            List<Path> dirs = new ArrayList<>();
            List<List<String>> commands = new ArrayList<>();
            for (int i = 1; i <= s.instances(); i++) {
                Path botDir = s.instances() == 1 ? dir : Files.createDirectories(dir.resolve("bot-" + i));
                dirs.add(botDir);
                commands.add(BenchConfig.command(dir, botDir, s.jar(), s.jvm(), config));
            }
            out.printf("pipeline bench: %,d feeds × %d items, %d cycles, server %s, work %s%n  bot: %s%n",
                    s.feeds(), s.items(), s.cycles(), server.base(), dir, String.join(" ", commands.get(0)));
            if (s.shared()) {
                out.printf("  store: %s%s; %d instance(s)%s%n",
                        store == null ? "the bot's default SQLite file" : store.url(),
                        postgres != null ? " (embedded PostgreSQL)" : "", s.instances(),
                        s.instances() == 1 ? "" : ", each started in its own folder bot-N (its bot.log, gc.log)");
            }
            List<CycleFigures> rows = drive(server, plan, commands, dirs);
            out.println();
            CycleFigures.print(out, rows);
            if (s.shared()) {
                out.println();
                printShared(rows);
            }
            return rows.size() == s.cycles() ? 0 : 1;
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            if (!s.keep() && s.work() == null) {
                BenchConfig.delete(dir);
            } else {
                out.println("work folder kept: " + dir);
            }
        }
    }

    /** What the shared-store run measured per cycle beyond the issue-13 tables. */
    private record Shared(int[] doneBy, double[][] cpuBy, long[] rssKbBy, int readTwice, int notRead,
                          int soonRepeats, List<long[]> soonExamples, int doneAgain, double postgresCpu) {
    }

    private final List<Shared> shared = new ArrayList<>();
    private final List<String> closing = new ArrayList<>();

    private void printShared(List<CycleFigures> rows) {
        out.println("| cycle | bot | feeds it finished first | CPU s | main thread CPU s | RSS MB max |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (int c = 0; c < shared.size(); c++) {
            Shared sh = shared.get(c);
            for (int i = 0; i < sh.doneBy().length; i++) {
                out.printf(Locale.ROOT, "| %d %s | %d | %,d | %.1f | %.1f | %,d |%n", c + 1,
                        FeedPlan.scenario(c + 1).name().toLowerCase(Locale.ROOT).replace('_', '-'), i + 1,
                        sh.doneBy()[i], sh.cpuBy()[i][0], sh.cpuBy()[i][1], sh.rssKbBy()[i] / 1024);
            }
        }
        out.println();
        out.printf(Locale.ROOT, "| cycle | seconds | bots' CPU s | PostgreSQL CPU s | requests | feeds read ≥ 2× in the"
                + " cycle | feeds not read | requests < %d s after the feed's previous | feeds finished again |%n",
                s.interval() / 2);
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c = 0; c < shared.size(); c++) {
            Shared sh = shared.get(c);
            CycleFigures r = rows.get(c);
            out.printf(Locale.ROOT, "| %d %s | %.1f | %.1f | %s | %,d | %,d | %,d | %,d | %,d |%n", c + 1,
                    FeedPlan.scenario(c + 1).name().toLowerCase(Locale.ROOT).replace('_', '-'), r.seconds(),
                    r.cpuSeconds(), Double.isNaN(sh.postgresCpu()) ? "-" : String.format(Locale.ROOT, "%.1f",
                            sh.postgresCpu()), r.requests(), sh.readTwice(), sh.notRead(), sh.soonRepeats(),
                    sh.doneAgain());
            for (long[] e : sh.soonExamples()) {
                out.printf(Locale.ROOT, "  cycle %d: feed %d requested %.1f s after its previous request%n", c + 1,
                        e[0], e[1] / 1000.0);
            }
        }
        closing.forEach(out::println);
    }

    private List<CycleFigures> drive(FeedServer server, FeedPlan plan, List<List<String>> commands, List<Path> dirs)
            throws IOException, InterruptedException {
        int n = commands.size();
        List<CycleFigures> rows = new ArrayList<>();
        // read by the sampler thread while this one adds each cycle's watch
        List<CycleWatch> watches = new CopyOnWriteArrayList<>();
        List<double[][]> cpu = new ArrayList<>();
        List<Double> pgCpu = new ArrayList<>();
        List<int[]> readAtEnd = new ArrayList<>();
        List<Long> opened = new ArrayList<>();
        CycleWatch watch = new CycleWatch(1, server.open(1, Instant.now()), s.feeds(), n);
        long startMs = System.currentTimeMillis();
        List<BotProcess> bots = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                bots.add(BotProcess.start(commands.get(i), dirs.get(i), watch, i));
            }
            watches.add(watch); // before the sampler starts: it reads the last watch at once
            Thread sampler = sampler(bots, watches);
            double[][] atStart = new double[n][4];
            double pgAtStart = postgresCpu();
            opened.add(startMs);
            for (int c = 1; c <= s.cycles(); c++) {
                if (!awaitCycle(bots, watch)) {
                    break;
                }
                double[][] used = new double[n][];
                for (int b = 0; b < n; b++) {
                    double[] atEnd = usage(bots.get(b));
                    used[b] = new double[atEnd.length];
                    for (int i = 0; i < atEnd.length; i++) {
                        used[b][i] = atEnd[i] - atStart[b][i];
                    }
                }
                cpu.add(used);
                pgCpu.add(postgresCpu() - pgAtStart);
                watch.servedAtEnd = new long[] {watch.served.requests.get(), watch.served.notModified.get(),
                        watch.served.lastResponseMs.get()};
                readAtEnd.add(new int[] {watch.served.feedsReadTwice(), watch.served.feedsNotRead(),
                        watch.served.soonRepeats.get()});
                CycleWatch.Said said = watch.said();
                watch.load = loadAverage();
                out.printf(Locale.ROOT, "cycle %d (%s) done: %d feeds in %.1f s, load %s%n", c, FeedPlan.scenario(c),
                        said.done(), (said.completeMs() - watch.served.firstRequestMs.get()) / 1000.0, watch.load);
                if (c == s.cycles()) {
                    watch.heapAtEnd = bots.get(0).heapMb();
                    awaitTail(bots, watch);
                    break;
                }
                for (BotProcess bot : bots) {
                    bot.freeze();
                }
                watch.heapAtEnd = bots.get(0).heapMb();
                long thawAt = System.currentTimeMillis() + s.interval() * 1000L + 2000;
                CycleWatch next = new CycleWatch(c + 1, server.open(c + 1, Instant.now()), s.feeds(), n);
                watches.add(next);
                for (BotProcess bot : bots) {
                    bot.watch(next);
                }
                Thread.sleep(Math.max(0, thawAt - System.currentTimeMillis()));
                for (int b = 0; b < n; b++) {
                    atStart[b] = usage(bots.get(b));
                }
                pgAtStart = postgresCpu();
                for (BotProcess bot : bots) {
                    bot.thaw();
                }
                opened.add(System.currentTimeMillis());
                watch = next;
            }
            sampler.interrupt();
            List<GcLog.Pause> pauses = GcLog.read(dirs.get(0).resolve("gc.log"));
            for (int i = 0; i < cpu.size(); i++) {
                double[] sum = new double[4];
                for (double[] b : cpu.get(i)) {
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += b[k];
                    }
                }
                CycleWatch w = watches.get(i);
                rows.add(figures(w, plan, server, bots, pauses, sum, opened.get(i)));
                int[] read = readAtEnd.get(i);
                shared.add(new Shared(w.doneBy(), cpu.get(i), w.maxRssKbBy(), read[0], read[1], read[2],
                        List.copyOf(w.served.soonExamples),
                        w.doneAgain(), pgCpu.get(i)));
            }
            for (int b = 0; b < n; b++) {
                BotProcess bot = bots.get(b);
                long hwm = bot.statusKb("VmHWM") / 1024;
                int exit = bot.stop();
                String who = n == 1 ? "bot" : "bot " + (b + 1);
                out.printf(Locale.ROOT, "%s peak RSS (VmHWM) %,d MB, out of memory: %s, exit code %d%s%n",
                        who, hwm, bot.outOfMemory() ? "yes" : "no", exit, exit == 143 ? " (stopped by SIGTERM)" : "");
                if (s.shared()) {
                    var warnings = bot.warnings();
                    closing.add(String.format(Locale.ROOT, "%s logged %d WARN/ERROR lines%s", who, warnings.getKey(),
                            warnings.getKey() == 0 ? "" : ", the first " + warnings.getValue().size() + ":"));
                    warnings.getValue().forEach(l -> closing.add("  " + l));
                }
            }
        } finally {
            for (BotProcess bot : bots) {
                bot.close();
            }
        }
        return rows;
    }

    private double postgresCpu() {
        return postgres == null ? Double.NaN : postgres.cpuSeconds(100);
    }

    /** @return the bot's CPU seconds, its main thread's CPU and CPU-wait seconds, and MB written, so far */
    private static double[] usage(BotProcess bot) {
        double[] main = bot.mainThread();
        return new double[] {bot.cpuSeconds(), main[0], main[1], bot.writtenMb()};
    }

    private boolean awaitCycle(List<BotProcess> bots, CycleWatch watch) throws InterruptedException {
        long end = System.currentTimeMillis() + s.cycleTimeout() * 1000L;
        while (System.currentTimeMillis() < end) {
            if (watch.await(500)) {
                return true;
            }
            for (int b = 0; b < bots.size(); b++) {
                BotProcess bot = bots.get(b);
                if (!bot.alive()) {
                    out.println("the " + (bots.size() == 1 ? "bot" : "bot " + (b + 1)) + " exited during cycle "
                            + watch.number + (bot.outOfMemory() ? " (out of memory)" : "") + "; its last log lines:");
                    bot.tail().forEach(l -> out.println("  " + l));
                    return false;
                }
            }
        }
        CycleWatch.Said said = watch.said();
        out.printf("cycle %d not complete after %d s: %d of %,d feeds done; see bot.log (--keep)%n", watch.number,
                s.cycleTimeout(), said.done(), s.feeds());
        return false;
    }

    /** After the last cycle: waits until the bot asks for a feed again (its cycle is over) or 60 s pass. */
    private void awaitTail(List<BotProcess> bots, CycleWatch watch) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end && bots.stream().allMatch(BotProcess::alive)
                && watch.served.requests.get() <= s.feeds()) {
            Thread.sleep(200);
        }
    }

    private Thread sampler(List<BotProcess> bots, List<CycleWatch> watches) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() && bots.stream().anyMatch(BotProcess::alive)) {
                CycleWatch w = watches.get(watches.size() - 1);
                for (int b = 0; b < bots.size(); b++) {
                    w.rss(bots.get(b).statusKb("VmRSS"), b);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private CycleFigures figures(CycleWatch w, FeedPlan plan, FeedServer server, List<BotProcess> bots,
                                 List<GcLog.Pause> pauses, double[] cpu, long openedMs) {
        CycleWatch.Said said = w.said();
        FeedServer.Cycle served = w.served;
        long first = served.firstRequestMs.get();
        int version = FeedPlan.version(w.number);
        FeedPlan.Scenario scenario = FeedPlan.scenario(w.number);
        int worthy = 0;
        if (scenario == FeedPlan.Scenario.CHANGED) {
            int newest = version + plan.items();
            for (int f = 0; f < plan.feeds(); f++) {
                worthy += plan.alertWorthy(f, newest) ? 1 : 0;
            }
        }
        List<Double> latencies = new ArrayList<>();
        for (BotProcess bot : bots) {
            for (BotProcess.Alert a : bot.alerts()) {
                long servedMs = servedAt(server, a.id());
                if (servedMs >= first && servedMs <= said.completeMs()) {
                    long ms = a.printedMs() - servedMs - bot.frozenBetween(servedMs, a.printedMs());
                    latencies.add(ms / 1000.0);
                }
            }
        }
        latencies.sort(Comparator.naturalOrder());
        GcLog.Heap heap = GcLog.between(pauses, openedMs, said.completeMs());
        long[] end = w.servedAtEnd;
        return new CycleFigures(w.number, scenario, said.done(), (int) end[0], (int) end[1],
                said.failed(), (said.completeMs() - first) / 1000.0, (end[2] - first) / 1000.0,
                said.entries(), worthy, latencies.size(), cpu[0], cpu[1], cpu[2], cpu[3], heap, w.heapAtEnd,
                said.maxRssKb() / 1024,
                latencies, w.load, said.cycleLine());
    }

    /**
     * Writes the feeds of one cycle as files {@code <dir>/<n>.xml} (as the server would serve them, with
     * {@code http://127.0.0.1:8080} as base), for a look or for {@code scan}.
     *
     * @return the number of files written
     */
    public static int dump(Path dir, int feeds, int items, int alertEvery, int cycle) throws IOException {
        Files.createDirectories(dir);
        FeedPlan plan = new FeedPlan(feeds, items, alertEvery, cycle, "http://127.0.0.1:8080");
        Instant now = Instant.now();
        for (int v = 0; v <= FeedPlan.version(cycle); v++) {
            plan.open(v, now.minusSeconds(60L * (FeedPlan.version(cycle) - v)));
        }
        for (int f = 0; f < feeds; f++) {
            Files.write(dir.resolve(f + ".xml"), plan.render(f, FeedPlan.version(cycle)));
        }
        return feeds;
    }

    /** @return the scenario of a cycle, as printed */
    public static String scenarioName(int cycle) {
        return FeedPlan.scenario(cycle).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static long servedAt(FeedServer server, String id) {
        String[] p = id.split("-");
        if (p.length != 3 || !p[0].equals("nb")) {
            return -1;
        }
        try {
            return server.firstServed(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
