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
    /** The run's settings; see {@code newsalert.bench.PipelineBench --help}. */
    public record Settings(int feeds, int items, int cycles, int alertEvery, int interval, Path jar,
                           List<String> jvm, Path configExtra, Path work, boolean keep, int serverThreads,
                           int cycleTimeout) {
    }

    private final Settings s;
    private final PrintStream out;

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
            FeedPlan plan = new FeedPlan(s.feeds(), s.items(), s.alertEvery(), s.cycles(), server.base());
            server.plan(plan, s.cycles());
            Path config = BenchConfig.write(dir, plan, s.interval(), s.configExtra());
            List<String> command = BenchConfig.command(dir, s.jar(), s.jvm(), config);
            out.printf("pipeline bench: %,d feeds × %d items, %d cycles, server %s, work %s%n  bot: %s%n",
                    s.feeds(), s.items(), s.cycles(), server.base(), dir, String.join(" ", command));
            List<CycleFigures> rows = drive(server, plan, command, dir);
            out.println();
            CycleFigures.print(out, rows);
            return rows.size() == s.cycles() ? 0 : 1;
        } finally {
            if (!s.keep() && s.work() == null) {
                BenchConfig.delete(dir);
            } else {
                out.println("work folder kept: " + dir);
            }
        }
    }

    private List<CycleFigures> drive(FeedServer server, FeedPlan plan, List<String> command, Path dir)
            throws IOException, InterruptedException {
        List<CycleFigures> rows = new ArrayList<>();
        List<CycleWatch> watches = new ArrayList<>();
        List<double[]> cpu = new ArrayList<>();
        List<Long> opened = new ArrayList<>();
        CycleWatch watch = new CycleWatch(1, server.open(1, Instant.now()), s.feeds());
        long startMs = System.currentTimeMillis();
        try (BotProcess bot = BotProcess.start(command, dir, watch)) {
            Thread sampler = sampler(bot, watches);
            watches.add(watch);
            double[] atStart = {0, 0, 0, 0};
            opened.add(startMs);
            for (int c = 1; c <= s.cycles(); c++) {
                if (!awaitCycle(bot, watch)) {
                    break;
                }
                double[] atEnd = usage(bot);
                double[] used = new double[atEnd.length];
                for (int i = 0; i < used.length; i++) {
                    used[i] = atEnd[i] - atStart[i];
                }
                cpu.add(used);
                watch.servedAtEnd = new long[] {watch.served.requests.get(), watch.served.notModified.get(),
                        watch.served.lastResponseMs.get()};
                CycleWatch.Said said = watch.said();
                watch.load = loadAverage();
                out.printf(Locale.ROOT, "cycle %d (%s) done: %d feeds in %.1f s, load %s%n", c, FeedPlan.scenario(c),
                        said.done(), (said.completeMs() - watch.served.firstRequestMs.get()) / 1000.0, watch.load);
                if (c == s.cycles()) {
                    watch.heapAtEnd = bot.heapMb();
                    awaitTail(bot, watch);
                    break;
                }
                bot.freeze();
                watch.heapAtEnd = bot.heapMb();
                long thawAt = System.currentTimeMillis() + s.interval() * 1000L + 2000;
                CycleWatch next = new CycleWatch(c + 1, server.open(c + 1, Instant.now()), s.feeds());
                watches.add(next);
                bot.watch(next);
                Thread.sleep(Math.max(0, thawAt - System.currentTimeMillis()));
                atStart = usage(bot);
                bot.thaw();
                opened.add(System.currentTimeMillis());
                watch = next;
            }
            sampler.interrupt();
            List<GcLog.Pause> pauses = GcLog.read(dir.resolve("gc.log"));
            for (int i = 0; i < cpu.size(); i++) {
                rows.add(figures(watches.get(i), plan, server, bot, pauses, cpu.get(i), opened.get(i)));
            }
            long hwm = bot.statusKb("VmHWM") / 1024;
            int exit = bot.stop();
            out.printf(Locale.ROOT, "bot peak RSS (VmHWM) %,d MB, out of memory: %s, exit code %d%s%n",
                    hwm, bot.outOfMemory() ? "yes" : "no", exit, exit == 143 ? " (stopped by SIGTERM)" : "");
        }
        return rows;
    }

    /** @return the bot's CPU seconds, its main thread's CPU and CPU-wait seconds, and MB written, so far */
    private static double[] usage(BotProcess bot) {
        double[] main = bot.mainThread();
        return new double[] {bot.cpuSeconds(), main[0], main[1], bot.writtenMb()};
    }

    private boolean awaitCycle(BotProcess bot, CycleWatch watch) throws InterruptedException {
        long end = System.currentTimeMillis() + s.cycleTimeout() * 1000L;
        while (System.currentTimeMillis() < end) {
            if (watch.await(500)) {
                return true;
            }
            if (!bot.alive()) {
                out.println("the bot exited during cycle " + watch.number
                        + (bot.outOfMemory() ? " (out of memory)" : "") + "; its last log lines:");
                bot.tail().forEach(l -> out.println("  " + l));
                return false;
            }
        }
        CycleWatch.Said said = watch.said();
        out.printf("cycle %d not complete after %d s: %d of %,d feeds done; see bot.log (--keep)%n", watch.number,
                s.cycleTimeout(), said.done(), s.feeds());
        return false;
    }

    /** After the last cycle: waits until the bot asks for a feed again (its cycle is over) or 60 s pass. */
    private void awaitTail(BotProcess bot, CycleWatch watch) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end && bot.alive() && watch.served.requests.get() <= s.feeds()) {
            Thread.sleep(200);
        }
    }

    private Thread sampler(BotProcess bot, List<CycleWatch> watches) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() && bot.alive()) {
                long kb = bot.statusKb("VmRSS");
                watches.get(watches.size() - 1).rss(kb);
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

    private CycleFigures figures(CycleWatch w, FeedPlan plan, FeedServer server, BotProcess bot,
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
        for (BotProcess.Alert a : bot.alerts()) {
            long servedMs = servedAt(server, a.id());
            if (servedMs >= first && servedMs <= said.completeMs()) {
                long ms = a.printedMs() - servedMs - bot.frozenBetween(servedMs, a.printedMs());
                latencies.add(ms / 1000.0);
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
