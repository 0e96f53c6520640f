package newsalert.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * The thread CPU time of one {@link newsalert.event.EventGrouper#offer}, beside JMH on a shared machine (as
 * {@link CpuTimeCheck} does for the analysis): time spent waiting for a core is not counted. Not a JMH
 * benchmark; run it from the benchmark jar:
 * {@code java -Xms512m -Xmx512m -cp target/benchmarks.jar newsalert.bench.EventCpuCheck}.
 *
 * <p>Rule: for each case — {@link EventBenchmark}'s {@code add}, {@code reofferUnchanged} and
 * {@code reofferChanged} with 10,000 stories in the window, then {@link LargeEventBenchmark}'s three with an
 * event of 100 members — sets the state up as JMH would (setup not timed), warms up for
 * {@value #WARMUP_ROUNDS} rounds, then times {@value #ROUNDS} rounds, and prints the best and the mean
 * round in µs of CPU per offer. A round is {@value #PER_ROUND} offers on {@link EventBenchmark} (one setup
 * for all rounds) and one batch of {@value LargeEventBenchmark#BATCH} on a fresh {@link LargeEventBenchmark}.
 * An argument limits the run to the cases whose name contains it.
 */
public final class EventCpuCheck {
    private static final int WARMUP_ROUNDS = 3;
    private static final int ROUNDS = 5;
    private static final int PER_ROUND = 5_000;
    private static Object sink;

    private EventCpuCheck() {
    }

    /** @param args optional: a part of the case names to run ("reoffer", "Large") */
    public static void main(String[] args) {
        String only = args.length == 0 ? "" : args[0];
        for (String method : new String[] {"add", "reofferUnchanged", "reofferChanged"}) {
            String name = "EventBenchmark." + method;
            if (!name.contains(only)) {
                continue;
            }
            EventBenchmark b = new EventBenchmark();
            b.setUp();
            Runnable op = switch (method) {
                case "add" -> () -> sink = b.add();
                case "reofferUnchanged" -> () -> sink = b.reofferUnchanged();
                default -> () -> sink = b.reofferChanged();
            };
            report(name, () -> op, PER_ROUND);
        }
        for (String method : new String[] {"add", "reofferUnchanged", "reofferChanged"}) {
            String name = "LargeEventBenchmark." + method + " (members 100)";
            if (!name.contains(only)) {
                continue;
            }
            report(name, () -> {
                LargeEventBenchmark b = new LargeEventBenchmark();
                b.members = 100;
                b.setUp();
                return switch (method) {
                    case "add" -> () -> sink = b.add();
                    case "reofferUnchanged" -> () -> sink = b.reofferUnchanged();
                    default -> () -> sink = b.reofferChanged();
                };
            }, LargeEventBenchmark.BATCH);
        }
    }

    /** @param fresh gives the operation of one round (a new state, or the same one again) */
    private static void report(String name, Supplier<Runnable> fresh, int perRound) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        double sum = 0;
        for (int r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
            Runnable op = fresh.get();
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                op.run();
            }
            double us = (mx.getCurrentThreadCpuTime() - t0) / 1000.0 / perRound;
            if (r >= WARMUP_ROUNDS) {
                best = Math.min(best, us);
                sum += us;
            }
        }
        System.out.printf("%s: CPU µs/offer best %.2f, mean %.2f%n", name, best, sum / ROUNDS);
    }
}
