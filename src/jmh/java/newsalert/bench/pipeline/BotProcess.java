package newsalert.bench.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The bot under test: {@code java <jvm options> -jar newsalert.jar run --config <file>} started in the
 * benchmark's work folder (so the default store {@code data/newsalert.db} lands there), with no chat
 * tokens in its environment (alerts go to the console).
 *
 * <p>It reads the bot's console: each {@code [ALERT]} block's {@code id:} line is timestamped when read
 * ({@code [UPDATE]} blocks, the console's edits, are not alerts)
 * (epoch ms); each log line (stderr) goes to {@code bot.log} in the work folder and to the current
 * {@link CycleWatch}. It reads CPU time ({@code /proc/<pid>/stat} utime + stime) and memory
 * ({@code /proc/<pid>/status} VmRSS, VmHWM), and can freeze and thaw the process with SIGSTOP / SIGCONT
 * (Linux only), keeping the frozen intervals so latencies can leave them out.
 */
final class BotProcess implements AutoCloseable {
    /** An alert printed on the console: the story id and the epoch ms at which its block was read. */
    record Alert(String id, long printedMs) {
    }

    /** An interval in epoch ms during which the bot was frozen. */
    record Frozen(long fromMs, long toMs) {
    }

    private final Process process;
    private final List<Alert> alerts = new ArrayList<>();
    private final List<Frozen> frozen = new ArrayList<>();
    private final List<String> tail = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private final long ticksPerSecond;
    private final int instance;
    private final List<String> warnings = new ArrayList<>();
    private int warningCount;
    private volatile CycleWatch watch;
    private volatile boolean outOfMemory;
    private long frozenAt;
    private boolean isFrozen;

    private BotProcess(Process process, Path log, long ticksPerSecond, int instance) throws IOException {
        this.process = process;
        this.ticksPerSecond = ticksPerSecond;
        this.instance = instance;
        PrintWriter logFile = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        readers.add(reader("bench-bot-stderr", process.getErrorStream(), line -> {
            long ms = System.currentTimeMillis();
            logFile.println(line);
            if (line.contains("OutOfMemoryError")) {
                outOfMemory = true;
            }
            if (line.contains(" WARN ") || line.contains(" ERROR ")) {
                synchronized (warnings) {
                    warningCount++;
                    if (warnings.size() < 20) {
                        warnings.add(line);
                    }
                }
            }
            synchronized (tail) {
                tail.add(line);
                if (tail.size() > 20) {
                    tail.remove(0);
                }
            }
            CycleWatch w = watch;
            if (w != null) {
                w.logLine(line, ms, instance);
            }
        }));
        boolean[] inAlert = {false};
        readers.add(reader("bench-bot-stdout", process.getInputStream(), line -> {
            // only [ALERT] blocks count: [UPDATE] blocks (toll edits) end with an id line too
            if (line.startsWith("[")) {
                inAlert[0] = line.startsWith("[ALERT]");
            } else if (line.startsWith("id: ") && inAlert[0]) {
                inAlert[0] = false;
                synchronized (alerts) {
                    alerts.add(new Alert(line.substring(4).trim(), System.currentTimeMillis()));
                }
            }
        }));
    }

    /**
     * Starts the bot.
     *
     * @param command the whole command line ({@code java … -jar … run --config …})
     * @param dir     the work folder
     * @param watch   the first cycle's watch
     * @return the running bot
     * @throws IOException when it cannot be started
     */
    static BotProcess start(List<String> command, Path dir, CycleWatch watch) throws IOException {
        return start(command, dir, watch, 0);
    }

    /**
     * Starts one of several bots on one store: its log lines go to the watch as instance {@code instance}, and
     * its log to {@code bot.log} in {@code dir}.
     *
     * @param instance the bot's number among the instances, 0-based
     * @return the running bot
     * @throws IOException when it cannot be started
     */
    static BotProcess start(List<String> command, Path dir, CycleWatch watch, int instance) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        for (String secret : List.of("TELEGRAM_BOT_TOKEN", "DISCORD_TOKEN", "NEWSALERT_STORE_URL",
                "NEWSALERT_STORE_USER", "NEWSALERT_STORE_PASSWORD", "NEWSALERT_STORE_PASSWORD_FILE",
                "NEWSALERT_LOG_LEVEL", "JAVA_TOOL_OPTIONS")) {
            pb.environment().remove(secret);
        }
        long ticks = 100;
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            byte[] answer = getconf.getInputStream().readAllBytes();
            ticks = Long.parseLong(new String(answer, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            // 100 is the Linux default
        }
        BotProcess bot = new BotProcess(pb.start(), dir.resolve("bot.log"), ticks, instance);
        bot.watch = watch;
        return bot;
    }

    private static Thread reader(String name, InputStream in, Consumer<String> each) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    each.accept(line);
                }
            } catch (IOException e) {
                // the bot exited
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    boolean outOfMemory() {
        return outOfMemory;
    }

    /** Directs the log lines to the next cycle's watch. */
    void watch(CycleWatch next) {
        this.watch = next;
    }

    /** Freezes the bot (SIGSTOP). */
    void freeze() throws IOException, InterruptedException {
        frozenAt = System.currentTimeMillis();
        signal("STOP");
        isFrozen = true;
    }

    /** Thaws the bot (SIGCONT). */
    void thaw() throws IOException, InterruptedException {
        signal("CONT");
        isFrozen = false;
        synchronized (frozen) {
            frozen.add(new Frozen(frozenAt, System.currentTimeMillis()));
        }
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** @return CPU seconds (user + system) the bot has used, from /proc/PID/stat */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3 (index 0 here), utime 14 (index 11), stime 15 (index 12)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The Java main thread (the bot's poll loop, which stores every feed): the first thread named
     * {@code java} after the launcher's own, read from {@code /proc/PID/task/TID/schedstat}.
     *
     * @return {@code {CPU seconds, seconds runnable but waiting for a CPU}} so far, or NaNs
     */
    double[] mainThread() {
        long pid = process.pid();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            long best = Long.MAX_VALUE;
            for (Path t : tasks.toList()) {
                long tid = Long.parseLong(t.getFileName().toString());
                if (tid != pid && tid < best && "java".equals(Files.readString(t.resolve("comm")).trim())) {
                    best = tid;
                }
            }
            Path stat = Path.of("/proc", Long.toString(pid), "task", Long.toString(best), "schedstat");
            String[] f = Files.readString(stat).trim().split(" ");
            return new double[] {Long.parseLong(f[0]) / 1e9, Long.parseLong(f[1]) / 1e9};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** @return MB the bot has written to storage ({@code write_bytes} of /proc/PID/io), or NaN */
    double writtenMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring(12).trim()) / 1048576.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable
        }
        return Double.NaN;
    }

    /** @return the value in kB of a /proc/PID/status line such as {@code VmRSS}, or 0 */
    long statusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return 0;
    }

    /**
     * The heap now, from {@code jstat -gc PID} (which reads the JVM's performance counters, so it works on a
     * frozen bot too): used (survivors + eden + old) and committed, in MB.
     *
     * @return {@code {used, committed}}, or {@code {-1, -1}} when jstat fails
     */
    long[] heapMb() {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
                    Long.toString(process.pid())).redirectErrorStream(true).start();
            String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
            p.waitFor(30, TimeUnit.SECONDS);
            List<String> head = List.of(lines[0].trim().split("\\s+"));
            String[] v = lines[1].trim().split("\\s+");
            double used = 0;
            double committed = 0;
            for (String col : List.of("S0U", "S1U", "EU", "OU")) {
                used += Double.parseDouble(v[head.indexOf(col)]);
            }
            for (String col : List.of("S0C", "S1C", "EC", "OC")) {
                committed += Double.parseDouble(v[head.indexOf(col)]);
            }
            return new long[] {Math.round(used / 1024), Math.round(committed / 1024)};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new long[] {-1, -1};
        }
    }

    /** @return how many WARN or ERROR lines the bot logged, and the first 20 of them */
    Map.Entry<Integer, List<String>> warnings() {
        synchronized (warnings) {
            return Map.entry(warningCount, List.copyOf(warnings));
        }
    }

    List<Alert> alerts() {
        synchronized (alerts) {
            return List.copyOf(alerts);
        }
    }

    /** @return how long the bot was frozen between two epoch ms */
    long frozenBetween(long fromMs, long toMs) {
        long sum = 0;
        synchronized (frozen) {
            for (Frozen f : frozen) {
                sum += Math.max(0, Math.min(toMs, f.toMs()) - Math.max(fromMs, f.fromMs()));
            }
        }
        return sum;
    }

    /** @return the last log lines, for an error message */
    List<String> tail() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /**
     * Stops the bot as Ctrl-C would (SIGTERM), then forcibly after 30 s, and reads its last lines.
     *
     * @return the bot's exit code
     */
    int stop() throws InterruptedException {
        close();
        for (Thread t : readers) {
            t.join(5_000);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        if (isFrozen) {
            try {
                thaw();
            } catch (IOException e) {
                process.destroyForcibly();
            }
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
