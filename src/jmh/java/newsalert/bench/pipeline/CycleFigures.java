package newsalert.bench.pipeline;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one cycle, as printed in the benchmark's table.
 *
 * @param cycle        cycle number (1-based)
 * @param scenario     what the feeds did in it
 * @param feeds        feeds the bot finished (stored, 304, or failed)
 * @param requests     requests the server answered in the cycle
 * @param notModified  of which 304s
 * @param failed       feeds the bot logged as failed
 * @param seconds      first request of the cycle → the bot finished its last feed, wall seconds
 * @param fetchSeconds first request → last response of the cycle (all GETs done)
 * @param entries      entries the bot logged as new
 * @param alertWorthy  new items written to alert (only changed cycles alert)
 * @param alerts       [ALERT] blocks printed for items first served in this cycle
 * @param cpuSeconds   the bot's CPU seconds (user + system) from the cycle's start to its end
 * @param mainCpu      CPU seconds of its Java main thread (the poll loop, which stores every feed), same span
 * @param mainWait     seconds that thread was runnable but waiting for a CPU (other jobs' load), same span
 * @param writtenMb    MB it wrote to storage (the SQLite store and its journal), same span
 * @param heap         heap from the GC log: peak used / used after the last pause / committed, MB
 * @param heapAtEnd    heap when the cycle ended (jstat): used and committed, MB
 * @param rssMb        highest RSS sampled in the cycle, MB
 * @param latencies    alert latencies in seconds (first served → printed, frozen time left out), sorted
 * @param load         1-minute load average at the cycle's end
 * @param botLine      the bot's own once-per-cycle line, when it prints one
 */
record CycleFigures(int cycle, FeedPlan.Scenario scenario, int feeds, int requests, int notModified, int failed,
                    double seconds, double fetchSeconds, int entries, int alertWorthy, int alerts,
                    double cpuSeconds, double mainCpu, double mainWait, double writtenMb, GcLog.Heap heap,
                    long[] heapAtEnd, long rssMb, List<Double> latencies, String load, String botLine) {

    /**
     * Prints the figures as two Markdown tables, one row a cycle: what the bot did (requests, seconds,
     * entries, alerts, latency), then what it cost (CPU, writes, heap, RSS, load); then the bot's own cycle
     * lines if any.
     */
    static void print(PrintStream out, List<CycleFigures> rows) {
        out.println("| cycle | feeds | requests | 304 | failed | seconds | GETs done | entries | alert-worthy | alerts"
                + " | alert latency s median / max |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (CycleFigures r : rows) {
            out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %d | %.1f | %.1f | %,d | %d | %d | %s |%n",
                    r.name(), r.feeds, r.requests, r.notModified, r.failed, r.seconds, r.fetchSeconds, r.entries,
                    r.alertWorthy, r.alerts, latency(r.latencies));
        }
        out.println();
        out.println("| cycle | CPU s | main thread CPU s / waiting for a CPU s | MB written | heap MB used at end"
                + " | GC: heap MB peak / after / committed | RSS MB max | load 1/5/15 min |");
        out.println("|---|---:|---|---:|---:|---|---:|---|");
        for (CycleFigures r : rows) {
            out.printf(Locale.ROOT, "| %s | %.1f | %.1f / %.1f | %.0f | %s | %s | %,d | %s |%n",
                    r.name(), r.cpuSeconds, r.mainCpu, r.mainWait, r.writtenMb,
                    r.heapAtEnd[0] < 0 ? "?" : Long.toString(r.heapAtEnd[0]), r.heap.text(), r.rssMb, r.load);
        }
        for (CycleFigures r : rows) {
            if (r.botLine != null) {
                out.printf("cycle %d, the bot's own line: poll cycle: %s%n", r.cycle, r.botLine);
            }
        }
    }

    private String name() {
        return cycle + " " + scenario.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String latency(List<Double> l) {
        if (l.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f / %.1f", l.get((l.size() - 1) / 2), l.get(l.size() - 1));
    }
}
