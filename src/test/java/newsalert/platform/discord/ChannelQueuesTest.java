package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import newsalert.testing.LogCapture;
import org.junit.jupiter.api.Test;

/** The per-channel queues in front of the Discord command threads, on a hand-driven FIFO executor. */
class ChannelQueuesTest {
    /** Runs nothing until {@link #runOne}; refuses everything once stopped. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> queue = new ArrayDeque<>();
        boolean stopped;

        @Override
        public void execute(Runnable command) {
            if (stopped) {
                throw new RejectedExecutionException("stopped");
            }
            queue.add(command);
        }

        boolean runOne() {
            Runnable r = queue.poll();
            if (r == null) {
                return false;
            }
            r.run();
            return true;
        }
    }

    private final ManualExecutor executor = new ManualExecutor();
    private final List<String> ran = new ArrayList<>();

    private Runnable task(String name) {
        return () -> ran.add(name);
    }

    @Test
    void aChannelRunsInOrderOneAtATimeAndChannelsTakeTurns() {
        ChannelQueues queues = new ChannelQueues(executor, 20);
        for (int i = 1; i <= 4; i++) {
            assertThat(queues.submit("a", task("a" + i))).isEqualTo(ChannelQueues.Outcome.QUEUED);
        }
        assertThat(queues.submit("b", task("b1"))).isEqualTo(ChannelQueues.Outcome.QUEUED);
        assertThat(queues.submit("c", task("c1"))).isEqualTo(ChannelQueues.Outcome.QUEUED);
        assertThat(executor.queue).as("one task per channel at a time").hasSize(3);
        assertThat(queues.waiting("a")).isEqualTo(3);
        while (executor.runOne()) {
            assertThat(executor.queue.size()).isLessThanOrEqualTo(3);
        }
        assertThat(ran).containsExactly("a1", "b1", "c1", "a2", "a3", "a4");
        assertThat(queues.waiting("a")).isZero();
        assertThat(queues.submit("a", task("a5"))).isEqualTo(ChannelQueues.Outcome.QUEUED);
        assertThat(executor.queue).hasSize(1);
    }

    @Test
    void aFullChannelRefusesWhileOthersAreTaken() {
        ChannelQueues queues = new ChannelQueues(executor, 2);
        queues.submit("a", task("a1"));
        queues.submit("a", task("a2"));
        queues.submit("a", task("a3"));
        assertThat(queues.submit("a", task("a4"))).isEqualTo(ChannelQueues.Outcome.FULL);
        assertThat(queues.submit("b", task("b1"))).isEqualTo(ChannelQueues.Outcome.QUEUED);
        executor.runOne();
        assertThat(queues.submit("a", task("a5"))).as("room again once one ran").isEqualTo(ChannelQueues.Outcome.QUEUED);
        while (executor.runOne()) {
            // drain
        }
        assertThat(ran).containsExactly("a1", "b1", "a2", "a3", "a5");
    }

    @Test
    void aThrowingCommandDoesNotStopItsChannel() {
        ChannelQueues queues = new ChannelQueues(executor, 5);
        queues.submit("a", () -> {
            throw new IllegalStateException("boom");
        });
        queues.submit("a", task("a2"));
        try (LogCapture log = LogCapture.of(ChannelQueues.class)) {
            while (executor.runOne()) {
                // drain
            }
            assertThat(log.lines()).containsExactly("WARN a slash command of channel a failed");
        }
        assertThat(ran).containsExactly("a2");
    }

    @Test
    void aStoppedExecutorIsReportedAndLeavesNoChannelBehind() {
        ChannelQueues queues = new ChannelQueues(executor, 5);
        queues.submit("a", task("a1"));
        queues.submit("a", task("a2"));
        executor.stopped = true;
        try (LogCapture log = LogCapture.of(ChannelQueues.class)) {
            executor.runOne();
            assertThat(log.lines()).containsExactly("INFO bot is closing; 1 slash command(s) of channel a not answered");
        }
        assertThat(ran).containsExactly("a1");
        assertThat(queues.waiting("a")).isZero();
        assertThat(queues.submit("a", task("a3"))).isEqualTo(ChannelQueues.Outcome.STOPPED);
        assertThat(queues.submit("b", task("b1"))).isEqualTo(ChannelQueues.Outcome.STOPPED);
        assertThatThrownBy(() -> new ChannelQueues(executor, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
